// Officers write to the reporter (a reply, optionally from a template, with attachments) or leave an
// internal note that the reporter and the public never see.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import { claimAttachments } from '../../core/files/claim-attachments';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { withComplaint } from './load-for-change';
import { type StaffActor, assertCanContribute } from './policy';
import { recordChange } from './record-change';
import { replyTemplates } from './schema';

export interface StaffReplyInput {
  internal: boolean;
  body?: string;
  templateId?: string;
  attachments?: { id: string; claimToken: string }[];
}

export async function addStaffReply(ctx: AppContext, actor: StaffActor, id: string, input: StaffReplyInput) {
  return withComplaint(ctx, { id }, async (tx, row) => {
    const role = await assertCanContribute(tx, actor, row);
    let body = input.body?.trim() ?? '';
    if (input.templateId) {
      const [tpl] = await tx
        .select({ body: replyTemplates.body })
        .from(replyTemplates)
        .where(and(eq(replyTemplates.id, input.templateId), eq(replyTemplates.agencyId, row.agencyId)))
        .limit(1);
      if (!tpl)
        throw badRequest('UNKNOWN_TEMPLATE', text('Templat balasan tidak ditemukan.', 'No such reply template.'));
      body = body ? `${tpl.body}\n\n${body}` : tpl.body;
    }
    if (!body) throw badRequest('MESSAGE_REQUIRED', text('Tuliskan isi balasan.', 'Write the reply.'));
    const attachmentIds = input.attachments?.length
      ? await claimAttachments(
          tx,
          input.attachments.map((a) => a.id),
          input.attachments.map((a) => a.claimToken),
          { type: 'complaint', id: row.id, agencyId: row.agencyId, now: ctx.clock.now() },
        )
      : [];
    await recordChange(ctx, tx, row, {
      by: { kind: 'staff', actor, role },
      action: input.internal ? 'complaints.note' : 'complaints.reply',
      timeline: [
        {
          kind: input.internal ? 'note' : 'reply',
          visibility: input.internal ? 'internal' : 'reporter',
          body,
          meta: attachmentIds.length ? { attachmentIds } : undefined,
        },
      ],
    });
    return { ok: true as const };
  });
}
