import { openDatabase } from './src/core/db/client';
import { migrateDatabase } from './src/core/db/migrate';
import { loadRegions } from './src/core/org/load-regions';
import pg from 'pg';
const url = process.env.DATABASE_URL;
let database;
if (url) {
  const a = new pg.Client({ connectionString: url }); await a.connect();
  await a.query('drop database if exists scratch_regions'); await a.query('create database scratch_regions'); await a.end();
  database = await openDatabase({ databaseUrl: url.replace(/\/postgres$/, '/scratch_regions') });
} else database = await openDatabase({});
let t = performance.now();
await migrateDatabase(database);
console.log('migrate', Math.round(performance.now() - t));
const r1 = await loadRegions(database.db);
console.log('first', r1);
const r2 = await loadRegions(database.db);
console.log('second', r2);
if (database.pglite) { t = performance.now(); const d = await database.pglite.dumpDataDir('none'); console.log('dump', d.size, Math.round(performance.now()-t)); }
await database.close();
