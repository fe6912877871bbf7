// CSV export of the inbox for staff: the officer list columns (which hold no reporter identity of any
// kind), through the same scope and filters as the inbox.
import { asc } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import { type InboxFilter, inboxWhere } from './list-inbox';
import type { StaffActor } from './policy';
import { officerList } from './repository';
import { complaints } from './schema';
import { toCsv } from './csv';

export const EXPORT_MAX_ROWS = 10_000;

export async function exportInboxCsv(
  ctx: AppContext,
  actor: StaffActor,
  activeUnitId: string | null,
  f: InboxFilter,
): Promise<string> {
  const now = ctx.clock.now();
  const where = await inboxWhere(ctx.db, actor, activeUnitId, f, now);
  const rows = await officerList(ctx.db).where(where).orderBy(asc(complaints.receivedAt)).limit(EXPORT_MAX_ROWS);
  const header = [
    'kode',
    'jenis',
    'judul',
    'kategori',
    'tingkat',
    'darurat',
    'wilayah',
    'kode_wilayah',
    'kerahasiaan',
    'sumber',
    'status',
    'cara_ditutup',
    'unit',
    'diterima',
    'batas_waktu',
    'ditutup',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.code,
      r.kind,
      r.title,
      r.categoryName,
      r.tier,
      r.emergency ? 'ya' : 'tidak',
      r.regionName,
      r.regionCode,
      r.visibility,
      r.source,
      r.status,
      r.closeHow,
      r.unitName,
      r.receivedAt.toISOString(),
      r.dueAt?.toISOString() ?? null,
      r.closedAt?.toISOString() ?? null,
    ]),
  );
}
