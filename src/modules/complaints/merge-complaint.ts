// Merging a duplicate into the main report: the duplicate becomes 'digabung' and points to the main one;
// both timelines say so. Reporters of the duplicate follow the main report's code from their page.
import type { AppContext } from '../../core/context';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { withComplaint } from './load-for-change';
import { type StaffActor, assertCanHandle, assertCanRead } from './policy';
import { recordChange } from './record-change';
import { lockComplaint } from './repository';
import { events } from './schema';

export async function mergeComplaint(ctx: AppContext, actor: StaffActor, id: string, intoId: string) {
  return withComplaint(ctx, { id }, async (tx, row) => {
    const role = await assertCanHandle(tx, actor, row);
    if (intoId === id)
      throw badRequest(
        'MERGE_SELF',
        text('Laporan tidak dapat digabung dengan dirinya sendiri.', 'A report cannot be merged into itself.'),
      );
    const main = await lockComplaint(tx, intoId);
    if (!main || main.agencyId !== row.agencyId) {
      throw badRequest(
        'UNKNOWN_MAIN',
        text('Laporan utama tidak ditemukan di instansi ini.', 'No such main report at this agency.'),
      );
    }
    if (main.status === 'digabung' || main.status === 'diarsipkan') {
      throw badRequest(
        'MAIN_NOT_OPEN',
        text('Laporan utama sudah digabung atau diarsipkan.', 'The main report is itself merged or archived.'),
      );
    }
    await assertCanRead(tx, actor, main);
    const after = await recordChange(ctx, tx, row, {
      by: { kind: 'staff', actor, role },
      action: 'complaints.merge',
      patch: { status: 'digabung', mergedIntoId: main.id, dueAt: null, autoCloseAt: null },
      timeline: [{ kind: 'status', visibility: 'public', meta: { mergedInto: main.code } }],
      meta: { mergedInto: main.code },
    });
    await tx.insert(events).values({
      complaintId: main.id,
      agencyId: main.agencyId,
      at: ctx.clock.now(),
      kind: 'merged_from',
      visibility: 'internal',
      actorKind: 'staff',
      actorUserId: actor.userId,
      unitId: main.unitId,
      meta: { code: row.code },
    });
    return after;
  });
}
