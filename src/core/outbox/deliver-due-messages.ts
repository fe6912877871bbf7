// The outbox worker's one pass: claim due messages, deliver each, record the outcome.
//
// Claiming is one statement (SELECT … FOR UPDATE SKIP LOCKED inside an UPDATE) that counts the attempt
// and moves next_attempt_at a lease ahead, so several server instances never deliver one message at the
// same time and a message whose delivery crashed the process comes due again after the lease (and
// still ends 'dead' if it keeps crashing). E-mail is sent outside any transaction; a domain event's
// handlers run in one transaction with the status change, so their writes and 'sent' commit together.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Mail } from './enqueue';
import type { EventHandlers } from './event-handlers';
import type { Mailer } from './mailer';
import { outbox } from './schema';
import { summarizeError } from './summarize-error';

export interface OutboxHandlers {
  /** Topic 'email'. */
  mailer: Mailer;
  /** Every other topic; a topic nobody subscribes to is marked sent. */
  events: EventHandlers;
}

export const OUTBOX_MAX_ATTEMPTS = 8;
export const OUTBOX_LEASE_MS = 5 * 60_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 3_600_000;

/**
 * Delay before the next attempt after `failures` failed attempts (1, 2, …): 30 s × 2^(failures-1),
 * spread ±25 % by `random` (0..1) so messages that failed together do not retry together, capped at 1 h.
 */
export function backoffMs(failures: number, random: number): number {
  const base = BASE_DELAY_MS * 2 ** Math.max(0, failures - 1);
  return Math.round(Math.min(base * (0.75 + 0.5 * random), MAX_DELAY_MS));
}

export interface DeliverOptions {
  batchSize?: number;
  /** Jitter source, injectable for tests. */
  random?: () => number;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
}

type OutboxRow = typeof outbox.$inferSelect;

export async function deliverDueMessages(
  ctx: AppContext,
  handlers: OutboxHandlers,
  opts: DeliverOptions = {},
): Promise<DeliveryReport> {
  const now = ctx.clock.now();
  const random = opts.random ?? Math.random;
  const due = ctx.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(inArray(outbox.status, ['pending', 'failed']), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(opts.batchSize ?? 20)
    .for('update', { skipLocked: true });
  const claimed = await ctx.db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + OUTBOX_LEASE_MS) })
    .where(inArray(outbox.id, due))
    .returning();
  claimed.sort((a, b) => a.id - b.id);

  const report: DeliveryReport = { claimed: claimed.length, sent: 0, failed: 0, dead: 0 };
  for (const row of claimed) {
    try {
      await deliverOne(ctx, handlers, row);
      report.sent++;
    } catch (err) {
      const dead = await recordFailure(ctx, row, err, random());
      if (dead) report.dead++;
      else report.failed++;
    }
  }
  return report;
}

async function deliverOne(ctx: AppContext, handlers: OutboxHandlers, row: OutboxRow): Promise<void> {
  const markSent = { status: 'sent' as const, lastError: null, doneAt: ctx.clock.now() };
  if (row.topic === 'email') {
    await handlers.mailer.send(row.payload as unknown as Mail);
    await ctx.db.update(outbox).set(markSent).where(eq(outbox.id, row.id));
    return;
  }
  const subscribers = handlers.events.get(row.topic) ?? [];
  await ctx.db.transaction(async (tx) => {
    for (const handle of subscribers) await handle(ctx, row.payload, tx);
    await tx.update(outbox).set(markSent).where(eq(outbox.id, row.id));
  });
}

/** Returns true when the message is now dead. */
async function recordFailure(ctx: AppContext, row: OutboxRow, err: unknown, random: number): Promise<boolean> {
  const now = ctx.clock.now();
  const lastError = summarizeError(err);
  const dead = row.attempts >= OUTBOX_MAX_ATTEMPTS;
  await ctx.db
    .update(outbox)
    .set({
      status: dead ? 'dead' : 'failed',
      lastError,
      nextAttemptAt: dead ? now : new Date(now.getTime() + backoffMs(row.attempts, random)),
      doneAt: dead ? now : null,
    })
    // Only if no other worker re-claimed it after our lease ran out.
    .where(
      and(eq(outbox.id, row.id), eq(outbox.attempts, row.attempts), inArray(outbox.status, ['pending', 'failed'])),
    );
  const log = { outboxId: row.id, topic: row.topic, attempts: row.attempts, error: lastError };
  if (dead) ctx.log.error(log, 'outbox message dead after the last attempt');
  else ctx.log.warn(log, 'outbox delivery failed; will retry');
  return dead;
}
