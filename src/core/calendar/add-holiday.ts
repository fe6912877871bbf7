// Adds a day off: a national holiday or cuti bersama (platform admin), or an agency's own extra day off
// (libur_instansi; that agency's admin or a platform admin). A removed day of the same date and scope
// comes back with the new name and kind.
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { AppContext } from '../context';
import { badRequest, conflict } from '../http/errors';
import { text } from '../i18n/messages';
import { agencyNotFound, findAgency } from '../org/list-agencies';
import { assertCanManageAgency, assertPlatformAdmin } from '../org/policy';
import { announceCalendarChange, readDaysOff } from './calendar-change';
import { bumpCalendarToken } from './get-calendar';
import { type HolidayView, holidayColumns } from './list-holidays';
import { assertLocalDate } from './local-date';
import { type HolidayKind, holidays } from './schema';

export interface AddHolidayInput {
  date: string;
  name: string;
  kind?: HolidayKind;
  /** Agency slug; absent for a national day. */
  agency?: string;
}

export async function addHoliday(ctx: AppContext, actor: Actor, input: AddHolidayInput): Promise<HolidayView> {
  assertLocalDate(input.date, 'date');
  let agencyId: string | null = null;
  let role: 'platform_admin' | 'admin_instansi';
  let kind: HolidayKind;
  if (input.agency !== undefined) {
    const agency = await findAgency(ctx.db, { slug: input.agency });
    if (!agency) throw agencyNotFound();
    role = assertCanManageAgency(actor, agency.id);
    agencyId = agency.id;
    kind = input.kind ?? 'libur_instansi';
    if (kind !== 'libur_instansi') {
      throw badRequest(
        'KIND_INVALID',
        text("Hari libur instansi berjenis 'libur_instansi'.", "An agency's own day off has kind 'libur_instansi'."),
      );
    }
  } else {
    role = assertPlatformAdmin(actor);
    kind = input.kind ?? 'libur_nasional';
    if (kind === 'libur_instansi') {
      throw badRequest(
        'KIND_INVALID',
        text(
          "Hari libur nasional berjenis 'libur_nasional' atau 'cuti_bersama'.",
          "A national day off is 'libur_nasional' or 'cuti_bersama'.",
        ),
      );
    }
  }
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name)
    throw badRequest('NAME_REQUIRED', text('Nama hari libur wajib diisi.', 'The name of the day off is required.'));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const scope = agencyId === null ? isNull(holidays.agencyId) : eq(holidays.agencyId, agencyId);
    const [existing] = await tx
      .select({ id: holidays.id, deletedAt: holidays.deletedAt })
      .from(holidays)
      .where(and(eq(holidays.date, input.date), scope))
      .for('update')
      .limit(1);
    if (existing && existing.deletedAt === null) {
      throw conflict(
        'HOLIDAY_EXISTS',
        text('Tanggal ini sudah menjadi hari libur.', 'This date is already a day off.'),
      );
    }
    const offBefore = await readDaysOff(tx, [input.date]);
    const [row] = existing
      ? await tx
          .update(holidays)
          .set({ kind, name, source: 'admin', deletedAt: null })
          .where(eq(holidays.id, existing.id))
          .returning(holidayColumns)
      : await tx
          .insert(holidays)
          .values({ date: input.date, agencyId, kind, name, source: 'admin', createdAt: now })
          .returning(holidayColumns);
    await bumpCalendarToken(tx);
    await announceCalendarChange(tx, { agencyId, dates: [input.date], offBefore, at: now });
    await recordAudit(tx, {
      actor,
      role,
      action: 'calendar.holiday_added',
      entityType: 'holiday',
      entityId: row!.id,
      agencyId,
      after: row,
      meta: { date: input.date, kind },
      at: now,
    });
    return row!;
  });
}
