import fs from 'node:fs';
import { openDatabase } from './src/core/db/client';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const tar = fs.readFileSync('.test-data/template.tar');
for (let i = 0; i < 3; i++) {
  let c = cpu(), t = performance.now();
  const db = await openDatabase({ loadDataDir: new Blob([tar]) });
  console.log('load', tar.length, 'cpu', Math.round(cpu() - c), 'wall', Math.round(performance.now() - t));
  await db.close();
}
const db0 = await openDatabase({});
let c = cpu(); await db0.close(); 
