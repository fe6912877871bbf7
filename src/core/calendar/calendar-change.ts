// A change of days off, announced inside the transaction that makes it, so that modules keeping
// deadlines in working days can move the ones still ahead before anything else reads them. Modules
// register a listener (as attachment authorizers are registered); core does not know the modules.
import { sql } from 'drizzle-orm';
import { type Calendar, makeCalendar } from '../../lib/working-days';
import type { Queryable } from '../db/client';

export interface CalendarChange {
  /** The scope that changed: one agency's own days off, or null for the national ones (every agency). */
  agencyId: string | null;
  /** The dates whose rows changed. */
  dates: string[];
  /** Before the change, per date: the scopes (agency id, or '' for national) that had it off. */
  offBefore: ReadonlyMap<string, ReadonlySet<string>>;
  at: Date;
}

export type CalendarChangeListener = (tx: Queryable, change: CalendarChange) => Promise<void>;

const listeners = new Map<string, CalendarChangeListener>();

/** Registering again under the same name replaces the earlier listener. */
export function onCalendarChange(name: string, listener: CalendarChangeListener): void {
  listeners.set(name, listener);
}

/** Which scopes have each of `dates` off right now (call before changing them). */
export async function readDaysOff(tx: Queryable, dates: string[]): Promise<Map<string, Set<string>>> {
  const rows = await tx.execute<{ date: string; scope: string }>(sql`
    select date::text as date, coalesce(agency_id::text, '') as scope from core_holidays
    where deleted_at is null and date = any(${`{${dates.join(',')}}`}::date[])`);
  const off = new Map<string, Set<string>>(dates.map((d) => [d, new Set<string>()]));
  for (const r of rows.rows) off.get(r.date)?.add(r.scope);
  return off;
}

/** Runs every listener in `tx`, after the change and before it commits. */
export async function announceCalendarChange(tx: Queryable, change: CalendarChange): Promise<void> {
  if (change.dates.length === 0) return;
  for (const listener of listeners.values()) await listener(tx, change);
}

/** An agency's calendar as it was before `change`, from its calendar after it. */
export function calendarBefore(after: Calendar, change: CalendarChange, agencyId: string): Calendar {
  const holidays = new Set(after.holidays);
  for (const date of change.dates) {
    const scopes = change.offBefore.get(date);
    if (scopes?.has('') || scopes?.has(agencyId)) holidays.add(date);
    else holidays.delete(date);
  }
  return makeCalendar({ timeZone: after.timeZone, holidays, weekend: after.weekend });
}
