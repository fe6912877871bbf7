// Verification (diterima → diverifikasi): the coordinator or the receiving unit confirms the report is
// complete and in scope, and may correct its kind or category (and with it the tier and deadlines).
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { withComplaint } from './load-for-change';
import { type StaffActor, assertCanHandle } from './policy';
import { recordChange } from './record-change';
import { categories } from './schema';
import { loadSettings, tierDays } from './settings';
import { assertTransition, type ComplaintKind } from './states';

export interface VerifyInput {
  kind?: ComplaintKind;
  categoryId?: string;
  note?: string;
}

export async function verifyComplaint(ctx: AppContext, actor: StaffActor, id: string, input: VerifyInput = {}) {
  return withComplaint(ctx, { id }, async (tx, row) => {
    const role = await assertCanHandle(tx, actor, row);
    assertTransition(row.status, 'diverifikasi');
    const patch: Parameters<typeof recordChange>[3]['patch'] = { status: 'diverifikasi', verifiedAt: ctx.clock.now() };
    if (input.kind) patch.kind = input.kind;
    if (input.categoryId && input.categoryId !== row.categoryId) {
      const [cat] = await tx
        .select()
        .from(categories)
        .where(
          and(eq(categories.id, input.categoryId), eq(categories.agencyId, row.agencyId), eq(categories.active, true)),
        )
        .limit(1);
      if (!cat)
        throw badRequest(
          'UNKNOWN_CATEGORY',
          text('Kategori tidak ditemukan di instansi ini.', 'No such category at this agency.'),
        );
      const settings = await loadSettings(tx, row.agencyId);
      Object.assign(patch, {
        categoryId: cat.id,
        tier: cat.tier,
        resolutionDays: cat.resolutionDays ?? tierDays(settings, cat.tier),
      });
    }
    return recordChange(ctx, tx, row, {
      by: { kind: 'staff', actor, role },
      action: 'complaints.verify',
      patch,
      timeline: input.note
        ? [
            { kind: 'status', visibility: 'public' },
            { kind: 'note', visibility: 'internal', body: input.note },
          ]
        : undefined,
    });
  });
}
