import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { agencies, units } from './schema';
import { type StaffLogin, signInStaff } from './test-staff';
import { isUnitWithin, unitSubtreeIds } from './unit-tree';

let t: TestApp;
let kotaSerang: string;
let admin: StaffLogin;

const unitId = async (agencyId: string, name: string) => {
  const [row] = await t.ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.name, name)));
  return row!.id;
};
const post = (body: unknown, headers?: Record<string, string>, slug = 'kota-serang') =>
  t.app.inject({ method: 'POST', url: `/api/v1/agencies/${slug}/units`, payload: body as object, headers });
const patch = (id: string, body: unknown, headers?: Record<string, string>) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/units/${id}`, payload: body as object, headers });
const lastAudit = async () => (await t.ctx.db.select().from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  const [a] = await t.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'kota-serang'));
  kotaSerang = a!.id;
  admin = await signInStaff(t.ctx, { agencyId: kotaSerang, roles: ['admin_instansi'] });
});

describe('GET /api/v1/agencies/:slug/units', () => {
  it('gives the tree depth first: each unit after its parent, siblings by name', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/agencies/kota-serang/units' });
    expect(res.statusCode).toBe(200);
    const list: { id: string; parentId: string | null; name: string; depth: number; kind: string }[] = res.json().units;
    const names = list.map((u) => u.name);
    const pu = names.indexOf('Dinas Pekerjaan Umum dan Penataan Ruang');
    expect(names.slice(pu, pu + 6)).toEqual([
      'Dinas Pekerjaan Umum dan Penataan Ruang',
      'Bidang Bina Marga',
      'Seksi Pembangunan Jalan dan Jembatan',
      'Seksi Pemeliharaan Jalan dan Jembatan',
      'Bidang Penataan Ruang',
      'Bidang Sumber Daya Air',
    ]);
    const seen = new Set<string>();
    for (const u of list) {
      if (u.parentId !== null) expect(seen.has(u.parentId)).toBe(true);
      seen.add(u.id);
    }
    const kec = list.find((u) => u.name === 'Kecamatan Cipocok Jaya')!;
    const kel = list.filter((u) => u.parentId === kec.id).map((u) => u.name);
    expect(kel).toHaveLength(8);
    expect(kel).toContain('Kelurahan Karundang');
  });

  it('answers 404 for an unknown agency', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/agencies/kota-atlantis/units' });
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /api/v1/agencies/:slug/units', () => {
  it('asks a visitor to sign in (401)', async () => {
    expect((await post({ name: 'Bidang Baru', kind: 'bidang' })).statusCode).toBe(401);
  });

  it('refuses an operator, and an agency admin of another agency (403)', async () => {
    const operator = await signInStaff(t.ctx, { agencyId: kotaSerang, roles: ['operator_unit'] });
    expect((await post({ name: 'Bidang Baru', kind: 'bidang' }, operator.headers)).statusCode).toBe(403);
    const [lebak] = await t.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'kab-lebak'));
    const other = await signInStaff(t.ctx, { agencyId: lebak!.id, roles: ['admin_instansi'] });
    const res = await post({ name: 'Bidang Baru', kind: 'bidang' }, other.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Anda hanya dapat mengelola instansi Anda sendiri.');
  });

  it('rejects bad input (400) and changes nothing', async () => {
    const before = (await t.ctx.db.select({ id: units.id }).from(units).where(eq(units.agencyId, kotaSerang))).length;
    expect((await post({ name: '', kind: 'bidang' }, admin.headers)).statusCode).toBe(400);
    expect((await post({ name: 'X', kind: 'kementerian' }, admin.headers)).statusCode).toBe(400);
    expect((await post({ name: '   ', kind: 'bidang' }, admin.headers)).json().error.code).toBe('NAME_REQUIRED');
    // A kecamatan needs its region, inside the agency's region, at kecamatan level.
    expect((await post({ name: 'Kecamatan Baru', kind: 'kecamatan' }, admin.headers)).json().error.code).toBe(
      'REGION_REQUIRED',
    );
    expect(
      (await post({ name: 'Kecamatan Lain', kind: 'kecamatan', regionCode: '36.01.01' }, admin.headers)).json().error
        .code,
    ).toBe('REGION_MISMATCH');
    expect(
      (await post({ name: 'Kecamatan Lain', kind: 'kecamatan', regionCode: '36.73.05.1001' }, admin.headers))
        .statusCode,
    ).toBe(400);
    const lebakUnit = (
      await t.ctx.db
        .select({ id: units.id })
        .from(units)
        .innerJoin(agencies, eq(agencies.id, units.agencyId))
        .where(eq(agencies.slug, 'kab-lebak'))
        .limit(1)
    )[0]!.id;
    expect(
      (await post({ name: 'Seksi Lain', kind: 'seksi', parentId: lebakUnit }, admin.headers)).json().error.code,
    ).toBe('PARENT_INVALID');
    const after = (await t.ctx.db.select({ id: units.id }).from(units).where(eq(units.agencyId, kotaSerang))).length;
    expect(after).toBe(before);
  });

  it('creates a seksi under a bidang, records it in the audit ledger, and refuses a duplicate name (409)', async () => {
    const bidang = await unitId(kotaSerang, 'Bidang Sumber Daya Air');
    const res = await post({ name: 'Seksi Irigasi', kind: 'seksi', parentId: bidang }, admin.headers);
    expect(res.statusCode).toBe(201);
    const seksi = res.json();
    expect(seksi).toMatchObject({
      name: 'Seksi Irigasi',
      kind: 'seksi',
      parentId: bidang,
      depth: 2,
      active: true,
      agencyId: kotaSerang,
    });
    const pu = await unitId(kotaSerang, 'Dinas Pekerjaan Umum dan Penataan Ruang');
    expect(seksi.path).toBe(`/${pu}/${bidang}/${seksi.id}/`);
    expect(await lastAudit()).toMatchObject({
      action: 'org.unit_created',
      entityType: 'unit',
      entityId: seksi.id,
      agencyId: kotaSerang,
      actorId: admin.userId,
      actorRole: 'admin_instansi',
    });
    const dup = await post({ name: 'seksi irigasi', kind: 'seksi', parentId: bidang }, admin.headers);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('UNIT_NAME_TAKEN');
  });
});

describe('PATCH /api/v1/units/:id', () => {
  it('moves a bidang with its seksi under another OPD, and the subtree helpers follow', async () => {
    const bidang = await unitId(kotaSerang, 'Bidang Bina Marga');
    const seksi = await unitId(kotaSerang, 'Seksi Pembangunan Jalan dan Jembatan');
    const pu = await unitId(kotaSerang, 'Dinas Pekerjaan Umum dan Penataan Ruang');
    const dishub = await unitId(kotaSerang, 'Dinas Perhubungan');
    expect(await isUnitWithin(t.ctx.db, seksi, pu)).toBe(true);

    const res = await patch(bidang, { parentId: dishub }, admin.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: dishub, depth: 1, path: `/${dishub}/${bidang}/` });
    const [moved] = await t.ctx.db.select().from(units).where(eq(units.id, seksi));
    expect(moved).toMatchObject({ path: `/${dishub}/${bidang}/${seksi}/`, depth: 2 });
    expect(await isUnitWithin(t.ctx.db, seksi, pu)).toBe(false);
    expect(await isUnitWithin(t.ctx.db, seksi, dishub)).toBe(true);
    expect(await isUnitWithin(t.ctx.db, dishub, seksi)).toBe(false);
    expect((await unitSubtreeIds(t.ctx.db, bidang)).sort()).toEqual(
      [bidang, seksi, await unitId(kotaSerang, 'Seksi Pemeliharaan Jalan dan Jembatan')].sort(),
    );
    expect(await lastAudit()).toMatchObject({
      action: 'org.unit_updated',
      entityId: bidang,
      meta: { changed: ['parentId'], fromParentId: pu, toParentId: dishub, movedUnits: 3 },
    });
  });

  it('refuses to move a unit under itself or its own sub-unit (409)', async () => {
    const opd = await unitId(kotaSerang, 'Dinas Kesehatan');
    const bidang = await unitId(kotaSerang, 'Bidang Pelayanan Kesehatan');
    const seksi = await unitId(kotaSerang, 'Seksi Pelayanan Kesehatan Primer');
    for (const target of [opd, seksi]) {
      const res = await patch(opd, { parentId: target }, admin.headers);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('UNIT_CYCLE');
    }
    const [still] = await t.ctx.db.select().from(units).where(eq(units.id, bidang));
    expect(still!.parentId).toBe(opd);
  });

  it('renames, moves to the root, deactivates a leaf, and refuses to deactivate a unit with active sub-units', async () => {
    const sekda = await unitId(kotaSerang, 'Sekretariat Daerah');
    const hukum = await unitId(kotaSerang, 'Bagian Hukum');
    const renamed = await patch(hukum, { name: 'Bagian Hukum dan HAM' }, admin.headers);
    expect(renamed.json()).toMatchObject({ name: 'Bagian Hukum dan HAM', parentId: sekda });
    const busy = await patch(sekda, { active: false }, admin.headers);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('UNIT_HAS_ACTIVE_CHILDREN');
    const root = await patch(hukum, { parentId: null }, admin.headers);
    expect(root.json()).toMatchObject({ parentId: null, depth: 0, path: `/${hukum}/` });
    const off = await patch(hukum, { active: false }, admin.headers);
    expect(off.json().active).toBe(false);
    const tree = (await t.app.inject({ method: 'GET', url: '/api/v1/agencies/kota-serang/units' })).json().units;
    expect(tree.some((u: { id: string }) => u.id === hukum)).toBe(false);
    const all = (
      await t.app.inject({ method: 'GET', url: '/api/v1/agencies/kota-serang/units?includeInactive=true' })
    ).json().units;
    expect(all.find((u: { id: string }) => u.id === hukum)).toMatchObject({ active: false });
  });

  it('answers 404 for an unknown unit and 403 for another agency admin', async () => {
    expect((await patch('00000000-0000-4000-8000-000000000000', { name: 'X' }, admin.headers)).statusCode).toBe(404);
    const [lebak] = await t.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'kab-lebak'));
    const lebakAdmin = await signInStaff(t.ctx, { agencyId: lebak!.id, roles: ['admin_instansi'] });
    const dinkes = await unitId(kotaSerang, 'Dinas Kesehatan');
    expect((await patch(dinkes, { name: 'Dinas Lain' }, lebakAdmin.headers)).statusCode).toBe(403);
    const platform = await signInStaff(t.ctx, { agencyId: lebak!.id, roles: ['platform_admin'] });
    expect((await patch(dinkes, { name: 'Dinas Kesehatan Kota Serang' }, platform.headers)).json().name).toBe(
      'Dinas Kesehatan Kota Serang',
    );
  });
});
