// A private copy of the template database for one test file.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/core/db/client';
import { TEMPLATE_DIR, withDb } from './global-setup';

export interface TestDatabase {
  database: Database;
  /** postgres:// URL of this copy (PostgreSQL runs only), for a second process to open. */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `pamong_t_${template.replace('pamong_tpl_', '')}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // CREATE DATABASE … TEMPLATE needs no other session on the template; retry briefly if one lingers.
    for (let i = 0; ; i++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await admin.end();
    const dbUrl = withDb(url, name);
    const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 5 });
    return {
      database,
      url: dbUrl,
      drop: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const tar = fs.readFileSync(path.join(TEMPLATE_DIR, 'template.tar'));
  const database = await openDatabase({ loadDataDir: new Blob([tar]) });
  return { database, drop: () => database.close() };
}

/** A migrated database with no data at all (restore targets, first-boot tests). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const { migrateDatabase } = await import('../src/core/db/migrate');
  if (url) {
    const name = `pamong_t_${process.pid}_e${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const dbUrl = withDb(url, name);
    const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 5 });
    await migrateDatabase(database);
    return {
      database,
      url: dbUrl,
      drop: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const database = await openDatabase({});
  await migrateDatabase(database);
  return { database, drop: () => database.close() };
}
