// Reply templates of an agency: officers pick one when answering.
import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { AppContext } from '../../core/context';
import { type StaffActor, assertCoordinator } from './policy';
import { replyTemplates } from './schema';

export function listReplyTemplates(ctx: AppContext, agencyId: string) {
  return ctx.db
    .select({ id: replyTemplates.id, title: replyTemplates.title, body: replyTemplates.body })
    .from(replyTemplates)
    .where(eq(replyTemplates.agencyId, agencyId))
    .orderBy(asc(replyTemplates.title));
}

export async function createReplyTemplate(
  ctx: AppContext,
  actor: StaffActor,
  agencyId: string,
  input: { title: string; body: string },
) {
  const role = assertCoordinator(actor, agencyId);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(replyTemplates)
      .values({ agencyId, title: input.title, body: input.body, createdAt: now })
      .returning({ id: replyTemplates.id, title: replyTemplates.title, body: replyTemplates.body });
    await recordAudit(tx, {
      actor,
      role,
      action: 'complaints.template.create',
      entityType: 'complaint_reply_template',
      entityId: row!.id,
      agencyId,
      at: now,
    });
    return row!;
  });
}
