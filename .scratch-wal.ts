import { openDatabase } from './src/core/db/client';
const d = await openDatabase({});
for (const k of ['wal_level','min_wal_size','max_wal_size','wal_segment_size','fsync','full_page_writes','shared_buffers','maintenance_work_mem','work_mem', 'lc_collate', 'wal_skip_threshold']) {
  const r = await d.pglite!.query(`show ${k}`); console.log(k, Object.values(r.rows[0] as object)[0]);
}
await d.close();
