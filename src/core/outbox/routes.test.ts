import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { enqueue, enqueueEmail } from './enqueue';
import { outbox } from './schema';
import { type Agent, loginAs } from '../../../test/auth';
import { users } from '../auth/schema';
import { agencies } from '../org/schema';

const NOW = new Date('2025-03-03T01:00:00.000Z');

let t: TestApp;
let agencyA: string;
let agencyB: string;
let adminA: Agent;
let platform: Agent;
let operatorA: Agent;
let citizen: Agent;
let mailA: number;
let deadA: number;
let eventB: number;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const ctx = t.ctx;
  adminA = await loginAs(t, 'admin_instansi');
  platform = await loginAs(t, 'platform_admin');
  operatorA = await loginAs(t, 'operator_unit');
  citizen = await loginAs(t, 'citizen');
  // The demo admin's agency, and another demo agency.
  agencyA = (await ctx.db.select({ a: users.agencyId }).from(users).where(eq(users.id, adminA.userId)))[0]!.a!;
  agencyB = (await ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'kota-serang')))[0]!.id;
  // Only this file's messages (signing in may have queued mails of its own).
  await ctx.db.delete(outbox);
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

const list = (agent: Agent | undefined, query = '') =>
  agent
    ? agent.inject({ method: 'GET', url: `/api/v1/admin/outbox${query}` })
    : t.app.inject({ method: 'GET', url: `/api/v1/admin/outbox${query}` });

describe('GET /api/v1/admin/outbox', () => {
  it('asks who you are, then refuses accounts without an admin role', async () => {
    expect((await list(undefined)).statusCode).toBe(401);
    expect((await list(citizen)).statusCode).toBe(403);
    expect((await list(operatorA)).statusCode).toBe(403);
  });

  it('rejects an unknown status filter', async () => {
    const res = await list(adminA, '?status=hilang');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it("shows an agency admin only its agency's messages, with the subject but never the payload", async () => {
    const res = await list(adminA);
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
    expect(body.items[0]).toMatchObject({
      topic: 'complaints.closed',
      subject: null,
      status: 'dead',
      nextAttemptAt: null,
    });
    expect(res.body).not.toContain('pelapor@contoh.id');
    expect(res.body).not.toContain('Isi rahasia');
    expect(res.body).not.toContain('Siti Rahayu');
  });

  it('shows a platform admin every agency, filtered by status and topic', async () => {
    const all = await list(platform);
    expect(all.json().total).toBe(3);
    const dead = await list(platform, '?status=dead');
    expect(dead.json().items.map((i: { id: number }) => i.id)).toEqual([deadA]);
    const closed = await list(platform, '?topic=complaints.closed&page=1');
    expect(closed.json().items.map((i: { id: number }) => i.id)).toEqual([eventB, deadA]);
    const page2 = await list(platform, '?page=2');
    expect(page2.json()).toMatchObject({ items: [], page: 2, pageSize: 50, total: 3 });
  });
});

describe('POST /api/v1/admin/outbox/:id/retry', () => {
  const retry = (id: number | string, agent?: Agent, headers?: Record<string, string>) =>
    agent
      ? agent.inject({ method: 'POST', url: `/api/v1/admin/outbox/${id}/retry`, headers })
      : t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${id}/retry` });

  it('refuses anonymous callers, operators, a missing CSRF token and a bad id', async () => {
    expect((await retry(deadA)).statusCode).toBe(401);
    expect((await retry(deadA, operatorA)).statusCode).toBe(403);
    expect((await retry(deadA, adminA, { 'x-csrf-token': '' })).statusCode).toBe(403);
    expect((await retry('abc', adminA)).statusCode).toBe(400);
  });

  it("does not let an agency admin touch another agency's message", async () => {
    await t.ctx.db.update(outbox).set({ status: 'failed' }).where(eq(outbox.id, eventB));
    const res = await retry(eventB, adminA);
    expect(res.statusCode).toBe(404);
    expect((await t.ctx.db.select().from(outbox).where(eq(outbox.id, eventB)))[0]!.status).toBe('failed');
  });

  it('refuses to retry a message that is still pending', async () => {
    const res = await retry(mailA, adminA);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NOT_RETRYABLE');
  });

  it('puts a dead message back in the queue, due now with fresh attempts, and records it in the ledger', async () => {
    t.clock.set('2025-03-03T08:00:00.000Z');
    const res = await retry(deadA, adminA);
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
    expect((await retry(deadA, adminA)).statusCode).toBe(409);
  });

  it("lets a platform admin retry any agency's failed message", async () => {
    const res = await retry(eventB, platform);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('pending');
  });
});
