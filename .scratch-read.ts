import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { readRegionFile } from './src/core/org/load-regions';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let c = cpu();
const mine = [1,2,3,4].flatMap((l) => readRegionFile(l as 1));
console.log('fast', Math.round(cpu() - c), mine.length);
const D = 'node_modules/idn-area-data/data/';
const ref: unknown[] = [];
for (const [f, lvl, pc] of [['provinces.csv',1,null],['regencies.csv',2,'province_code'],['districts.csv',3,'regency_code'],['villages.csv',4,'district_code']] as const) {
  for (const r of parse(fs.readFileSync(D + f), { columns: true }) as Record<string,string>[]) ref.push({ code: r.code, name: r.name, level: lvl, parentCode: pc ? r[pc] : null });
}
console.log('same as csv-parse everywhere:', JSON.stringify(ref) === JSON.stringify(mine));
console.log(mine.find(r => r.code === '35.13.15.2017'), mine.find(r => r.code === '12.07.28.1007'));
