// Removes a day off (the row stays, marked removed: a reload of the shipped list must not bring it back).
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { text } from '../i18n/messages';
import { assertCanManageAgency, assertPlatformAdmin } from '../org/policy';
import { announceCalendarChange, readDaysOff } from './calendar-change';
import { bumpCalendarToken } from './get-calendar';
import { type HolidayView, holidayColumns } from './list-holidays';
import { holidays } from './schema';

export const holidayNotFound = () => notFound(text('Hari libur tidak ditemukan.', 'No such day off.'));

export async function removeHoliday(ctx: AppContext, actor: Actor, id: string): Promise<HolidayView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select(holidayColumns)
      .from(holidays)
      .where(and(eq(holidays.id, id), isNull(holidays.deletedAt)))
      .for('update')
      .limit(1);
    if (!row) throw holidayNotFound();
    const role = row.agencyId === null ? assertPlatformAdmin(actor) : assertCanManageAgency(actor, row.agencyId);
    const offBefore = await readDaysOff(tx, [row.date]);
    await tx.update(holidays).set({ deletedAt: now }).where(eq(holidays.id, id));
    await bumpCalendarToken(tx);
    await announceCalendarChange(tx, { agencyId: row.agencyId, dates: [row.date], offBefore, at: now });
    await recordAudit(tx, {
      actor,
      role,
      action: 'calendar.holiday_removed',
      entityType: 'holiday',
      entityId: id,
      agencyId: row.agencyId,
      before: row,
      meta: { date: row.date, kind: row.kind },
      at: now,
    });
    return row;
  });
}
