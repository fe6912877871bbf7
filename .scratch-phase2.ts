import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { openDatabase } from './src/core/db/client';
import { migrateDatabase } from './src/core/db/migrate';
import { sql } from 'drizzle-orm';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const database = await openDatabase({});
await migrateDatabase(database);
const db = database.db;
let c = cpu();
const lap = (n: string) => { const x = cpu(); console.log(n.padEnd(10), Math.round(x - c)); c = x; };
const D = 'node_modules/idn-area-data/data/';
const rows: [string,string,number,string|null][] = [];
for (const [f, lvl] of [['provinces.csv',1],['regencies.csv',2],['districts.csv',3],['villages.csv',4]] as const) {
  const recs = parse(fs.readFileSync(D + f, 'utf8'), { from_line: 2 }) as string[][];
  for (const r of recs) rows.push(lvl === 1 ? [r[0]!, r[1]!, 1, null] : [r[0]!, r[2]!, lvl, r[1]!]);
}
lap('parse');
const json = JSON.stringify(rows); lap('stringify');
await db.transaction(async (tx) => {
for (const q of ['drop index core_regions_parent_idx','drop index core_regions_code_prefix_idx','drop index core_regions_name_trgm_idx', ...(process.argv[2]==='pk'?['alter table core_regions drop constraint core_regions_pkey']:[])]) await tx.execute(sql.raw(q)); lap('drop');
await tx.execute(sql`insert into core_regions (code, name, level, parent_code) select r->>0, r->>1, (r->>2)::smallint, r->>3 from json_array_elements(${json}::json) r`); lap('insert');
if (process.argv[2]==='pk') await tx.execute(sql.raw(`alter table core_regions add constraint core_regions_pkey primary key (code)`)); lap('pk');
});
await database.close();
