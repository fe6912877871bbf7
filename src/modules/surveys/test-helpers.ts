// Helpers for the survey module's tests: demo ids, invitations through the outbox, answering.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import { deliverDueMessages } from '../../core/outbox/deliver-due-messages';
import { enqueue } from '../../core/outbox/enqueue';
import { eventHandlersFrom } from '../../core/outbox/event-handlers';
import { agencies, units } from '../../core/org/schema';
import { surveysModule } from './index';
import { surveyInvitations } from './schema';

/** What these helpers need of a test app (test/app.ts TestApp has it; production code may not import test/). */
type TestApp = { ctx: AppContext; clock: { now(): Date } };

export const DPUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';

export async function demoIds(t: TestApp, slug = 'banten', unitName = DPUPR) {
  const [row] = await t.ctx.db
    .select({ agencyId: agencies.id, unitId: units.id })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(and(eq(agencies.slug, slug), eq(units.name, unitName)))
    .limit(1);
  if (!row) throw new Error(`demo unit ${slug}/${unitName} not found`);
  return row;
}

export interface Finished {
  transactionId: string;
  token: string;
}

/** Finishes `count` transactions (the `complaints.closed` event through the outbox) and returns their invitations. */
export async function finishTransactions(
  t: TestApp,
  ids: { agencyId: string; unitId: string },
  count: number,
  opts: {
    serviceId?: string | null;
    recipientEmail?: string | null;
    transactionType?: 'complaint' | 'application';
  } = {},
): Promise<Finished[]> {
  const made: string[] = [];
  const now = t.clock.now();
  for (let i = 0; i < count; i++) {
    const transactionId = randomUUID();
    made.push(transactionId);
    await enqueue(
      t.ctx.db,
      opts.transactionType === 'application' ? 'services.completed' : 'complaints.closed',
      {
        agencyId: ids.agencyId,
        unitId: ids.unitId,
        serviceId: opts.serviceId ?? null,
        transactionType: opts.transactionType ?? 'complaint',
        transactionId,
        trackingCode: `ADU-${transactionId.slice(0, 6).toUpperCase()}`,
        recipientEmail: opts.recipientEmail ?? null,
      },
      { now, agencyId: ids.agencyId },
    );
  }
  await deliverAll(t);
  const out: Finished[] = [];
  for (const transactionId of made) {
    const [inv] = await t.ctx.db
      .select({ token: surveyInvitations.token })
      .from(surveyInvitations)
      .where(eq(surveyInvitations.transactionId, transactionId));
    if (!inv) throw new Error('no invitation was created');
    out.push({ transactionId, token: inv.token });
  }
  return out;
}

export async function deliverAll(t: TestApp): Promise<void> {
  const handlers = {
    mailer: { send: async () => {}, close: () => {} },
    events: eventHandlersFrom([surveysModule]),
  };
  for (let i = 0; i < 20; i++) {
    const r = await deliverDueMessages(t.ctx, handlers, { batchSize: 100 });
    if (r.claimed === 0) return;
  }
}

export type Answers = [number, number, number, number, number, number, number, number, number];

export const answersOf = (a: Answers) => Object.fromEntries(a.map((v, i) => [`u${i + 1}`, v]));

let address = 0;
/** A fresh documentation address per request, so tests about content are not rate-limited. */
export const nextIp = () => {
  address += 1;
  return `203.0.${(address >> 8) % 256}.${address % 256}`;
};

export async function countResponses(t: TestApp, unitId: string): Promise<number> {
  const r = await t.ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from surveys_responses where unit_id = ${unitId}`,
  );
  return Number(r.rows[0]?.n ?? 0);
}
