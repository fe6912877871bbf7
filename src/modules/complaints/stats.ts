// Incrementally maintained statistics. Every figure is a pure function of one complaint row
// (`contributions`); each change applies the difference between the row before and after, in the same
// transaction as the change, so the tables always equal what a full scan would give.
import { type SQL, and, eq, sql } from 'drizzle-orm';
import { insertJsonSql } from '../../core/db/insert-json-rows';
import type { Queryable } from '../../core/db/client';
import type { ComplaintRow } from './repository';
import { statCounts, statDurations } from './schema';

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
export function applyStats(q: Queryable, before: Row | null, after: Row): Promise<void> {
  return applyStatsChanges(q, [{ before, after }]);
}

/** Applies several changes at once (a batch of new complaints): one upsert for all their counters. */
export async function applyStatsChanges(q: Queryable, changes: { before: Row | null; after: Row }[]): Promise<void> {
  const upsert = statCountsSql(changes);
  if (upsert) await q.execute(upsert);
  for (const { before, after } of changes) await applyDurations(q, before, after);
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
  const add = (agencyId: string, keys: string[], d: number) => {
    for (const k of keys) deltas.set(`${agencyId}\u0000${k}`, (deltas.get(`${agencyId}\u0000${k}`) ?? 0) + d);
  };
  for (const { before, after } of changes) {
    if (before) add(before.agencyId, counterKeys(before), -1);
    add(after.agencyId, counterKeys(after), +1);
  }
  // One multi-row upsert, in key order: fewer round trips, and concurrent writers lock rows in the same order.
  const rows = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([composite, n]) => {
      const [agencyId, dim, key] = composite.split('\u0000') as [string, string, string];
      return { agencyId, dim, key, n };
    });
  return insertJsonSql(statCounts, rows, {
    onConflict: sql`on conflict (agency_id, dim, key) do update set n = complaints_stat_counts.n + excluded.n`,
  });
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
      await q
        .insert(statDurations)
        .values({ complaintId: after.id, metric, agencyId: after.agencyId, seconds: a[metric]! })
        .onConflictDoUpdate({
          target: [statDurations.complaintId, statDurations.metric],
          set: { seconds: a[metric]!, agencyId: after.agencyId },
        });
    }
  }
}
