import { openDatabase } from './src/core/db/client';
import { migrateDatabase } from './src/core/db/migrate';
import { readRegionFile } from './src/core/org/load-regions';
import { sql } from 'drizzle-orm';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const database = await openDatabase({});
await migrateDatabase(database);
const db = database.db;
let c = cpu();
const lap = (n: string) => { const x = cpu(); console.log(n.padEnd(10), Math.round(x - c)); c = x; };
const rows = [1,2,3,4].flatMap((l) => readRegionFile(l as 1)); lap('parse');
const json = JSON.stringify(rows); lap('stringify');
const idx = (await db.execute<{name:string,def:string}>(sql`select indexname as name, indexdef as def from pg_indexes where tablename='core_regions' and indexname <> 'core_regions_pkey'`)).rows;
await db.transaction(async (tx) => {
for (const i of idx) await tx.execute(sql.raw(`drop index ${i.name}`)); lap('drop');
await tx.execute(sql`insert into core_regions (code, name, level, parent_code) select r.code, r.name, r."level", r."parentCode" from json_to_recordset(${json}::json) as r(code text, name text, "level" smallint, "parentCode" text)`); lap('insert');
for (const i of idx) { await tx.execute(sql.raw(i.def)); lap(i.name); }
});
lap('commit');
await db.execute(sql`analyze core_regions`); lap('analyze');
await database.close();
