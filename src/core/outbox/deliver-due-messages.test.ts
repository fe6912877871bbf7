import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import type { AppContext } from '../context';
import type { EventHandler } from '../module';
import { backoffMs, deliverDueMessages, type OutboxHandlers } from './deliver-due-messages';
import { enqueue, enqueueEmail } from './enqueue';
import { eventHandlersFrom } from './event-handlers';
import { createMailer, recipientHash } from './mailer';
import { outbox } from './schema';
import { startOutboxWorker } from './start-outbox-worker';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server in this process; recipients starting with "ditolak" are refused with 550. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('ditolak')) {
        return cb(Object.assign(new Error(`Mailbox ${address.address} tidak ada`), { responseCode: 550 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const half = () => 0.5;
const START = new Date('2025-03-03T01:00:00.000Z');

let t: TestApp;
let ctx: AppContext;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  t = await createTestApp({ now: START });
  ctx = t.ctx;
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
});
beforeEach(async () => {
  await ctx.db.delete(outbox);
  smtp.received.length = 0;
  t.clock.set(START);
});

const row = async (id: number) => (await ctx.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
const smtpHandlers = (port: number): OutboxHandlers => ({
  mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Pamong <no-reply@pamong.local>' }, ctx.log),
  events: new Map(),
});
const mail = (to: string) => ({
  to,
  subject: 'Pengaduan PMG-0001 diterima',
  text: 'Terima kasih, pengaduan Anda sudah kami terima.',
});

describe('backoffMs', () => {
  it('doubles from 30 seconds, spreads by a quarter either way, and stops at one hour', () => {
    expect(backoffMs(1, 0.5)).toBe(30_000);
    expect(backoffMs(2, 0.5)).toBe(60_000);
    expect(backoffMs(3, 0.5)).toBe(120_000);
    expect(backoffMs(1, 0)).toBe(22_500);
    expect(backoffMs(1, 1)).toBe(37_500);
    expect(backoffMs(7, 0.5)).toBe(1_920_000);
    expect(backoffMs(8, 1)).toBe(3_600_000);
  });
});

describe('e-mail delivery over SMTP', () => {
  it('delivers a due e-mail to the SMTP server and marks it sent', async () => {
    const id = await enqueueEmail(ctx.db, mail('warga@contoh.id'), { now: START });
    const report = await deliverDueMessages(ctx, smtpHandlers(smtp.port), { random: half });
    expect(report).toEqual({ claimed: 1, sent: 1, failed: 0, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['warga@contoh.id']);
    expect(smtp.received[0]!.raw).toContain('Subject: Pengaduan PMG-0001 diterima');
    expect(smtp.received[0]!.raw).toContain('Terima kasih, pengaduan Anda sudah kami terima.');
    expect(smtp.received[0]!.raw).toContain('From: Pamong <no-reply@pamong.local>');
    const r = await row(id);
    expect(r.status).toBe('sent');
    expect(r.attempts).toBe(1);
    expect(r.doneAt).toEqual(START);
    expect(r.lastError).toBeNull();
  });

  it('does not deliver a message before its time', async () => {
    await enqueueEmail(ctx.db, mail('warga@contoh.id'), { now: new Date('2025-03-03T01:05:00.000Z') });
    expect((await deliverDueMessages(ctx, smtpHandlers(smtp.port))).claimed).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('retries a refused recipient with growing delays, without the address in the error, then gives up', async () => {
    const id = await enqueueEmail(ctx.db, mail('ditolak@contoh.id'), { now: START });
    const handlers = smtpHandlers(smtp.port);

    expect(await deliverDueMessages(ctx, handlers, { random: half })).toEqual({
      claimed: 1,
      sent: 0,
      failed: 1,
      dead: 0,
    });
    let r = await row(id);
    expect(r.status).toBe('failed');
    expect(r.attempts).toBe(1);
    expect(r.nextAttemptAt).toEqual(new Date('2025-03-03T01:00:30.000Z'));
    expect(r.lastError).toBe('EENVELOPE 550 (RCPT TO): 550 Mailbox [alamat] tidak ada');

    t.clock.set('2025-03-03T01:00:29.000Z');
    expect((await deliverDueMessages(ctx, handlers, { random: half })).claimed).toBe(0);

    t.clock.set('2025-03-03T01:00:30.000Z');
    expect((await deliverDueMessages(ctx, handlers, { random: half })).failed).toBe(1);
    r = await row(id);
    expect(r.attempts).toBe(2);
    expect(r.nextAttemptAt).toEqual(new Date('2025-03-03T01:01:30.000Z'));

    // Attempts 3 to 7 fail the same way, each after twice the previous delay.
    for (let attempt = 3; attempt <= 7; attempt++) {
      t.clock.set(r.nextAttemptAt);
      expect((await deliverDueMessages(ctx, handlers, { random: half })).failed).toBe(1);
      r = await row(id);
      expect(r.attempts).toBe(attempt);
    }
    expect(r.nextAttemptAt).toEqual(new Date('2025-03-03T02:03:30.000Z'));
    t.clock.set(r.nextAttemptAt);
    expect(await deliverDueMessages(ctx, handlers, { random: half })).toEqual({
      claimed: 1,
      sent: 0,
      failed: 0,
      dead: 1,
    });
    r = await row(id);
    expect(r.status).toBe('dead');
    expect(r.attempts).toBe(8);
    expect(r.lastError).not.toContain('ditolak');

    t.clock.set('2025-03-04T00:00:00.000Z');
    expect((await deliverDueMessages(ctx, handlers)).claimed).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('retries when the SMTP server cannot be reached', async () => {
    const closed = await startSmtp();
    await closed.close();
    const id = await enqueueEmail(ctx.db, mail('warga@contoh.id'), { now: START });
    expect(await deliverDueMessages(ctx, smtpHandlers(closed.port), { random: half })).toEqual({
      claimed: 1,
      sent: 0,
      failed: 1,
      dead: 0,
    });
    const r = await row(id);
    expect(r.status).toBe('failed');
    expect(r.lastError).toMatch(/^ESOCKET \(CONN\): connect ECONNREFUSED/);
    expect(r.nextAttemptAt).toEqual(new Date('2025-03-03T01:00:30.000Z'));
  });
});

describe('e-mail without SMTP', () => {
  it('writes subject and a recipient hash to the log, not the address or the body, and marks it sent', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (s: string) => lines.push(s) });
    const handlers: OutboxHandlers = {
      mailer: createMailer({ smtpUrl: undefined, mailFrom: 'x@pamong.local' }, log),
      events: new Map(),
    };
    const id = await enqueueEmail(ctx.db, mail('warga@contoh.id'), { now: START });
    expect((await deliverDueMessages(ctx, handlers)).sent).toBe(1);
    expect((await row(id)).status).toBe('sent');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line.msg).toContain('SMTP not configured');
    expect(line.subject).toBe('Pengaduan PMG-0001 diterima');
    expect(line.recipientHash).toBe(recipientHash('Warga@Contoh.id'));
    expect(line.recipientHash).toMatch(/^[0-9a-f]{16}$/);
    expect(lines[0]).not.toContain('warga@contoh.id');
    expect(lines[0]).not.toContain('Terima kasih');
  });
});

describe('domain events', () => {
  beforeAll(async () => {
    await ctx.db.execute(sql`create table if not exists test_event_log (module text not null, ref text not null)`);
  });

  it('maps each topic to the handlers of every module that subscribes to it', () => {
    const a: EventHandler = async () => {};
    const b: EventHandler = async () => {};
    const map = eventHandlersFrom([
      { events: { 'complaints.closed': a } },
      { events: { 'complaints.closed': b, 'services.done': b } },
      {},
    ]);
    expect(map.get('complaints.closed')).toEqual([a, b]);
    expect(map.get('services.done')).toEqual([b]);
    expect(() => eventHandlersFrom([{ events: { email: a } }])).toThrow(/reserved/);
  });

  it('commits the handlers’ writes with the sent status, or none of them and retries', async () => {
    let failNext = true;
    const events = eventHandlersFrom([
      {
        events: {
          'uji.terjadi': async (_ctx, payload, q) => {
            await q.execute(sql`insert into test_event_log values ('survei', ${String(payload.ref)})`);
          },
        },
      },
      {
        events: {
          'uji.terjadi': async (_ctx, payload, q) => {
            await q.execute(sql`insert into test_event_log values ('dasbor', ${String(payload.ref)})`);
            if (failNext) {
              failNext = false;
              throw new Error('dasbor belum siap');
            }
          },
        },
      },
    ]);
    const handlers: OutboxHandlers = { mailer: createMailer({ smtpUrl: undefined, mailFrom: 'x' }, ctx.log), events };
    const id = await enqueue(ctx.db, 'uji.terjadi', { ref: 'PMG-7' }, { now: START });
    const logged = async () =>
      (
        await ctx.db.execute<{ module: string; ref: string }>(
          sql`select module, ref from test_event_log order by module`,
        )
      ).rows;

    expect(await deliverDueMessages(ctx, handlers, { random: half })).toMatchObject({ failed: 1 });
    expect(await logged()).toEqual([]);
    expect((await row(id)).lastError).toBe('Error: dasbor belum siap');

    t.clock.set('2025-03-03T01:00:30.000Z');
    expect(await deliverDueMessages(ctx, handlers, { random: half })).toMatchObject({ sent: 1 });
    expect(await logged()).toEqual([
      { module: 'dasbor', ref: 'PMG-7' },
      { module: 'survei', ref: 'PMG-7' },
    ]);
    expect((await row(id)).status).toBe('sent');
  });

  it('marks an event nobody subscribes to as sent', async () => {
    const id = await enqueue(ctx.db, 'tidak.ada.pendengar', { x: 1 }, { now: START });
    await deliverDueMessages(ctx, {
      mailer: createMailer({ smtpUrl: undefined, mailFrom: 'x' }, ctx.log),
      events: new Map(),
    });
    expect((await row(id)).status).toBe('sent');
  });
});

describe('concurrency', () => {
  it.skipIf(!process.env.DATABASE_URL)('skips a message another worker holds locked (PostgreSQL)', async () => {
    const id = await enqueueEmail(ctx.db, mail('warga@contoh.id'), { now: START });
    const handlers = smtpHandlers(smtp.port);
    let report: Awaited<ReturnType<typeof deliverDueMessages>> | undefined;
    await ctx.db.transaction(async (tx) => {
      await tx.select().from(outbox).where(eq(outbox.id, id)).for('update');
      report = await deliverDueMessages(ctx, handlers);
    });
    expect(report?.claimed).toBe(0);
    expect((await deliverDueMessages(ctx, handlers)).sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });
});

describe('startOutboxWorker', () => {
  it('delivers in the background until stopped', async () => {
    const id = await enqueueEmail(ctx.db, mail('warga@contoh.id'), { now: START });
    const stop = startOutboxWorker(ctx, smtpHandlers(smtp.port), { intervalMs: 20 });
    await expect.poll(async () => (await row(id)).status, { timeout: 10_000 }).toBe('sent');
    await stop();
    expect(smtp.received).toHaveLength(1);
  });
});
