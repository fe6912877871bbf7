// Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in <dataDir>/pg,
// held under an exclusive lock for the life of the process.
import path from 'node:path';
import type { Config } from '../../config';
import { type Database, openDatabase } from './client';
import { lockDataDir } from './lock';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ databaseUrl: config.databaseUrl });
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ pgliteDir: path.join(config.dataDir, 'pg') });
    const close = database.close;
    database.close = async () => {
      try {
        await close();
      } finally {
        release();
      }
    };
    return database;
  } catch (e) {
    release();
    throw e;
  }
}
