// The outbox as operators see it: delivery state only. Payloads can hold personal data and are never
// shown; an e-mail shows its subject.
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { OutboxScope } from './policy';
import { outbox } from './schema';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dead';
export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxMessageView {
  id: number;
  topic: string;
  subject: string | null;
  agencyId: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  doneAt: Date | null;
}

export const outboxViewColumns = {
  id: outbox.id,
  topic: outbox.topic,
  subject: sql<string | null>`case when ${outbox.topic} = 'email' then left(${outbox.payload}->>'subject', 200) end`,
  agencyId: outbox.agencyId,
  status: outbox.status,
  attempts: outbox.attempts,
  nextAttemptAt: outbox.nextAttemptAt,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  doneAt: outbox.doneAt,
};

/** A delivered or dead message has no next attempt. */
export const presentOutboxRow = (
  r: Omit<OutboxMessageView, 'nextAttemptAt'> & { nextAttemptAt: Date },
): OutboxMessageView => ({
  ...r,
  nextAttemptAt: r.status === 'pending' || r.status === 'failed' ? r.nextAttemptAt : null,
});

export async function listOutboxMessages(
  ctx: AppContext,
  scope: OutboxScope,
  filter: { status?: OutboxStatus; topic?: string; page: number },
): Promise<{ items: OutboxMessageView[]; page: number; pageSize: number; total: number }> {
  const where: SQL[] = [];
  if (!scope.all) where.push(inArray(outbox.agencyId, scope.agencyIds));
  if (filter.status) where.push(eq(outbox.status, filter.status));
  if (filter.topic) where.push(eq(outbox.topic, filter.topic));
  const cond = where.length ? and(...where) : undefined;
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(outbox).where(cond);
  const rows = await ctx.db
    .select(outboxViewColumns)
    .from(outbox)
    .where(cond)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((filter.page - 1) * OUTBOX_PAGE_SIZE);
  return { items: rows.map(presentOutboxRow), page: filter.page, pageSize: OUTBOX_PAGE_SIZE, total: Number(total) };
}
