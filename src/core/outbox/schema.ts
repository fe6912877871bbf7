// Transactional outbox: messages (e-mails, domain events) written in the same transaction as the change
// that causes them, delivered afterwards by a worker with retries.
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const outbox = pgTable(
  'core_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 'email' or a domain event name such as 'complaints.closed'. */
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    agencyId: uuid('agency_id'),
    status: text('status').$type<'pending' | 'sent' | 'failed' | 'dead'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('core_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);
