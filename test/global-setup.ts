// Builds one migrated, seeded template database per test run; each test file starts from a copy.
// PGlite: a data-dir dump loaded per file (~0.3 s instead of a cold migrate). PostgreSQL
// (DATABASE_URL set): a template database cloned with CREATE DATABASE … TEMPLATE.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/core/db/client';
import { prepareDatabase } from '../src/bootstrap';
import { systemClock } from '../src/core/context';
import { silentLogger } from './logger';

export const TEMPLATE_DIR = path.resolve('.test-data');

export default async function setup(project: TestProject) {
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const url = process.env.DATABASE_URL;
  const started = Date.now();
  let templateDb: string | undefined;
  if (url) {
    templateDb = `pamong_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`);
    await admin.query(`CREATE DATABASE ${templateDb}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDb(url, templateDb) });
    const config = loadConfig({ DATABASE_URL: withDb(url, templateDb), PAMONG_DATA_DIR: TEMPLATE_DIR });
    await prepareDatabase(
      { config, database, db: database.db, clock: systemClock, log: silentLogger },
      { seedDemo: true },
    );
    await database.close();
    project.provide('pgTemplate', templateDb);
  } else {
    const database = await openDatabase({});
    const config = loadConfig({ PAMONG_DATA_DIR: TEMPLATE_DIR });
    await prepareDatabase(
      { config, database, db: database.db, clock: systemClock, log: silentLogger },
      { seedDemo: true },
    );
    const dump = await database.pglite!.dumpDataDir('none');
    fs.writeFileSync(path.join(TEMPLATE_DIR, 'template.tar'), Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('pgTemplate', '');
  }
  console.log(`test template database ready in ${Date.now() - started} ms (${url ? 'PostgreSQL' : 'PGlite'})`);
  return async () => {
    if (url && templateDb) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'pamong\\_t\\_${process.pid}\\_%' OR datname = $1`,
        [templateDb],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
