// Figures for the command centre, read from the incrementally maintained tables (stats.ts): no scan of
// the complaints per request. "Closed, not resolved" is never counted as resolved.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { statCounts, statDurations } from './schema';

export interface ComplaintStats {
  total: number;
  emergency: number;
  byState: Record<string, number>;
  byUnit: Record<string, number>;
  byCategory: Record<string, number>;
  byRegion: Record<string, number>;
  bySource: Record<string, number>;
  byKind: Record<string, number>;
  closedBy: Record<string, number>;
  resolved: number;
  /** Share of completed follow-ups done by the resolution deadline, 0–100 (null: none completed yet). */
  onTimePercent: number | null;
  /** Median seconds from receipt to the first staff action / to the first closing (null: none yet). */
  medianFirstResponseSeconds: number | null;
  medianCloseSeconds: number | null;
}

export async function getStats(q: Queryable, agencyId: string): Promise<ComplaintStats> {
  const counts = await q
    .select({ dim: statCounts.dim, key: statCounts.key, n: statCounts.n })
    .from(statCounts)
    .where(and(eq(statCounts.agencyId, agencyId), sql`${statCounts.n} <> 0`));
  const dim = (d: string) => Object.fromEntries(counts.filter((c) => c.dim === d).map((c) => [c.key, Number(c.n)]));
  const followup = dim('followup');
  const onTime = followup.on_time ?? 0;
  const done = onTime + (followup.late ?? 0);
  const closedBy = dim('closed');
  const median = async (metric: 'first_response' | 'close') => {
    const rows = await q
      .select({ m: sql<number | null>`percentile_cont(0.5) within group (order by ${statDurations.seconds})` })
      .from(statDurations)
      .where(and(eq(statDurations.agencyId, agencyId), eq(statDurations.metric, metric)));
    const m = rows[0]?.m;
    return m === null || m === undefined ? null : Number(m);
  };
  return {
    total: dim('total').all ?? 0,
    emergency: dim('emergency').all ?? 0,
    byState: dim('state'),
    byUnit: dim('unit'),
    byCategory: dim('category'),
    byRegion: dim('region'),
    bySource: dim('source'),
    byKind: dim('kind'),
    closedBy,
    resolved: closedBy.resolved ?? 0,
    onTimePercent: done === 0 ? null : Math.round((onTime / done) * 10_000) / 100,
    medianFirstResponseSeconds: await median('first_response'),
    medianCloseSeconds: await median('close'),
  };
}
