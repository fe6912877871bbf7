// Writes a message to the outbox inside the caller's transaction: it is delivered only if the change
// that caused it commits, and never lost once it has.
import type { SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { insertJsonSql } from '../db/insert-json-rows';
import { outbox } from './schema';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export async function enqueue(
  q: Queryable,
  topic: string,
  payload: Record<string, unknown>,
  opts: { now: Date; agencyId?: string | null },
): Promise<number> {
  const [row] = await q
    .insert(outbox)
    .values({ topic, payload, agencyId: opts.agencyId ?? null, nextAttemptAt: opts.now, createdAt: opts.now })
    .returning({ id: outbox.id });
  return row!.id;
}

/** The insert of several messages (a batch of intakes), to run with the change that caused them. */
export function outboxInsertSql(
  messages: readonly { topic: string; payload: Record<string, unknown>; agencyId?: string | null; now: Date }[],
): SQL | null {
  return insertJsonSql(
    outbox,
    messages.map((m) => ({
      topic: m.topic,
      payload: m.payload,
      agencyId: m.agencyId ?? null,
      nextAttemptAt: m.now,
      createdAt: m.now,
    })),
  );
}

export const enqueueEmail = (q: Queryable, mail: Mail, opts: { now: Date; agencyId?: string | null }) =>
  enqueue(q, 'email', { ...mail }, opts);
