// Applies drizzle-kit's SQL migrations (one ordered history in /drizzle), then idempotent
// post-migration SQL (triggers, grants) that drizzle-kit does not generate.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './client';

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));
const coreSqlDir = new URL('./sql/', import.meta.url);

/** Post-migration SQL files, run in order after every migrate; each must be idempotent. */
export function postMigrationSql(extra: URL[] = []): string[] {
  const core = fs
    .readdirSync(coreSqlDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => new URL(f, coreSqlDir));
  return [...core, ...extra].map((u) => fs.readFileSync(u, 'utf8'));
}

export async function migrateDatabase(database: Database, extraSql: URL[] = []): Promise<void> {
  // Extensions the migrations' indexes need (trigram search); shipped with PostgreSQL contrib and PGlite.
  await database.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  if (database.kind === 'postgres') {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  } else {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  }
  for (const sql of postMigrationSql(extraSql)) await database.exec(sql);
}
