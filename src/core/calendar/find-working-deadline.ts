// "n working days from a date" for an agency (or the national calendar), with the days off it skips:
// what the public working-day calculator shows citizens and staff.
import { sql } from 'drizzle-orm';
import { addCalendarDays, addWorkingDays, isWorkingDay, startOfLocalDay, toLocalDate } from '../../lib/working-days';
import type { AppContext } from '../context';
import type { TimeZone } from '../org/schema';
import { getCalendar } from './get-calendar';
import { type HolidayView, listHolidays } from './list-holidays';
import { assertLocalDate } from './local-date';

export interface WorkingDeadline {
  timeZone: TimeZone;
  from: string;
  days: number;
  /** End (23:59:59.999 local time) of the last working day, as an instant. */
  deadline: Date;
  deadlineDate: string;
  /** Weekdays off between `from` (exclusive) and the deadline (inclusive). */
  daysOff: Pick<HolidayView, 'date' | 'kind' | 'name'>[];
  /** False when the deadline lies in a year for which no national holidays are known yet. */
  calendarCovers: boolean;
}

export async function findWorkingDeadline(
  ctx: AppContext,
  opts: { agencyId: string | null; from?: string; days: number },
): Promise<WorkingDeadline> {
  const cal = await getCalendar(ctx.db, opts.agencyId);
  const from = opts.from === undefined ? toLocalDate(cal, ctx.clock.now()) : assertLocalDate(opts.from, 'from');
  const deadline = addWorkingDays(cal, startOfLocalDay(cal, from), opts.days);
  const deadlineDate = toLocalDate(cal, deadline);
  const days = await listHolidays(ctx.db, {
    from: addCalendarDays(from, 1),
    to: deadlineDate,
    agencyId: opts.agencyId,
  });
  const weekend = cal.weekend ?? [0, 6];
  const weekdaysOff = days.filter(
    (d) => !weekend.includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()) && !isWorkingDay(cal, d.date),
  );
  // One entry per date (a national day and an agency day may share one).
  const seen = new Set<string>();
  const daysOff = weekdaysOff
    .filter((d) => !seen.has(d.date) && seen.add(d.date))
    .map(({ date, kind, name }) => ({ date, kind, name }));
  const [last] = (
    await ctx.db.execute<{ last: string | null }>(
      sql`select max(date)::text as last from core_holidays where agency_id is null and deleted_at is null`,
    )
  ).rows;
  const calendarCovers = last?.last != null && deadlineDate.slice(0, 4) <= last.last.slice(0, 4);
  return { timeZone: cal.timeZone, from, days: opts.days, deadline, deadlineDate, daysOff, calendarCovers };
}
