// Days off of one year: national holidays and cuti bersama, plus one agency's own days when asked.
import { and, asc, between, eq, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type HolidayKind, holidays } from './schema';

export interface HolidayView {
  id: string;
  date: string;
  kind: HolidayKind;
  name: string;
  /** null: national. */
  agencyId: string | null;
  source: 'skb' | 'admin';
}

export const holidayColumns = {
  id: holidays.id,
  date: holidays.date,
  kind: holidays.kind,
  name: holidays.name,
  agencyId: holidays.agencyId,
  source: holidays.source,
};

/** Days off (not removed) from `from` to `to` inclusive ('YYYY-MM-DD'), national and the agency's. */
export async function listHolidays(
  q: Queryable,
  opts: { from: string; to: string; agencyId: string | null },
): Promise<HolidayView[]> {
  return q
    .select(holidayColumns)
    .from(holidays)
    .where(
      and(
        isNull(holidays.deletedAt),
        between(holidays.date, opts.from, opts.to),
        opts.agencyId === null
          ? isNull(holidays.agencyId)
          : or(isNull(holidays.agencyId), eq(holidays.agencyId, opts.agencyId)),
      ),
    )
    .orderBy(asc(holidays.date), asc(holidays.kind));
}
