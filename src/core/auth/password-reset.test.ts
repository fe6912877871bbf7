import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginWith, mailsTo } from '../../../test/auth';
import { createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { outbox } from '../outbox/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed-demo-accounts';

const t = await createTestApp({
  now: new Date('2026-03-02T02:00:00Z'),
  config: { publicUrl: 'https://pamong.example.go.id' },
});

const post = (url: string, payload: object, remoteAddress = '203.0.113.50') =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress });

describe('password reset', () => {
  it('400 for a malformed address or token', async () => {
    expect((await post('/api/v1/auth/password-reset/request', { email: 'nope' })).statusCode).toBe(400);
    expect(
      (await post('/api/v1/auth/password-reset/confirm', { token: 'short', password: 'Rahasia-Baru-2026' })).statusCode,
    ).toBe(400);
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    const before = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
    const res = await post('/api/v1/auth/password-reset/request', { email: 'tidak-ada@pamong.test' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted' });
    const after = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('mails a single-use link valid for one hour; the new password works and every session ends', async () => {
    const email = DEMO_ACCOUNTS.citizen;
    const session = await loginWith(t, email, DEMO_PASSWORD);
    const res = await post('/api/v1/auth/password-reset/request', { email: 'Warga@Pamong.test' });
    expect(res.statusCode).toBe(202);
    const [mail] = await mailsTo(t, email);
    expect(mail!.subject).toBe('Atur ulang kata sandi Pamong / Reset your Pamong password');
    const link = mail!.text.match(/https:\/\/pamong\.example\.go\.id\/reset-password\?token=([A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    const token = link![1]!;

    const asEmail = await post('/api/v1/auth/password-reset/confirm', { token, password: email.toUpperCase() });
    expect(asEmail.statusCode).toBe(400);
    expect(asEmail.json().error).toMatchObject({
      code: 'WEAK_PASSWORD',
      message: 'Kata sandi tidak boleh sama dengan alamat e-mail.',
    });
    const short = await post('/api/v1/auth/password-reset/confirm', { token, password: 'pendek' });
    expect(short.json().error).toMatchObject({ code: 'WEAK_PASSWORD', message: 'Kata sandi minimal 10 karakter.' });

    const ok = await post('/api/v1/auth/password-reset/confirm', { token, password: 'Kata-Sandi-Baru-2026' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok' });

    const reused = await post('/api/v1/auth/password-reset/confirm', { token, password: 'Kata-Sandi-Lain-2026' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('INVALID_TOKEN');

    expect((await session.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const oldPw = await post('/api/v1/auth/login', { email, password: DEMO_PASSWORD });
    expect(oldPw.statusCode).toBe(401);
    const newPw = await post('/api/v1/auth/login', { email, password: 'Kata-Sandi-Baru-2026' });
    expect(newPw.statusCode).toBe(200);

    const [entry] = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, 'auth.password_reset'))
      .orderBy(desc(auditEntries.seq))
      .limit(1);
    expect(entry).toMatchObject({
      actorKind: 'citizen',
      entityType: 'user',
      entityId: newPw.json().user.id,
      beforeDigest: null,
      afterDigest: null,
    });
  });

  it('a link older than one hour no longer works', async () => {
    const email = DEMO_ACCOUNTS.pimpinan;
    await post('/api/v1/auth/password-reset/request', { email });
    const token = (await mailsTo(t, email))[0]!.text.match(/token=([A-Za-z0-9_-]+)/)![1]!;
    t.clock.advance(60 * 60_000);
    const res = await post('/api/v1/auth/password-reset/confirm', { token, password: 'Kata-Sandi-Baru-2026' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_TOKEN');
  });

  it(`limits e-mail-sending requests per address`, async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 10; i++) {
      expect((await post('/api/v1/auth/password-reset/request', { email: `x${i}@pamong.test` }, ip)).statusCode).toBe(
        202,
      );
    }
    expect((await post('/api/v1/auth/password-reset/request', { email: 'x@pamong.test' }, ip)).statusCode).toBe(429);
  });
});
