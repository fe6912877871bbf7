import { openDatabase } from './src/core/db/client';
import { migrateDatabase } from './src/core/db/migrate';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const d = await openDatabase({});
await migrateDatabase(d);
if (process.argv[2] === 'ckpt') await d.exec('checkpoint');
const dump = await d.pglite!.dumpDataDir('none');
await d.close();
for (let i = 0; i < 3; i++) {
  let c = cpu(), t = performance.now();
  const db = await openDatabase({ loadDataDir: dump });
  console.log('load', dump.size, 'cpu', Math.round(cpu() - c), 'wall', Math.round(performance.now() - t));
  await db.close();
}
