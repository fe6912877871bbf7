import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anonymous, loginAs, loginWith } from '../../../test/auth';
import { createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { LOGIN_RATE_PER_MINUTE } from './routes';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed-demo-accounts';

const t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });

const login = (email: string, password: string, remoteAddress = '203.0.113.1', lang?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress,
    headers: lang ? { 'accept-language': lang } : {},
  });

describe('POST /auth/login', () => {
  it('rejects a malformed body with 400 and changes nothing', async () => {
    const res = await login('not-an-email', 'x', '203.0.113.10');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.cookies).toEqual([]);
  });

  it('answers a wrong password and an unknown address with the same 401', async () => {
    const wrong = await login(DEMO_ACCOUNTS.citizen, 'wrong-password-1', '203.0.113.11');
    const unknown = await login('nobody@pamong.test', 'wrong-password-1', '203.0.113.11');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'E-mail atau kata sandi salah.' });
    expect(wrong.cookies).toEqual([]);
  });

  it('signs a citizen in at once with an HttpOnly SameSite=Lax cookie', async () => {
    const res = await login('WARGA@Pamong.test', DEMO_PASSWORD, '203.0.113.12');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.user).toMatchObject({
      kind: 'citizen',
      email: 'warga@pamong.test',
      name: 'Warga Demo',
      emailVerified: true,
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const cookie = res.cookies.find((c) => c.name === 'pamong_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('sets a Secure cookie when the public address is https', async () => {
    const https = await createTestApp({ config: { publicUrl: 'https://pamong.bantenprov.go.id' } });
    const res = await https.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: DEMO_ACCOUNTS.citizen, password: DEMO_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'pamong_sid')?.secure).toBe(true);
  });

  it('gives staff a half-open session that acts as nobody until TOTP passes', async () => {
    const res = await login(DEMO_ACCOUNTS.operator_unit, DEMO_PASSWORD, '203.0.113.13');
    expect(res.json()).toEqual({ status: 'totp_enrol', csrfToken: expect.any(String) });
    const cookie = `pamong_sid=${res.cookies.find((c) => c.name === 'pamong_sid')!.value}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('MFA_REQUIRED');
    expect(me.json().error.details).toEqual({ status: 'totp_enrol', csrfToken: res.json().csrfToken });
    const staffOnly = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/active-unit',
      headers: { cookie, 'x-csrf-token': res.json().csrfToken },
      payload: { unitId: null },
    });
    expect(staffOnly.statusCode).toBe(401);
  });

  it('locks an address after 5 failures for 15 minutes, the same for an unknown address', async () => {
    const email = DEMO_ACCOUNTS.ppid;
    const ip = '203.0.113.20';
    for (let i = 1; i <= 4; i++) expect((await login(email, `wrong-password-${i}`, ip)).statusCode).toBe(401);
    const fifth = await login(email, 'wrong-password-5', ip);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('LOGIN_LOCKED');
    expect(fifth.json().error.details).toEqual({ lockedUntil: '2026-03-02T02:15:00.000Z' });
    expect(fifth.json().error.message).toBe(
      'Terlalu banyak percobaan masuk yang gagal. Akun dengan alamat ini dikunci sementara; coba lagi dalam 15 menit (setelah 2026-03-02T02:15:00.000Z).',
    );
    // The right password does not open a locked address either.
    const right = await login(email, DEMO_PASSWORD, ip, 'en');
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toBe(
      'Too many failed sign-in attempts. Sign-in for this address is locked for now; try again in 15 minutes (after 2026-03-02T02:15:00.000Z).',
    );

    const unknown = 'tidak-ada@banten.pamong.test';
    for (let i = 1; i <= 4; i++)
      expect((await login(unknown, `wrong-password-${i}`, '203.0.113.21')).statusCode).toBe(401);
    const unknownFifth = await login(unknown, 'wrong-password-5', '203.0.113.21');
    expect(unknownFifth.statusCode).toBe(429);
    expect(unknownFifth.json()).toEqual(fifth.json());

    t.clock.advance(14 * 60_000);
    expect((await login(email, DEMO_PASSWORD, ip)).statusCode).toBe(429);
    t.clock.advance(60_000);
    const after = await login(email, DEMO_PASSWORD, ip);
    expect(after.statusCode).toBe(200);
    expect(after.json().status).toBe('totp_enrol');
  });

  it(`refuses more than ${LOGIN_RATE_PER_MINUTE} attempts a minute from one address with 429`, async () => {
    const ip = '203.0.113.30';
    for (let i = 0; i < LOGIN_RATE_PER_MINUTE; i++) {
      expect((await login(`spray${i}@pamong.test`, 'wrong-password', ip)).statusCode).toBe(401);
    }
    const over = await login(DEMO_ACCOUNTS.citizen, DEMO_PASSWORD, ip);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('RATE_LIMITED');
    expect(over.headers['retry-after']).toBe(String(over.json().error.details.retryAfterSeconds));
    // Another address is not affected, and the first one may try again a minute later.
    expect((await login(DEMO_ACCOUNTS.citizen, DEMO_PASSWORD, '203.0.113.31')).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await login(DEMO_ACCOUNTS.citizen, DEMO_PASSWORD, ip)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('refuses a state-changing request without the CSRF header', async () => {
    const agent = await loginAs(t, 'kepala_unit', { fresh: true });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/active-unit',
      headers: { cookie: agent.cookie },
      payload: { unitId: null },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const ok = await agent.inject({ method: 'POST', url: '/api/v1/auth/active-unit', payload: { unitId: null } });
    expect(ok.statusCode).toBe(200);
  });

  it('GET /auth/me: 401 without a session; the account, its grants with unit names and the CSRF token with one', async () => {
    expect((await anonymous(t).inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const agent = await loginAs(t, 'operator_unit');
    const me = await agent.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user).toMatchObject({ email: 'operator@banten.pamong.test', kind: 'staff', totpEnabled: true });
    expect(body.agency.slug).toBe('banten');
    expect(body.grants).toEqual([
      {
        id: expect.any(String),
        role: 'operator_unit',
        agencyId: body.agency.id,
        unitId: expect.any(String),
        unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      },
    ]);
    expect(body.activeUnitId).toBeNull();
    expect(body.csrfToken).toBe(agent.csrfToken);
  });

  it('POST /auth/logout ends the session', async () => {
    const agent = await loginWith(t, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);
    expect((await agent.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const out = await agent.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'pamong_sid')?.value).toBe('');
    expect((await agent.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('a session ends after its lifetime', async () => {
    const agent = await loginWith(t, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);
    t.clock.advance(12 * 3600_000);
    expect((await agent.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('POST /auth/active-unit', () => {
  it('403 for a unit outside the grants, 400 for an unknown unit, 200 for a unit at or below the grant', async () => {
    const operator = await loginAs(t, 'operator_unit', { fresh: true });
    const me = (await operator.inject({ method: 'GET', url: '/api/v1/auth/me' })).json();
    const ownUnit = me.grants[0].unitId as string;
    const units = await t.ctx.db.execute<{ id: string; name: string; path: string; agency_id: string }>(
      sql`select id, name, path, agency_id from core_units where agency_id = ${me.agency.id}`,
    );
    const other = units.rows.find((u) => !u.path.includes(ownUnit) && u.id !== ownUnit);
    const below = units.rows.find((u) => u.path.includes(`/${ownUnit}/`) && u.id !== ownUnit);
    expect(other).toBeDefined();

    const denied = await operator.inject({
      method: 'POST',
      url: '/api/v1/auth/active-unit',
      payload: { unitId: other!.id },
    });
    expect(denied.statusCode).toBe(403);
    const unknown = await operator.inject({
      method: 'POST',
      url: '/api/v1/auth/active-unit',
      payload: { unitId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_UNIT');

    const ok = await operator.inject({ method: 'POST', url: '/api/v1/auth/active-unit', payload: { unitId: ownUnit } });
    expect(ok.json()).toEqual({ activeUnitId: ownUnit });
    if (below) {
      const sub = await operator.inject({
        method: 'POST',
        url: '/api/v1/auth/active-unit',
        payload: { unitId: below.id },
      });
      expect(sub.json()).toEqual({ activeUnitId: below.id });
    }
    const after = (await operator.inject({ method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(after.activeUnitId).toBe(below?.id ?? ownUnit);

    // An agency-wide role reaches every unit of the agency.
    const admin = await loginAs(t, 'admin_instansi');
    const anyUnit = await admin.inject({
      method: 'POST',
      url: '/api/v1/auth/active-unit',
      payload: { unitId: other!.id },
    });
    expect(anyUnit.json()).toEqual({ activeUnitId: other!.id });
  });
});

describe('audit', () => {
  it('records the TOTP activation of a staff member in the ledger', async () => {
    const agent = await loginAs(t, 'bkpsdm');
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, agent.userId))
      .orderBy(desc(auditEntries.seq))
      .limit(1);
    expect(entry).toMatchObject({
      action: 'auth.totp_enabled',
      actorId: agent.userId,
      actorKind: 'staff',
      entityType: 'user',
    });
  });
});
