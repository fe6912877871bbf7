import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { agencies } from './schema';
import { type StaffLogin, signInStaff } from './test-staff';

let t: TestApp;
let platform: StaffLogin;
let bantenAdmin: StaffLogin;

beforeAll(async () => {
  t = await createTestApp();
  const [banten] = await t.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'banten'));
  platform = await signInStaff(t.ctx, { agencyId: banten!.id, roles: ['platform_admin'] });
  bantenAdmin = await signInStaff(t.ctx, { agencyId: banten!.id, roles: ['admin_instansi'] });
});

describe('GET /api/v1/agencies', () => {
  it('lists the demo province and its eight kabupaten/kota, in region order', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/agencies' });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.map((a: { slug: string }) => a.slug)).toEqual([
      'banten',
      'kab-pandeglang',
      'kab-lebak',
      'kab-tangerang',
      'kab-serang',
      'kota-tangerang',
      'kota-cilegon',
      'kota-serang',
      'kota-tangerang-selatan',
    ]);
    expect(list[7]).toMatchObject({
      slug: 'kota-serang',
      name: 'Pemerintah Kota Serang',
      kind: 'kota',
      regionCode: '36.73',
      regionName: 'Kota Serang',
      parentSlug: 'banten',
      timeZone: 'Asia/Jakarta',
      active: true,
    });
    const kota = (await t.app.inject({ method: 'GET', url: '/api/v1/agencies?kind=kota' })).json();
    expect(kota).toHaveLength(4);
  });

  it('gives one agency with its number of active units, or 404', async () => {
    const res = (await t.app.inject({ method: 'GET', url: '/api/v1/agencies/kota-cilegon' })).json();
    // 16 OPD with 29 bidang/seksi/bagian below them, and 8 kecamatan.
    expect(res).toMatchObject({ slug: 'kota-cilegon', regionName: 'Kota Cilegon', unitCount: 16 + 29 + 8 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/agencies/kota-atlantis' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/agencies/Bad_Slug' })).statusCode).toBe(400);
  });
});

describe('POST /api/v1/agencies', () => {
  const jayapura = { slug: 'kota-jayapura', name: 'Pemerintah Kota Jayapura', kind: 'kota', regionCode: '91.71' };

  it('is for platform admins only (401, 403)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/agencies', payload: jayapura })).statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: jayapura,
      headers: bantenAdmin.headers,
    });
    expect(res.statusCode).toBe(403);
  });

  it('rejects a region that does not fit the kind of agency (400)', async () => {
    const cases = [
      { ...jayapura, regionCode: '91' },
      { ...jayapura, kind: 'kabupaten' },
      { ...jayapura, kind: 'provinsi' },
      { ...jayapura, regionCode: null },
      { ...jayapura, kind: 'kementerian_lembaga' },
      { ...jayapura, regionCode: '99.71' },
    ];
    for (const payload of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/agencies', payload, headers: platform.headers });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const none = await t.ctx.db.select().from(agencies).where(eq(agencies.slug, 'kota-jayapura'));
    expect(none).toEqual([]);
  });

  it('creates a kota in Papua on WIT by default, audited; a taken slug or region is a 409', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: jayapura,
      headers: platform.headers,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      slug: 'kota-jayapura',
      kind: 'kota',
      regionName: 'Kota Jayapura',
      timeZone: 'Asia/Jayapura',
      parentSlug: null,
    });
    const [entry] = await t.ctx.db.select().from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1);
    expect(entry).toMatchObject({ action: 'org.agency_created', entityId: res.json().id, actorRole: 'platform_admin' });

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: jayapura,
      headers: platform.headers,
    });
    expect(again.json().error.code).toBe('SLUG_TAKEN');
    const sameRegion = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { ...jayapura, slug: 'jayapura-2' },
      headers: platform.headers,
    });
    expect(sameRegion.statusCode).toBe(409);
    expect(sameRegion.json().error.code).toBe('REGION_TAKEN');

    // A province created later adopts its kota.
    const papua = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { slug: 'papua', name: 'Pemerintah Provinsi Papua', kind: 'provinsi', regionCode: '91' },
      headers: platform.headers,
    });
    expect(papua.json().timeZone).toBe('Asia/Jayapura');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/agencies/kota-jayapura' })).json().parentSlug).toBe(
      'papua',
    );
  });

  it('creates a ministry without a region, on WIB', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { slug: 'kemenpanrb', name: 'Kementerian PANRB', kind: 'kementerian_lembaga', regionCode: null },
      headers: platform.headers,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: null, timeZone: 'Asia/Jakarta', parentSlug: null });
  });
});

describe('PATCH /api/v1/agencies/:slug', () => {
  it('renames and deactivates an agency (platform admin), audited; an inactive agency leaves the public list', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/agencies/kab-lebak',
      payload: { name: 'Pemerintah Kabupaten Lebak (uji)', active: false },
      headers: platform.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Pemerintah Kabupaten Lebak (uji)', active: false });
    const [entry] = await t.ctx.db.select().from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1);
    expect(entry).toMatchObject({ action: 'org.agency_updated', meta: { changed: ['name', 'active'] } });
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/agencies' })).json();
    expect(list.some((a: { slug: string }) => a.slug === 'kab-lebak')).toBe(false);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/agencies/kab-lebak',
          payload: { active: true },
          headers: bantenAdmin.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/agencies/nowhere',
          payload: { active: true },
          headers: platform.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/agencies/kab-lebak',
          payload: { timeZone: 'Europe/Paris' },
          headers: platform.headers,
        })
      ).statusCode,
    ).toBe(400);
  });
});
