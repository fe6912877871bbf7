// An operator sends a failed or dead message again: back to pending, due now, with a fresh set of
// attempts. Audited, in the same transaction.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { AppContext } from '../context';
import { conflict, notFound } from '../http/errors';
import { text } from '../i18n/messages';
import { type OutboxMessageView, outboxViewColumns, presentOutboxRow } from './list-outbox-messages';
import { type OutboxScope, inScope } from './policy';
import { outbox } from './schema';

export async function retryOutboxMessage(
  ctx: AppContext,
  actor: Actor,
  scope: OutboxScope,
  id: number,
): Promise<OutboxMessageView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: outbox.id,
        topic: outbox.topic,
        status: outbox.status,
        attempts: outbox.attempts,
        agencyId: outbox.agencyId,
      })
      .from(outbox)
      .where(eq(outbox.id, id))
      .for('update');
    if (!row || !inScope(scope, row.agencyId))
      throw notFound(text('Pesan keluar tidak ditemukan.', 'Outbox message not found.'));
    if (row.status !== 'failed' && row.status !== 'dead') {
      throw conflict(
        'NOT_RETRYABLE',
        text(
          'Hanya pesan yang gagal atau mati yang dapat dikirim ulang.',
          'Only failed or dead messages can be retried.',
        ),
        { status: row.status },
      );
    }
    const [updated] = await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, doneAt: null })
      .where(eq(outbox.id, id))
      .returning(outboxViewColumns);
    await recordAudit(tx, {
      actor,
      role: scope.role,
      action: 'outbox.retry',
      entityType: 'outbox_message',
      entityId: String(id),
      agencyId: row.agencyId,
      before: { status: row.status, attempts: row.attempts },
      after: { status: 'pending', attempts: 0 },
      meta: { topic: row.topic, previousStatus: row.status, previousAttempts: row.attempts },
      at: now,
    });
    return presentOutboxRow(updated!);
  });
}
