// The staff inbox: complaints of the actor's active unit and below (or of all units their grants cover),
// filtered, paginated, overdue first. The same query feeds the CSV export.
import { type SQL, and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { type StaffActor, listScope } from './policy';
import { officerList } from './repository';
import { complaints } from './schema';
import { CLOCKED_STATUSES, type ComplaintStatus, type Source } from './states';

export interface InboxFilter {
  status?: ComplaintStatus[];
  overdue?: boolean;
  emergency?: boolean;
  categoryId?: string;
  /** Code prefix: a kabupaten/kota, kecamatan or desa. */
  regionCode?: string;
  source?: Source;
  from?: string;
  to?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export async function inboxWhere(
  q: Queryable,
  actor: StaffActor,
  activeUnitId: string | null,
  f: InboxFilter,
  now: Date,
): Promise<SQL> {
  const where: SQL[] = [await listScope(q, actor, activeUnitId)];
  if (f.status?.length) where.push(inArray(complaints.status, f.status));
  const overdue = and(
    isNotNull(complaints.dueAt),
    lt(complaints.dueAt, now),
    inArray(complaints.status, CLOCKED_STATUSES),
  )!;
  if (f.overdue === true) where.push(overdue);
  if (f.emergency !== undefined) where.push(eq(complaints.emergency, f.emergency));
  if (f.categoryId) where.push(eq(complaints.categoryId, f.categoryId));
  if (f.regionCode)
    where.push(
      or(eq(complaints.regionCode, f.regionCode), sql`starts_with(${complaints.regionCode}, ${`${f.regionCode}.`})`)!,
    );
  if (f.source) where.push(eq(complaints.source, f.source));
  if (f.from) where.push(gte(complaints.receivedAt, new Date(`${f.from}T00:00:00+07:00`)));
  if (f.to) where.push(lte(complaints.receivedAt, new Date(`${f.to}T23:59:59.999+07:00`)));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(complaints.code, like), ilike(complaints.title, like))!);
  }
  return and(...where)!;
}

export async function listInbox(ctx: AppContext, actor: StaffActor, activeUnitId: string | null, f: InboxFilter) {
  const now = ctx.clock.now();
  const where = await inboxWhere(ctx.db, actor, activeUnitId, f, now);
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 25;
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(complaints).where(where);
  const rows = await officerList(ctx.db)
    .where(where)
    .orderBy(
      desc(
        sql`(${complaints.dueAt} is not null and ${complaints.dueAt} < ${now} and ${complaints.status} in ('diterima','diverifikasi','didisposisikan','ditindaklanjuti'))`,
      ),
      desc(complaints.emergency),
      asc(complaints.dueAt),
      desc(complaints.receivedAt),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const items = rows.map((r) => ({
    ...r,
    overdue: r.dueAt !== null && r.dueAt < now && CLOCKED_STATUSES.includes(r.status),
  }));
  return { items, page, pageSize, total: Number(total) };
}
