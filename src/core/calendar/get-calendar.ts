// The one calendar service: national holidays and cuti bersama + an agency's own days off + the agency's
// time zone, as a Calendar for src/lib/working-days.ts. Nothing computes a deadline any other way.
//
// Cache: one Calendar per agency in this process, reused while the calendar token (core_calendar_state,
// replaced by every change in the changing transaction) and the agency's time zone are unchanged. The
// check is one primary-key read, so a change made through any server instance is seen at once.
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { type Calendar, addWorkingDays, makeCalendar } from '../../lib/working-days';
import type { AppContext } from '../context';
import type { Queryable } from '../db/client';
import { agencyNotFound } from '../org/list-agencies';
import type { TimeZone } from '../org/schema';
import { holidays } from './schema';

const NATIONAL = '';
const cache = new Map<string, { token: string; timeZone: TimeZone; calendar: Calendar }>();

/** Forget every cached calendar in this process (other processes notice the new token). */
export function invalidateCalendars(): void {
  cache.clear();
}

/** Marks every calendar as changed; call inside the transaction that changes days off. */
export async function bumpCalendarToken(q: Queryable): Promise<void> {
  await q.execute(sql`
    insert into core_calendar_state (id, token) values (1, gen_random_uuid())
    on conflict (id) do update set token = excluded.token`);
  invalidateCalendars();
}

/**
 * The working calendar of an agency (null: the national calendar in WIB). Throws 404 for an unknown
 * agency. `q` may be an open transaction, which then sees its own uncommitted changes.
 */
export async function getCalendar(q: Queryable, agencyId: string | null): Promise<Calendar> {
  const state = await q.execute<{ token: string | null; tz: TimeZone | null }>(sql`
    select (select token::text from core_calendar_state where id = 1) as token,
           (select time_zone from core_agencies where id = ${agencyId}::uuid) as tz`);
  return calendarFromState(q, agencyId, state.rows[0]?.token ?? null, state.rows[0]?.tz ?? null);
}

/**
 * getCalendar for a caller that has already read the calendar token and the agency's time zone (tz null:
 * no such agency) in a query of its own: no round trip while the cached calendar is current.
 */
export async function calendarFromState(
  q: Queryable,
  agencyId: string | null,
  token: string | null,
  tz: TimeZone | null,
): Promise<Calendar> {
  if (agencyId !== null && tz === null) throw agencyNotFound();
  const timeZone: TimeZone = tz ?? 'Asia/Jakarta';
  const key = agencyId ?? NATIONAL;
  const hit = cache.get(key);
  if (hit && token !== null && hit.token === token && hit.timeZone === timeZone) return hit.calendar;
  const days = await q
    .select({ date: holidays.date })
    .from(holidays)
    .where(
      and(
        isNull(holidays.deletedAt),
        agencyId === null ? isNull(holidays.agencyId) : or(isNull(holidays.agencyId), eq(holidays.agencyId, agencyId)),
      ),
    );
  const calendar = makeCalendar({ timeZone, holidays: days.map((d) => d.date) });
  if (token !== null) cache.set(key, { token, timeZone, calendar });
  return calendar;
}

/**
 * The deadline for "within `workingDays` working days of `start`" at an agency: the end (23:59:59.999
 * local time) of the n-th working day after the local date of `start` (see addWorkingDays).
 */
export async function deadlineFor(
  ctx: Pick<AppContext, 'db'>,
  agencyId: string,
  start: Date,
  workingDays: number,
  q: Queryable = ctx.db,
): Promise<Date> {
  return addWorkingDays(await getCalendar(q, agencyId), start, workingDays);
}
