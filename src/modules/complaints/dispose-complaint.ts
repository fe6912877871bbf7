// Disposisi: an officer sends a complaint to a unit below them (or the coordinator to any unit of the
// agency), as lead unit with optional supporting units. Starts the follow-up plan deadline and, on the
// first disposition, the resolution clock.
import { and, eq, inArray } from 'drizzle-orm';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { units } from '../../core/org/schema';
import { dispositionDeadlines, stageDeadline } from './deadlines';
import { withComplaint } from './load-for-change';
import { type StaffActor, assertCanDisposeTo, assertCanHandle } from './policy';
import { recordChange } from './record-change';
import { loadSettings } from './settings';

export interface DisposeInput {
  unitId: string;
  supportUnitIds?: string[];
  /** Instruction to the unit (internal). */
  note?: string;
}

export async function disposeComplaint(ctx: AppContext, actor: StaffActor, id: string, input: DisposeInput) {
  return withComplaint(ctx, { id }, async (tx, row) => {
    const role = await assertCanHandle(tx, actor, row);
    const support = [...new Set((input.supportUnitIds ?? []).filter((u) => u !== input.unitId))];
    const all = [input.unitId, ...support];
    const found = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(inArray(units.id, all), eq(units.agencyId, row.agencyId), eq(units.active, true)));
    if (found.length !== all.length) {
      throw badRequest(
        'UNKNOWN_UNIT',
        text('Unit tujuan tidak ditemukan di instansi ini.', 'A target unit does not exist in this agency.'),
      );
    }
    for (const u of all) await assertCanDisposeTo(tx, actor, row.agencyId, u);
    const now = ctx.clock.now();
    const settings = await loadSettings(tx, row.agencyId);
    const cal = await getCalendar(tx, row.agencyId);
    const d = dispositionDeadlines(cal, settings, row, now, row.emergency ? settings.emergencyHours : null);
    const next = { ...row, ...d, status: 'didisposisikan' as const };
    return recordChange(ctx, tx, row, {
      by: { kind: 'staff', actor, role },
      action: 'complaints.dispose',
      patch: {
        status: 'didisposisikan',
        unitId: input.unitId,
        supportUnitIds: support,
        verifiedAt: row.verifiedAt ?? now,
        disposedAt: row.disposedAt ?? now,
        ...d,
        dueAt: stageDeadline(next, 'didisposisikan'),
      },
      timeline: [
        { kind: 'status', visibility: 'public', unitId: input.unitId },
        {
          kind: 'disposed',
          visibility: 'internal',
          unitId: input.unitId,
          body: input.note ?? null,
          meta: { supportUnitIds: support },
        },
      ],
      meta: { unitId: input.unitId, supportUnitIds: support },
    });
  });
}
