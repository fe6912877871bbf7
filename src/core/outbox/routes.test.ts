import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { enqueue, enqueueEmail } from './enqueue';
import { outbox } from './schema';
import { makeAccount, makeAgency, type TestAccount } from './test-accounts';

const NOW = new Date('2025-03-03T01:00:00.000Z');

let t: TestApp;
let agencyA: string;
let agencyB: string;
let adminA: TestAccount;
let platform: TestAccount;
let operatorA: TestAccount;
let citizen: TestAccount;
let mailA: number;
let deadA: number;
let eventB: number;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const ctx = t.ctx;
  await ctx.db.delete(outbox);
  agencyA = await makeAgency(ctx, 'kota-a');
  agencyB = await makeAgency(ctx, 'kota-b');
  adminA = await makeAccount(ctx, { kind: 'staff', agencyId: agencyA, roles: ['admin_instansi'] });
  platform = await makeAccount(ctx, { kind: 'staff', agencyId: agencyB, roles: ['platform_admin'] });
  operatorA = await makeAccount(ctx, { kind: 'staff', agencyId: agencyA, roles: ['operator_unit'] });
  citizen = await makeAccount(ctx, { kind: 'citizen' });
  mailA = await enqueueEmail(
    ctx.db,
    { to: 'pelapor@contoh.id', subject: 'Laporan Anda diterima', text: 'Isi rahasia pelapor' },
    { now: NOW, agencyId: agencyA },
  );
  deadA = await enqueue(ctx.db, 'complaints.closed', { reporterName: 'Siti Rahayu' }, { now: NOW, agencyId: agencyA });
  await ctx.db
    .update(outbox)
    .set({ status: 'dead', attempts: 8, lastError: 'Error: gagal', doneAt: NOW })
    .where(eq(outbox.id, deadA));
  eventB = await enqueue(ctx.db, 'complaints.closed', { n: 1 }, { now: NOW, agencyId: agencyB });
});

const list = (headers: Record<string, string> | undefined, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/admin/outbox${query}`, headers });

describe('GET /api/v1/admin/outbox', () => {
  it('asks who you are, then refuses accounts without an admin role', async () => {
    expect((await list(undefined)).statusCode).toBe(401);
    expect((await list(citizen.headers)).statusCode).toBe(403);
    expect((await list(operatorA.headers)).statusCode).toBe(403);
  });

  it('rejects an unknown status filter', async () => {
    const res = await list(adminA.headers, '?status=hilang');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it("shows an agency admin only its agency's messages, with the subject but never the payload", async () => {
    const res = await list(adminA.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([deadA, mailA]);
    expect(body.items[1]).toEqual({
      id: mailA,
      topic: 'email',
      subject: 'Laporan Anda diterima',
      agencyId: agencyA,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2025-03-03T01:00:00.000Z',
      lastError: null,
      createdAt: '2025-03-03T01:00:00.000Z',
      doneAt: null,
    });
    expect(body.items[0]).toMatchObject({ topic: 'complaints.closed', subject: null, status: 'dead', nextAttemptAt: null });
    expect(res.body).not.toContain('pelapor@contoh.id');
    expect(res.body).not.toContain('Isi rahasia');
    expect(res.body).not.toContain('Siti Rahayu');
  });

  it('shows a platform admin every agency, filtered by status and topic', async () => {
    const all = await list(platform.headers);
    expect(all.json().total).toBe(3);
    const dead = await list(platform.headers, '?status=dead');
    expect(dead.json().items.map((i: { id: number }) => i.id)).toEqual([deadA]);
    const closed = await list(platform.headers, '?topic=complaints.closed&page=1');
    expect(closed.json().items.map((i: { id: number }) => i.id)).toEqual([eventB, deadA]);
    const page2 = await list(platform.headers, '?page=2');
    expect(page2.json()).toMatchObject({ items: [], page: 2, pageSize: 50, total: 3 });
  });
});

describe('POST /api/v1/admin/outbox/:id/retry', () => {
  const retry = (id: number | string, headers?: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${id}/retry`, headers });

  it('refuses anonymous callers, operators, a missing CSRF token and a bad id', async () => {
    expect((await retry(deadA)).statusCode).toBe(401);
    expect((await retry(deadA, operatorA.headers)).statusCode).toBe(403);
    expect((await retry(deadA, { cookie: adminA.headers.cookie! })).statusCode).toBe(403);
    expect((await retry('abc', adminA.headers)).statusCode).toBe(400);
  });

  it("does not let an agency admin touch another agency's message", async () => {
    await t.ctx.db.update(outbox).set({ status: 'failed' }).where(eq(outbox.id, eventB));
    const res = await retry(eventB, adminA.headers);
    expect(res.statusCode).toBe(404);
    expect((await t.ctx.db.select().from(outbox).where(eq(outbox.id, eventB)))[0]!.status).toBe('failed');
  });

  it('refuses to retry a message that is still pending', async () => {
    const res = await retry(mailA, adminA.headers);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NOT_RETRYABLE');
  });

  it('puts a dead message back in the queue, due now with fresh attempts, and records it in the ledger', async () => {
    t.clock.set('2025-03-03T08:00:00.000Z');
    const res = await retry(deadA, adminA.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: deadA,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: '2025-03-03T08:00:00.000Z',
      doneAt: null,
    });
    const audit = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'outbox.retry'), eq(auditEntries.entityId, String(deadA))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: adminA.userId,
      actorRole: 'admin_instansi',
      agencyId: agencyA,
      entityType: 'outbox_message',
      meta: { topic: 'complaints.closed', previousStatus: 'dead', previousAttempts: 8 },
    });
    expect((await retry(deadA, adminA.headers)).statusCode).toBe(409);
  });

  it("lets a platform admin retry any agency's failed message", async () => {
    const res = await retry(eventB, platform.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('pending');
  });
});
