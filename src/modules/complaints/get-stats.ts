// Figures for the command centre, read from the incrementally maintained tables (stats.ts): no scan of
// the complaints per request. "Closed, not resolved" is never counted as resolved. A period selects the
// reports received in it (by the agency's local date), counted as they stand now.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import type { StatProvider } from '../../core/module';
import { agencies } from '../../core/org/schema';
import { toLocalDate } from '../../lib/working-days';
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

/** Days of receipt, the agency's local dates ('YYYY-MM-DD'), both ends included; either may be open. */
export interface StatsPeriod {
  from?: string | null;
  to?: string | null;
}

export async function getStats(q: Queryable, agencyId: string, period: StatsPeriod = {}): Promise<ComplaintStats> {
  const inPeriod = (day: typeof statCounts.day | typeof statDurations.receivedOn) =>
    and(period.from ? gte(day, period.from) : undefined, period.to ? lte(day, period.to) : undefined);
  const counts = await q
    .select({ dim: statCounts.dim, key: statCounts.key, n: sql<number>`sum(${statCounts.n})::int` })
    .from(statCounts)
    .where(and(eq(statCounts.agencyId, agencyId), inPeriod(statCounts.day)))
    .groupBy(statCounts.dim, statCounts.key)
    .having(sql`sum(${statCounts.n}) <> 0`);
  const dim = (d: string) => Object.fromEntries(counts.filter((c) => c.dim === d).map((c) => [c.key, Number(c.n)]));
  const followup = dim('followup');
  const onTime = followup.on_time ?? 0;
  const done = onTime + (followup.late ?? 0);
  const closedBy = dim('closed');
  const median = async (metric: 'first_response' | 'close') => {
    const rows = await q
      .select({ m: sql<number | null>`percentile_cont(0.5) within group (order by ${statDurations.seconds})` })
      .from(statDurations)
      .where(
        and(eq(statDurations.agencyId, agencyId), eq(statDurations.metric, metric), inPeriod(statDurations.receivedOn)),
      );
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

/** The command centre's figure: `from` and `to` are instants, `to` exclusive (the other modules' convention). */
export const complaintStatsProvider: StatProvider = async (ctx, q) => {
  const [agency] = await ctx.db
    .select({ timeZone: agencies.timeZone })
    .from(agencies)
    .where(eq(agencies.id, q.agencyId))
    .limit(1);
  const zone = { timeZone: agency?.timeZone ?? 'Asia/Jakarta' };
  const day = (d: Date) => toLocalDate(zone, d);
  return getStats(ctx.db, q.agencyId, {
    from: q.from ? day(q.from) : null,
    // The last day with a moment before `to`.
    to: q.to ? day(new Date(q.to.getTime() - 1)) : null,
  });
};
