import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginAs, totpSecretOf } from '../../../test/auth';
import { createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { SESSION_COOKIE } from './session';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed-demo-accounts';
import { users } from './schema';
import { newTotpSecret, totpCode } from './totp';
import { sealPlaintextTotpSecrets } from './totp-secret';

/** A six-digit code that matches none of the steps the server would accept now. */
async function wrongCode(secret: string): Promise<string> {
  const now = t.clock.now().getTime();
  const valid = await Promise.all([-30_000, 0, 30_000].map((d) => totpCode(secret, new Date(now + d))));
  for (let n = 0; ; n++) {
    const c = String(n).padStart(6, '0');
    if (!valid.includes(c)) return c;
  }
}

const t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
let ip = 0;

/** Signs in with the password only; returns the half-open session. */
async function passwordStep(email: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
    remoteAddress: `203.0.113.${++ip}`,
  });
  expect(res.statusCode).toBe(200);
  const cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  const csrfToken = res.json().csrfToken as string;
  const post = (url: string, payload?: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie, 'x-csrf-token': csrfToken } });
  return { status: res.json().status as string, cookie, csrfToken, post };
}

describe('TOTP enrolment and verification', () => {
  it('401 for the TOTP routes without a staff session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', payload: { code: '123456' } })).statusCode,
    ).toBe(401);
    const citizen = await loginAs(t, 'citizen');
    expect((await citizen.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol' })).statusCode).toBe(401);
  });

  it('400 for a too-short code; verifying before enrolling is a 409', async () => {
    const s = await passwordStep(DEMO_ACCOUNTS.inspektorat);
    const short = await s.post('/api/v1/auth/totp/verify', { code: '12' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('VALIDATION');
    const early = await s.post('/api/v1/auth/totp/verify', { code: '123456' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TOTP_NOT_ENROLLED');
  });

  it('enrols on first sign-in, activates with a code, and shows ten recovery codes once', async () => {
    const s = await passwordStep(DEMO_ACCOUNTS.kepala_unit);
    expect(s.status).toBe('totp_enrol');
    const enrol = await s.post('/api/v1/auth/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    const { otpauthUrl, secret, qrDataUrl } = enrol.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toBe(`otpauth://totp/Pamong:kepala%40banten.pamong.test?secret=${secret}&issuer=Pamong`);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrDataUrl.split(',')[1], 'base64').toString()).toMatch(/^<svg /);

    const wrong = await s.post('/api/v1/auth/totp/verify', { code: await wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('INVALID_CODE');

    const ok = await s.post('/api/v1/auth/totp/verify', { code: await totpCode(secret, t.clock.now()) });
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.status).toBe('ok');
    expect(body.user).toMatchObject({ email: DEMO_ACCOUNTS.kepala_unit, totpEnabled: true });
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    for (const c of body.recoveryCodes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    const again = await s.post('/api/v1/auth/totp/enrol');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TOTP_ALREADY_ENABLED');

    // The secret is sealed at rest (bound to the user): the column never holds it in plain text.
    const [stored] = await t.ctx.db
      .select({ secret: users.totpSecret })
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS.kepala_unit));
    expect(stored!.secret).toMatch(/^v1:/);
    expect(stored!.secret).not.toContain(secret);

    // Only digests are stored.
    const [row] = await t.ctx.db
      .execute<{ recovery_codes: string[] }>(
        sql`select recovery_codes from core_users where email = ${DEMO_ACCOUNTS.kepala_unit}`,
      )
      .then((r) => r.rows);
    expect(row!.recovery_codes).toHaveLength(10);
    expect(row!.recovery_codes).not.toContain(body.recoveryCodes[0]);

    const audit = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, body.user.id), eq(auditEntries.action, 'auth.totp_enabled')));
    expect(audit).toHaveLength(1);
  });

  it('later sign-ins need a code; a code is accepted once only', async () => {
    await loginAs(t, 'pimpinan'); // enrolled now
    const secret = await totpSecretOf(t, DEMO_ACCOUNTS.pimpinan);
    t.clock.advance(60_000);
    const first = await passwordStep(DEMO_ACCOUNTS.pimpinan);
    expect(first.status).toBe('totp_required');
    const code = await totpCode(secret, t.clock.now());
    expect((await first.post('/api/v1/auth/totp/verify', { code })).statusCode).toBe(200);

    const second = await passwordStep(DEMO_ACCOUNTS.pimpinan);
    const replay = await second.post('/api/v1/auth/totp/verify', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('INVALID_CODE');
    t.clock.advance(30_000);
    const next = await second.post('/api/v1/auth/totp/verify', { code: await totpCode(secret, t.clock.now()) });
    expect(next.statusCode).toBe(200);
    expect(next.json().recoveryCodes).toBeUndefined();
  });

  it('a recovery code opens a session once, and is recorded in the ledger', async () => {
    const s1 = await passwordStep(DEMO_ACCOUNTS.ppid);
    await s1.post('/api/v1/auth/totp/enrol');
    const secret = await totpSecretOf(t, DEMO_ACCOUNTS.ppid);
    const enrolled = await s1.post('/api/v1/auth/totp/verify', { code: await totpCode(secret, t.clock.now()) });
    const [recovery] = enrolled.json().recoveryCodes as string[];

    const s2 = await passwordStep(DEMO_ACCOUNTS.ppid);
    expect(s2.status).toBe('totp_required');
    const used = await s2.post('/api/v1/auth/totp/verify', { code: recovery!.toUpperCase() });
    expect(used.statusCode).toBe(200);

    const s3 = await passwordStep(DEMO_ACCOUNTS.ppid);
    const reused = await s3.post('/api/v1/auth/totp/verify', { code: recovery });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('INVALID_CODE');

    const audit = await t.ctx.db
      .select({ meta: auditEntries.meta })
      .from(auditEntries)
      .where(
        and(eq(auditEntries.entityId, enrolled.json().user.id), eq(auditEntries.action, 'auth.recovery_code_used')),
      );
    expect(audit).toEqual([{ meta: { remaining: 9 } }]);
  });

  it('five wrong codes lock the address and end the half-open session', async () => {
    const s = await passwordStep(DEMO_ACCOUNTS.bkpsdm);
    await s.post('/api/v1/auth/totp/enrol');
    const secret = await totpSecretOf(t, DEMO_ACCOUNTS.bkpsdm);
    const wrong = await wrongCode(secret);
    for (let i = 0; i < 4; i++)
      expect((await s.post('/api/v1/auth/totp/verify', { code: wrong })).statusCode).toBe(400);
    const locked = await s.post('/api/v1/auth/totp/verify', { code: wrong });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_LOCKED');
    // The session is gone: even a right code now meets no session.
    const after = await s.post('/api/v1/auth/totp/verify', { code: await totpCode(secret, t.clock.now()) });
    expect(after.statusCode).toBe(401);
  });

  it('a signed-in staff member replaces the recovery codes with a current code', async () => {
    const agent = await loginAs(t, 'admin_instansi');
    const secret = await totpSecretOf(t, DEMO_ACCOUNTS.admin_instansi);
    const bad = await agent.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      payload: { code: await wrongCode(secret) },
    });
    expect(bad.statusCode).toBe(400);
    t.clock.advance(30_000);
    const res = await agent.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      payload: { code: await totpCode(secret, t.clock.now()) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().recoveryCodes).toHaveLength(10);
  });

  it('accepts a secret an earlier version stored in plain text, and seals it at start-up', async () => {
    const secret = newTotpSecret();
    await t.ctx.db
      .update(users)
      .set({ totpSecret: secret, totpEnabledAt: t.clock.now(), totpLastStep: null })
      .where(eq(users.email, DEMO_ACCOUNTS.operator_unit));
    const before = await passwordStep(DEMO_ACCOUNTS.operator_unit);
    expect(before.status).toBe('totp_required');
    const code = { code: await totpCode(secret, t.clock.now()) };
    expect((await before.post('/api/v1/auth/totp/verify', code)).statusCode).toBe(200);

    expect(await sealPlaintextTotpSecrets(t.ctx.db, t.ctx.config)).toBe(1);
    expect(await sealPlaintextTotpSecrets(t.ctx.db, t.ctx.config)).toBe(0);
    const [stored] = await t.ctx.db
      .select({ secret: users.totpSecret })
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS.operator_unit));
    expect(stored!.secret).toMatch(/^v1:/);
    expect(stored!.secret).not.toContain(secret);

    t.clock.advance(30_000);
    const after = await passwordStep(DEMO_ACCOUNTS.operator_unit);
    const next = { code: await totpCode(secret, t.clock.now()) };
    expect((await after.post('/api/v1/auth/totp/verify', next)).statusCode).toBe(200);
  });
});
