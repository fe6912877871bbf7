import { openDatabase } from './src/core/db/client';
import { migrateDatabase } from './src/core/db/migrate';
import { readRegionFile } from './src/core/org/load-regions';
import { sql } from 'drizzle-orm';
const database = await openDatabase({});
await migrateDatabase(database);
let d0 = await database.pglite!.dumpDataDir('none'); console.log('empty dump', d0.size);
let t = performance.now();
const rows = [1,2,3,4].flatMap((l) => readRegionFile(l as 1));
console.log('parse', Math.round(performance.now() - t)); 
const mode = process.argv[2];
if (mode === 'noidx') await database.exec('drop index core_regions_name_trgm_idx; drop index core_regions_code_prefix_idx; drop index core_regions_parent_idx');
t = performance.now();
await database.db.execute(sql`insert into core_regions (code, name, level, parent_code) select r.code, r.name, r."level", r."parentCode" from json_to_recordset(${JSON.stringify(rows)}::json) as r(code text, name text, "level" smallint, "parentCode" text)`);
console.log('insert', Math.round(performance.now() - t));
if (mode === 'noidx') { t = performance.now(); await database.exec(`CREATE INDEX "core_regions_name_trgm_idx" ON "core_regions" USING gin ("name" gin_trgm_ops)`); console.log('trgm', Math.round(performance.now() - t));
 t = performance.now(); await database.exec(`CREATE INDEX "core_regions_code_prefix_idx" ON "core_regions" USING btree ("code" text_pattern_ops); CREATE INDEX core_regions_parent_idx on core_regions(parent_code)`); console.log('btree', Math.round(performance.now() - t)); }
t = performance.now(); const d = await database.pglite!.dumpDataDir('none'); console.log('dump', d.size, Math.round(performance.now()-t));
await database.close();
