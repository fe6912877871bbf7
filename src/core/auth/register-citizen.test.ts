import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mailsTo } from '../../../test/auth';
import { createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { DEMO_ACCOUNTS } from './seed-demo-accounts';

const t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
let ip = 0;
const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: `203.0.113.${++ip}` });

describe('citizen registration', () => {
  it('400 for a missing name, a bad phone number, or a weak password', async () => {
    const base = { name: 'Siti Aminah', email: 'siti@contoh.id', password: 'Rahasia-Siti-2026' };
    const noName = await post('/api/v1/auth/register', { ...base, name: undefined });
    expect(noName.statusCode).toBe(400);
    const badPhone = await post('/api/v1/auth/register', { ...base, phone: 'telepon saya' });
    expect(badPhone.statusCode).toBe(400);
    const weak = await post('/api/v1/auth/register', { ...base, password: 'siti@contoh.id' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect(await mailsTo(t, 'siti@contoh.id')).toEqual([]);
  });

  it('registers, mails a verification link, and signs in only after verification', async () => {
    const res = await post('/api/v1/auth/register', {
      name: 'Siti Aminah',
      email: 'Siti@Contoh.id',
      password: 'Rahasia-Siti-2026',
      phone: '+62 812-3456-7890',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'verification_sent' });

    const early = await post('/api/v1/auth/login', { email: 'siti@contoh.id', password: 'Rahasia-Siti-2026' });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('EMAIL_NOT_VERIFIED');

    const [mail] = await mailsTo(t, 'siti@contoh.id');
    expect(mail!.subject).toBe('Verifikasi e-mail Pamong / Verify your Pamong e-mail');
    const token = mail!.text.match(/http:\/\/localhost:3000\/verify-email\?token=([A-Za-z0-9_-]+)/)![1]!;
    const verified = await post('/api/v1/auth/verify-email', { token });
    expect(verified.statusCode).toBe(200);
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(400);

    const login = await post('/api/v1/auth/login', { email: 'siti@contoh.id', password: 'Rahasia-Siti-2026' });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({
      kind: 'citizen',
      name: 'Siti Aminah',
      email: 'siti@contoh.id',
      phone: '+62 812-3456-7890',
      emailVerified: true,
      agencyId: null,
    });
    const audit = await t.ctx.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(eq(auditEntries.entityId, login.json().user.id));
    expect(audit.map((a) => a.action)).toEqual(['auth.citizen_registered', 'auth.email_verified']);
  });

  it('answers the same for a taken address, and tells its owner by e-mail instead', async () => {
    const res = await post('/api/v1/auth/register', {
      name: 'Penyusup',
      email: DEMO_ACCOUNTS.citizen,
      password: 'Rahasia-Lain-2026',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'verification_sent' });
    const [mail] = await mailsTo(t, DEMO_ACCOUNTS.citizen);
    expect(mail!.subject).toBe('Akun Pamong Anda sudah ada / Your Pamong account already exists');
    // The existing account is untouched.
    const login = await post('/api/v1/auth/login', { email: DEMO_ACCOUNTS.citizen, password: 'Rahasia-Lain-2026' });
    expect(login.statusCode).toBe(401);
  });

  it('sends a new verification link on request, the same answer for any address', async () => {
    await post('/api/v1/auth/register', { name: 'Budi', email: 'budi@contoh.id', password: 'Rahasia-Budi-2026' });
    const unknown = await post('/api/v1/auth/verify-email/resend', { email: 'siapa@contoh.id' });
    const known = await post('/api/v1/auth/verify-email/resend', { email: 'budi@contoh.id' });
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const mails = await mailsTo(t, 'budi@contoh.id');
    expect(mails).toHaveLength(2);
    const token = mails[0]!.text.match(/token=([A-Za-z0-9_-]+)/)![1]!;
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
  });
});
