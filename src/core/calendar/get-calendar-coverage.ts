// Whether the national calendar knows the years that deadlines set today reach into. A year without any
// national holiday counts every weekday as a working day, so its deadlines come out too early. The
// shipped list ends with the joint decree (SKB 3 Menteri) in force when it was made; the next year's
// decree must be loaded by a platform admin (import-national-holidays.ts).
import { sql } from 'drizzle-orm';
import { addCalendarDays, toLocalDate } from '../../lib/working-days';
import type { AppContext } from '../context';

/**
 * How far ahead a deadline set today can reach, in calendar days. The longest shipped deadline, 60
 * working days (pengaduan berkadar pengawasan), spans about 90 calendar days; the rest is room for a
 * paused clock and for loading the next decree before it is needed.
 */
export const COVERAGE_HORIZON_DAYS = 120;

export interface CalendarCoverage {
  /** Today in the national calendar (WIB). */
  today: string;
  /** today + COVERAGE_HORIZON_DAYS. */
  horizon: string;
  /** Every year from today's to the horizon's, with its national days off (not removed). */
  years: { year: number; liburNasional: number; cutiBersama: number }[];
  /** Years in that range without a single libur nasional. */
  missingYears: number[];
}

export async function getCalendarCoverage(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<CalendarCoverage> {
  const today = toLocalDate({ timeZone: 'Asia/Jakarta' }, ctx.clock.now());
  const horizon = addCalendarDays(today, COVERAGE_HORIZON_DAYS);
  const first = Number(today.slice(0, 4));
  const last = Number(horizon.slice(0, 4));
  const counts = await ctx.db.execute<{ year: number; kind: string; n: number }>(sql`
    select extract(year from date)::int as year, kind, count(*)::int as n
    from core_holidays
    where agency_id is null and deleted_at is null and date between ${`${first}-01-01`} and ${`${last}-12-31`}
    group by 1, 2`);
  const count = (year: number, kind: string) => counts.rows.find((r) => r.year === year && r.kind === kind)?.n ?? 0;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => ({
    year,
    liburNasional: count(year, 'libur_nasional'),
    cutiBersama: count(year, 'cuti_bersama'),
  }));
  return { today, horizon, years, missingYears: years.filter((y) => y.liburNasional === 0).map((y) => y.year) };
}
