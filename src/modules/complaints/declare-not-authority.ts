// "Bukan wewenang": the unit says the complaint is not theirs, with a reason. It goes back to the agency's
// coordinating unit, where the admin re-routes it (rerouteComplaint) to the right unit or agency.
import type { AppContext } from '../../core/context';
import { conflict } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { withComplaint } from './load-for-change';
import { type StaffActor, assertCanHandle } from './policy';
import { recordChange } from './record-change';
import { loadSettings } from './settings';

export async function declareNotAuthority(ctx: AppContext, actor: StaffActor, id: string, reason: string) {
  return withComplaint(ctx, { id }, async (tx, row) => {
    const role = await assertCanHandle(tx, actor, row);
    if (!['diterima', 'diverifikasi', 'didisposisikan'].includes(row.status)) {
      throw conflict(
        'ILLEGAL_TRANSITION',
        text(
          'Laporan yang sudah ditindaklanjuti tidak dapat dinyatakan bukan wewenang.',
          'A report already being followed up cannot be declared not ours.',
        ),
      );
    }
    const settings = await loadSettings(tx, row.agencyId);
    return recordChange(ctx, tx, row, {
      by: { kind: 'staff', actor, role },
      action: 'complaints.not_authority',
      patch: {
        unitId: settings.coordinatingUnitId,
        supportUnitIds: [],
        ...(row.status === 'didisposisikan' ? { status: 'diverifikasi' as const, dueAt: row.verifyDueAt } : {}),
      },
      timeline: [
        {
          kind: 'not_authority',
          visibility: 'internal',
          body: reason,
          unitId: row.unitId,
          meta: { fromUnitId: row.unitId },
        },
      ],
      meta: { fromUnitId: row.unitId },
    });
  });
}
