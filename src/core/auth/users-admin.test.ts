import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Agent, anonymous, loginAs, loginWith, mailsTo } from '../../../test/auth';
import { createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { units } from '../org/schema';
import { DEMO_ACCOUNTS, DEMO_OTHER_AGENCY_ACCOUNTS, DEMO_PASSWORD } from './seed-demo-accounts';

const t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });

const me = async (a: Agent) => (await a.inject({ method: 'GET', url: '/api/v1/auth/me' })).json();
const admin = await loginAs(t, 'admin_instansi');
const bantenId = (await me(admin)).agency.id as string;
const serangAdmin = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi, DEMO_PASSWORD);
const serangId = (await me(serangAdmin)).agency.id as string;
const bantenUnits = await t.ctx.db
  .select()
  .from(units)
  .where(eq(units.agencyId, bantenId))
  .orderBy(asc(units.depth), asc(units.name));
const serangUnits = await t.ctx.db.select().from(units).where(eq(units.agencyId, serangId));
const operatorUnitId = (await me(await loginAs(t, 'operator_unit'))).grants[0].unitId as string;

async function createUser(by: Agent, body: object) {
  return by.inject({ method: 'POST', url: '/api/v1/admin/users', payload: body });
}

describe('users admin: who may call it', () => {
  it('401 without a session', async () => {
    const a = anonymous(t);
    expect((await a.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
    expect((await createUser(a, { email: 'x@banten.pamong.test', name: 'X' })).statusCode).toBe(401);
  });

  it('403 for roles other than admin_instansi and platform_admin, and for citizens', async () => {
    for (const role of [
      'operator_unit',
      'kepala_unit',
      'inspektorat',
      'ppid',
      'bkpsdm',
      'pimpinan',
      'citizen',
    ] as const) {
      const res = await (await loginAs(t, role)).inject({ method: 'GET', url: '/api/v1/admin/users' });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('403 when an agency admin reaches into another agency', async () => {
    const list = await serangAdmin.inject({ method: 'GET', url: `/api/v1/admin/users?agencyId=${bantenId}` });
    expect(list.statusCode).toBe(403);
    expect(list.json().error.message).toBe('Anda hanya dapat mengelola pengguna instansi Anda sendiri.');
    const operatorId = (await loginAs(t, 'operator_unit')).userId;
    const grant = await serangAdmin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${operatorId}/grants`,
      payload: { role: 'ppid', unitId: null },
    });
    expect(grant.statusCode).toBe(403);
    const deactivate = await serangAdmin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${operatorId}/deactivate`,
    });
    expect(deactivate.statusCode).toBe(403);
    const create = await createUser(serangAdmin, {
      email: 'baru@banten.pamong.test',
      name: 'Baru',
      agencyId: bantenId,
    });
    expect(create.statusCode).toBe(403);
  });

  it('403 when an agency admin grants platform_admin, or changes its own account', async () => {
    const operatorId = (await loginAs(t, 'operator_unit')).userId;
    const res = await admin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${operatorId}/grants`,
      payload: { role: 'platform_admin', unitId: null },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe(
      'Hanya admin platform yang dapat memberi atau mencabut peran admin platform.',
    );
    const self = await admin.inject({ method: 'POST', url: `/api/v1/admin/users/${admin.userId}/deactivate` });
    expect(self.statusCode).toBe(403);
    const platform = await loginAs(t, 'platform_admin');
    const other = await admin.inject({ method: 'POST', url: `/api/v1/admin/users/${platform.userId}/deactivate` });
    expect(other.statusCode).toBe(403);
  });
});

describe('users admin: bad input', () => {
  it('400 for an unknown role, a malformed id, or a unit of another agency', async () => {
    const operatorId = (await loginAs(t, 'operator_unit')).userId;
    const badRole = await admin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${operatorId}/grants`,
      payload: { role: 'raja', unitId: null },
    });
    expect(badRole.statusCode).toBe(400);
    const badId = await admin.inject({
      method: 'POST',
      url: '/api/v1/admin/users/123/grants',
      payload: { role: 'ppid', unitId: null },
    });
    expect(badId.statusCode).toBe(400);
    const foreign = await admin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${operatorId}/grants`,
      payload: { role: 'ppid', unitId: serangUnits[0]!.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('UNIT_NOT_IN_AGENCY');
    const badPage = await admin.inject({ method: 'GET', url: '/api/v1/admin/users?pageSize=1000' });
    expect(badPage.statusCode).toBe(400);
    const dupEmail = await createUser(admin, { email: DEMO_ACCOUNTS.ppid, name: 'Kembar' });
    expect(dupEmail.statusCode).toBe(409);
    expect(dupEmail.json().error.code).toBe('EMAIL_TAKEN');
  });
});

describe('users admin: happy paths', () => {
  it('lists the staff of the own agency a page at a time', async () => {
    const page1 = (await admin.inject({ method: 'GET', url: '/api/v1/admin/users?page=1&pageSize=3' })).json();
    expect(page1.page).toBe(1);
    expect(page1.pageSize).toBe(3);
    expect(page1.items).toHaveLength(3);
    expect(page1.total).toBeGreaterThanOrEqual(8);
    const all = (await admin.inject({ method: 'GET', url: '/api/v1/admin/users?pageSize=100' })).json();
    expect(all.items).toHaveLength(all.total);
    const emails = all.items.map((u: { email: string }) => u.email);
    expect(emails).toContain('operator@banten.pamong.test');
    expect(emails).not.toContain(DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi);
    expect(emails).not.toContain(DEMO_ACCOUNTS.citizen);
    const operator = all.items.find((u: { email: string }) => u.email === 'operator@banten.pamong.test');
    expect(operator.grants).toEqual([
      expect.objectContaining({ role: 'operator_unit', unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang' }),
    ]);
    expect(JSON.stringify(all)).not.toMatch(/password|totpSecret|recovery/i);
    const search = (await admin.inject({ method: 'GET', url: '/api/v1/admin/users?q=kepala' })).json();
    expect(search.items.map((u: { email: string }) => u.email)).toEqual(['kepala@banten.pamong.test']);
  });

  it('creates a staff user who sets a password from the invitation and enrols TOTP at first sign-in', async () => {
    const res = await createUser(admin, {
      email: 'Rina@Banten.Pamong.test',
      name: 'Rina Marlina',
      grants: [{ role: 'operator_unit', unitId: operatorUnitId }],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: 'rina@banten.pamong.test',
      name: 'Rina Marlina',
      kind: 'staff',
      agencyId: bantenId,
      active: true,
      totpEnabled: false,
      grants: [{ role: 'operator_unit', unitId: operatorUnitId, unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang' }],
    });
    const [mail] = await mailsTo(t, 'rina@banten.pamong.test');
    expect(mail!.subject).toBe('Akun Pamong Anda / Your Pamong account');
    const token = mail!.text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/)![1]!;
    // No password yet: sign-in fails until the invitation is used.
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'rina@banten.pamong.test', password: 'Kata-Sandi-Rina-1' },
      remoteAddress: '203.0.113.90',
    });
    expect(early.statusCode).toBe(401);
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'Kata-Sandi-Rina-1' },
    });
    expect(set.statusCode).toBe(200);
    const rina = await loginWith(t, 'rina@banten.pamong.test', 'Kata-Sandi-Rina-1');
    expect((await me(rina)).grants.map((g: { role: string }) => g.role)).toEqual(['operator_unit']);

    const audit = await t.ctx.db
      .select({
        action: auditEntries.action,
        actorId: auditEntries.actorId,
        actorRole: auditEntries.actorRole,
        meta: auditEntries.meta,
      })
      .from(auditEntries)
      .where(eq(auditEntries.entityId, user.id))
      .orderBy(asc(auditEntries.seq));
    expect(audit.slice(0, 2)).toEqual([
      { action: 'user.created', actorId: admin.userId, actorRole: 'admin_instansi', meta: null },
      {
        action: 'user.role_granted',
        actorId: admin.userId,
        actorRole: 'admin_instansi',
        meta: { role: 'operator_unit', grantId: user.grants[0].id },
      },
    ]);
  });

  it('grants a role in a unit and revokes it, both in the ledger', async () => {
    const kepala = await loginAs(t, 'kepala_unit');
    const unit = bantenUnits.find((u) => u.id !== operatorUnitId)!;
    const granted = await admin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${kepala.userId}/grants`,
      payload: { role: 'ppid', unitId: unit.id },
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toEqual({
      id: expect.any(String),
      role: 'ppid',
      agencyId: bantenId,
      unitId: unit.id,
      unitName: unit.name,
    });
    const again = await admin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${kepala.userId}/grants`,
      payload: { role: 'ppid', unitId: unit.id },
    });
    expect(again.statusCode).toBe(409);

    // The new role holds on the next request.
    expect((await me(kepala)).grants.map((g: { role: string }) => g.role).sort()).toEqual(['kepala_unit', 'ppid']);

    const grantId = granted.json().id as string;
    const revoked = await admin.inject({
      method: 'DELETE',
      url: `/api/v1/admin/users/${kepala.userId}/grants/${grantId}`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await me(kepala)).grants.map((g: { role: string }) => g.role)).toEqual(['kepala_unit']);
    const gone = await admin.inject({
      method: 'DELETE',
      url: `/api/v1/admin/users/${kepala.userId}/grants/${grantId}`,
    });
    expect(gone.statusCode).toBe(404);

    const audit = await t.ctx.db
      .select({ action: auditEntries.action, unitId: auditEntries.unitId, agencyId: auditEntries.agencyId })
      .from(auditEntries)
      .where(
        and(
          eq(auditEntries.entityId, kepala.userId),
          sql`${auditEntries.action} like 'user.role_%'`,
          eq(auditEntries.actorId, admin.userId),
        ),
      )
      .orderBy(asc(auditEntries.seq));
    expect(audit).toEqual([
      { action: 'user.role_granted', unitId: unit.id, agencyId: bantenId },
      { action: 'user.role_revoked', unitId: unit.id, agencyId: bantenId },
    ]);
  });

  it('an admin_instansi held in a unit grants only in that unit and below', async () => {
    const created = await createUser(admin, {
      email: 'admin-unit@banten.pamong.test',
      name: 'Admin Unit',
      grants: [{ role: 'admin_instansi', unitId: operatorUnitId }],
    });
    const token = (await mailsTo(t, 'admin-unit@banten.pamong.test'))[0]!.text.match(/token=([A-Za-z0-9_-]+)/)![1]!;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'Kata-Sandi-Unit-1' },
    });
    const unitAdmin = await loginWith(t, 'admin-unit@banten.pamong.test', 'Kata-Sandi-Unit-1');
    const target = (await loginAs(t, 'bkpsdm')).userId;
    const outside = bantenUnits.find((u) => u.id !== operatorUnitId && !u.path.includes(operatorUnitId))!;
    const denied = await unitAdmin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${target}/grants`,
      payload: { role: 'ppid', unitId: outside.id },
    });
    expect(denied.statusCode).toBe(403);
    const wide = await unitAdmin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${target}/grants`,
      payload: { role: 'ppid', unitId: null },
    });
    expect(wide.statusCode).toBe(403);
    const inside = await unitAdmin.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${target}/grants`,
      payload: { role: 'operator_unit', unitId: operatorUnitId },
    });
    expect(inside.statusCode).toBe(201);
    expect(created.statusCode).toBe(201);
  });

  it('deactivation ends every session and blocks sign-in; reactivation allows it again', async () => {
    const pimpinan = await loginAs(t, 'pimpinan', { fresh: true });
    const res = await admin.inject({ method: 'POST', url: `/api/v1/admin/users/${pimpinan.userId}/deactivate` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: DEMO_ACCOUNTS.pimpinan, active: false });
    expect((await pimpinan.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: DEMO_ACCOUNTS.pimpinan, password: DEMO_PASSWORD },
      remoteAddress: '203.0.113.91',
    });
    expect(login.statusCode).toBe(401);
    const back = await admin.inject({ method: 'POST', url: `/api/v1/admin/users/${pimpinan.userId}/reactivate` });
    expect(back.json().active).toBe(true);
    await loginAs(t, 'pimpinan', { fresh: true });
    const actions = await t.ctx.db
      .select({ action: auditEntries.action, before: auditEntries.beforeDigest, after: auditEntries.afterDigest })
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, pimpinan.userId), sql`${auditEntries.action} like 'user.%activated'`))
      .orderBy(asc(auditEntries.seq));
    expect(actions.map((a) => a.action)).toEqual(['user.deactivated', 'user.reactivated']);
    expect(actions[0]!.after).toBe(actions[1]!.before);
  });

  it('an admin resets a lost authenticator; the next sign-in enrols again', async () => {
    const inspektorat = await loginAs(t, 'inspektorat');
    const res = await admin.inject({ method: 'POST', url: `/api/v1/admin/users/${inspektorat.userId}/totp-reset` });
    expect(res.statusCode).toBe(204);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: DEMO_ACCOUNTS.inspektorat, password: DEMO_PASSWORD },
      remoteAddress: '203.0.113.92',
    });
    expect(login.json().status).toBe('totp_enrol');
  });

  it('the platform admin manages any agency and may grant platform_admin', async () => {
    const platform = await loginAs(t, 'platform_admin');
    const list = await platform.inject({ method: 'GET', url: `/api/v1/admin/users?agencyId=${serangId}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { email: string }) => u.email)).toContain(
      DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi,
    );
    const grant = await platform.inject({
      method: 'POST',
      url: `/api/v1/admin/users/${serangAdmin.userId}/grants`,
      payload: { role: 'platform_admin', unitId: null },
    });
    expect(grant.statusCode).toBe(201);
    const [entry] = await t.ctx.db
      .select({ actorRole: auditEntries.actorRole, agencyId: auditEntries.agencyId })
      .from(auditEntries)
      .where(
        and(
          eq(auditEntries.entityId, serangAdmin.userId),
          eq(auditEntries.action, 'user.role_granted'),
          eq(auditEntries.actorId, platform.userId),
        ),
      );
    expect(entry).toEqual({ actorRole: 'platform_admin', agencyId: serangId });
  });
});
