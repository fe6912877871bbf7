// The privacy test the issue demands: an anonim reporter's name, e-mail and phone appear nowhere — not in
// any API response, the CSV export, the open data, the outbox (admin view and stored payloads), the log
// output, the audit ledger or the mails' text — except the encrypted column, and the one place they must
// be: the envelope of the reporter's own notification mails.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../core/audit/schema';
import { deliverDueMessages } from '../../core/outbox/deliver-due-messages';
import { eventHandlersFrom } from '../../core/outbox/event-handlers';
import { createMailer } from '../../core/outbox/mailer';
import { outbox } from '../../core/outbox/schema';
import { modules } from '../index';
import { type TestApp, createTestApp } from '../../../test/app';
import { loginAs } from '../../../test/auth';
import { runEscalations } from './run-escalations';
import { complaints } from './schema';
import { T0, categoryId, unitIdByName } from './test-factory';

const NAME = 'Zulkarnain Purbayaxq';
const EMAIL = 'zpx.rahasia7@contoh.test';
const PHONE = '+62 811-7777-4321';
const NEEDLES = [NAME, 'Zulkarnain', 'Purbayaxq', EMAIL, 'zpx.rahasia7', PHONE, '811-7777-4321', '81177774321'];

const received: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let port = 0;
let t: TestApp;
const logLines: string[] = [];
const seen: string[] = [];

function leaks(s: string): string[] {
  return NEEDLES.filter((n) => s.toLowerCase().includes(n.toLowerCase()));
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
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
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ now: T0, config: { smtpUrl: `smtp://127.0.0.1:${port}` } });
  // Capture everything the module and the mailer log.
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  t.ctx.log = pino({ level: 'trace' }, sink);
});
afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe('an anonim report', () => {
  it('never reveals the reporter, end to end', async () => {
    const operator = await loginAs(t, 'operator_unit');
    const admin = await loginAs(t, 'admin_instansi');
    const platform = await loginAs(t, 'platform_admin');
    const record = (body: string) => {
      seen.push(body);
      return body;
    };

    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: {
        agency: 'banten',
        kind: 'pengaduan',
        title: 'Jembatan penyeberangan rusak',
        description: 'Lantai jembatan penyeberangan berlubang dan berbahaya bagi pejalan kaki.',
        categoryId: await categoryId(t, 'banten', 'infrastruktur.jalan-provinsi'),
        regionCode: '36.73.02.1001',
        visibility: 'anonim',
        reporter: { name: NAME, email: EMAIL, phone: PHONE },
      },
    });
    expect(filed.statusCode).toBe(201);
    record(filed.body);
    const { code, secret } = filed.json() as { code: string; secret: string };
    const [row] = await t.ctx.db.select().from(complaints).where(eq(complaints.code, code));
    const id = row!.id;
    expect(row!.reporterIdentityEnc).toMatch(/^v1:/);
    expect(leaks(JSON.stringify(row))).toEqual([]);

    const url = `/api/v1/console/complaints/${id}`;
    const detail = await operator.inject({ method: 'GET', url });
    expect(detail.json().reporter).toBeNull();
    record(detail.body);
    const bidang = await unitIdByName(t, 'banten', 'Bidang Bina Marga');
    const steps = [
      await operator.inject({ method: 'POST', url: `${url}/verify`, payload: {} }),
      await operator.inject({ method: 'POST', url: `${url}/dispose`, payload: { unitId: bidang, supportUnitIds: [] } }),
      await operator.inject({ method: 'POST', url: `${url}/transition`, payload: { action: 'follow_up' } }),
      await operator.inject({
        method: 'POST',
        url: `${url}/replies`,
        payload: { body: 'Petugas akan memeriksa jembatan.' },
      }),
      await operator.inject({ method: 'POST', url: `${url}/notes`, payload: { body: 'Koordinasi dengan Dishub.' } }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/track/${code}/replies`,
        headers: { 'x-tracking-secret': secret },
        payload: { body: 'Terima kasih, mohon segera.' },
      }),
      await operator.inject({
        method: 'POST',
        url: `${url}/transition`,
        payload: { action: 'complete', message: 'Lantai jembatan telah diganti.' },
      }),
      await operator.inject({
        method: 'POST',
        url: `${url}/transition`,
        payload: { action: 'close', closeHow: 'resolved' },
      }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/track/${code}/rating`,
        headers: { 'x-tracking-secret': secret },
        payload: { score: 5 },
      }),
    ];
    for (const s of steps) expect([s.statusCode, record(s.body)]).toEqual([200, s.body]);

    for (const [agent, u] of [
      [operator, url],
      [admin, url],
      [operator, '/api/v1/console/complaints?pageSize=100'],
      [operator, '/api/v1/console/complaints/export.csv'],
      [admin, '/api/v1/console/complaint-stats'],
      [platform, '/api/v1/admin/outbox'],
      [platform, '/api/v1/admin/outbox?page=2'],
      [admin, '/api/v1/audit/entries'],
    ] as const) {
      const res = await agent.inject({ method: 'GET', url: u });
      record(res.body);
    }
    for (const u of [
      `/api/v1/track/${code}`,
      '/api/v1/public/complaints?agency=banten&pageSize=100',
      '/api/v1/public/complaints/regions?level=4',
      '/api/v1/open-data/complaints.json',
      '/api/v1/open-data/complaints.csv',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: u });
      expect(res.statusCode).toBe(200);
      record(res.body);
    }
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/track/${code}`,
      headers: { 'x-tracking-secret': secret },
    });
    record(own.body);
    // The open data shows the (anonim, not rahasia) report, without anyone's identity.
    expect(seen.at(-3)).toContain(code);

    // Deliver the outbox: domain events (the worker decrypts and mails the reporter) and staff mails.
    t.clock.set('2026-03-20T02:00:00Z');
    await runEscalations(t.ctx);
    const handlers = { mailer: createMailer(t.ctx.config, t.ctx.log), events: eventHandlersFrom(modules) };
    for (let i = 0; i < 10; i++) {
      const r = await deliverDueMessages(t.ctx, handlers, { batchSize: 100 });
      if (r.claimed === 0) break;
    }
    const stored = await t.ctx.db
      .select({ topic: outbox.topic, payload: outbox.payload, status: outbox.status, createdAt: outbox.createdAt })
      .from(outbox);
    // (The demo seed's messages carry the real date of the template build, after this test's clock.)
    expect(stored.filter((m) => m.status !== 'sent' && m.createdAt <= t.clock.now())).toEqual([]);
    expect(leaks(JSON.stringify(stored))).toEqual([]);
    expect(
      stored.find((m) => m.topic === 'complaints.closed' && m.payload.trackingCode === code)?.payload,
    ).toMatchObject({ trackingCode: code, transactionType: 'complaint', recipientEmail: null });

    const toReporter = received.filter((m) => m.to.includes(EMAIL));
    expect(toReporter.length).toBeGreaterThanOrEqual(6);
    for (const m of toReporter) {
      const body = m.raw
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join('\n');
      expect(leaks(body)).toEqual([]);
      expect(body).toContain(code);
    }
    for (const m of received.filter((x) => !x.to.includes(EMAIL))) expect(leaks(m.raw)).toEqual([]);

    const ledger = await t.ctx.db.select().from(auditEntries);
    expect(leaks(JSON.stringify(ledger))).toEqual([]);
    expect(leaks(logLines.join(''))).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    for (const body of seen) expect(leaks(body)).toEqual([]);
  });
});
