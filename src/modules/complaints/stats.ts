// Incrementally maintained statistics. Every figure is a pure function of one complaint row
// (counterKeys, durations); each change applies the difference between the row before and after, in the
// same transaction as the change, so the tables always equal what a full scan would give. Figures are
// kept per agency-local day of receipt, so any period is a sum over its days.
import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import type { ComplaintRow } from './repository';
import { statDurations } from './schema';

type Row = Pick<
  ComplaintRow,
  | 'id'
  | 'agencyId'
  | 'status'
  | 'unitId'
  | 'categoryId'
  | 'regionCode'
  | 'source'
  | 'kind'
  | 'closeHow'
  | 'completedOnTime'
  | 'receivedAt'
  | 'firstResponseAt'
  | 'firstClosedAt'
  | 'emergency'
>;

const NONE = '-';

/** Counter keys ('dim\u0000key') a row adds 1 to. */
export function counterKeys(r: Row): string[] {
  const keys: [string, string][] = [
    ['state', r.status],
    ['unit', r.unitId ?? NONE],
    ['category', r.categoryId ?? NONE],
    ['region', r.regionCode],
    ['source', r.source],
    ['kind', r.kind],
    ['total', 'all'],
  ];
  if (r.closeHow) keys.push(['closed', r.closeHow]);
  if (r.completedOnTime !== null) keys.push(['followup', r.completedOnTime ? 'on_time' : 'late']);
  if (r.emergency) keys.push(['emergency', 'all']);
  return keys.map(([d, k]) => `${d}\u0000${k}`);
}

export function durations(r: Row): Record<'first_response' | 'close', number | null> {
  const secs = (d: Date | null) => (d ? Math.max(0, Math.round((d.getTime() - r.receivedAt.getTime()) / 1000)) : null);
  return { first_response: secs(r.firstResponseAt), close: secs(r.firstClosedAt) };
}

/** Applies the change from `before` (null: a new complaint) to `after` to the statistics tables. */
export async function applyStats(q: Queryable, before: Row | null, after: Row): Promise<void> {
  const upsert = statCountsSql([{ before, after }]);
  if (upsert) await q.execute(upsert);
  await applyDurations(q, before, after);
}

/**
 * The counters' upsert for new complaints (no durations yet), to run with the rows' own inserts;
 * null when nothing changes.
 */
export function newComplaintStatsSql(rows: Row[]): SQL | null {
  return statCountsSql(rows.map((after) => ({ before: null, after })));
}

function statCountsSql(changes: { before: Row | null; after: Row }[]): SQL | null {
  const deltas = new Map<string, number>();
  const add = (r: Row, d: number) => {
    for (const k of counterKeys(r)) {
      const key = `${r.agencyId}\u0000${r.receivedAt.toISOString()}\u0000${k}`;
      deltas.set(key, (deltas.get(key) ?? 0) + d);
    }
  };
  for (const { before, after } of changes) {
    if (before) add(before, -1);
    add(after, +1);
  }
  const rows = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([composite, n]) => {
      const [agency_id, received_at, dim, key] = composite.split('\u0000') as [string, string, string, string];
      return { agency_id, received_at, dim, key, n };
    });
  if (rows.length === 0) return null;
  // The day is the agency's local date of receipt. One upsert, in key order: concurrent writers lock the
  // counter rows in the same order.
  return sql`
    insert into complaints_stat_counts (agency_id, day, dim, key, n)
    select r.agency_id, (r.received_at at time zone a.time_zone)::date, r.dim, r.key, sum(r.n)::int
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as r(agency_id uuid, received_at timestamptz, dim text, key text, n int)
    join core_agencies a on a.id = r.agency_id
    group by 1, 2, 3, 4
    having sum(r.n) <> 0
    order by 1, 2, 3, 4
    on conflict (agency_id, day, dim, key) do update set n = complaints_stat_counts.n + excluded.n`;
}

async function applyDurations(q: Queryable, before: Row | null, after: Row): Promise<void> {
  const b = before ? durations(before) : { first_response: null, close: null };
  const a = durations(after);
  for (const metric of ['first_response', 'close'] as const) {
    if (b[metric] === a[metric] && (before === null || before.agencyId === after.agencyId)) continue;
    if (a[metric] === null) {
      await q
        .delete(statDurations)
        .where(and(eq(statDurations.complaintId, after.id), eq(statDurations.metric, metric)));
    } else {
      await q.execute(sql`
        insert into complaints_stat_durations (complaint_id, metric, agency_id, received_on, seconds)
        select ${after.id}, ${metric}, a.id, (${after.receivedAt.toISOString()}::timestamptz at time zone a.time_zone)::date,
               ${a[metric]}
        from core_agencies a where a.id = ${after.agencyId}
        on conflict (complaint_id, metric) do update
          set seconds = excluded.seconds, agency_id = excluded.agency_id, received_on = excluded.received_on`);
    }
  }
}
