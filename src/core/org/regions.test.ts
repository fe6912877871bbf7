import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { findResponsibleAgency } from './find-responsible-agency';
import { agencies } from './schema';

// One app for the file: only the last test changes data.
let app: TestApp['app'];
let ctx: TestApp['ctx'];
beforeAll(async () => {
  ({ app, ctx } = await createTestApp());
});

describe('GET /api/v1/regions', () => {
  it('finds a kecamatan by part of its name, with its province and kota', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/regions?q=cipocok' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const kec = body.items.find((r: { code: string }) => r.code === '36.73.05');
    expect(kec).toEqual({
      code: '36.73.05',
      name: 'Cipocok Jaya',
      level: 3,
      parentCode: '36.73',
      ancestors: [
        { code: '36', name: 'Banten', level: 1, parentCode: null },
        { code: '36.73', name: 'Kota Serang', level: 2, parentCode: '36' },
      ],
    });
    // The kecamatan comes before the kelurahan of the same name (level order after name match).
    expect(body.items[0].code).toBe('36.73.05');
  });

  it('lists by code prefix and level, and by parent, a page at a time', async () => {
    const kec = (await app.inject({ method: 'GET', url: '/api/v1/regions?q=36.73&level=3' })).json();
    expect(kec.total).toBe(6);
    expect(kec.items.map((r: { name: string }) => r.name)).toEqual([
      'Cipocok Jaya',
      'Curug',
      'Kasemen',
      'Serang',
      'Taktakan',
      'Walantaka',
    ]);
    const kel = (await app.inject({ method: 'GET', url: '/api/v1/regions?parent=36.73.05&pageSize=5&page=2' })).json();
    expect(kel.total).toBe(8);
    expect(kel.items).toHaveLength(3);
    expect(kel.page).toBe(2);
    expect(
      kel.items.every((r: { parentCode: string; level: number }) => r.parentCode === '36.73.05' && r.level === 4),
    ).toBe(true);
  });

  it('treats LIKE wildcards in a name search as plain text', async () => {
    const res = (await app.inject({ method: 'GET', url: `/api/v1/regions?q=${encodeURIComponent('%_%')}` })).json();
    expect(res.total).toBe(0);
  });

  it('rejects bad filters with a 400 in the one error shape', async () => {
    for (const url of [
      '/api/v1/regions?level=5',
      '/api/v1/regions?parent=abc',
      '/api/v1/regions?pageSize=1000',
      `/api/v1/regions?q=${'a'.repeat(101)}`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
  });
});

describe('GET /api/v1/regions/:code', () => {
  it('gives a kelurahan with its ancestors and the local government responsible for it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/regions/36.73.05.1001' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ancestors.map((a: { name: string }) => a.name)).toEqual(['Banten', 'Kota Serang', 'Cipocok Jaya']);
    expect(body.children).toBe(0);
    expect(body.responsibleAgency).toEqual({ slug: 'kota-serang', name: 'Pemerintah Kota Serang' });
    const kota = (await app.inject({ method: 'GET', url: '/api/v1/regions/36.73' })).json();
    expect(kota).toMatchObject({ name: 'Kota Serang', level: 2, children: 6 });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/regions/99.99' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Wilayah tidak ditemukan.');
    expect((await app.inject({ method: 'GET', url: '/api/v1/regions/36-73' })).statusCode).toBe(400);
  });
});

describe('findResponsibleAgency', () => {
  it('picks the kabupaten/kota of a desa or kecamatan, else the province, else nobody', async () => {
    expect((await findResponsibleAgency(ctx.db, '36.73.05.1001'))?.slug).toBe('kota-serang');
    expect((await findResponsibleAgency(ctx.db, '36.01.01'))?.slug).toBe('kab-pandeglang');
    expect((await findResponsibleAgency(ctx.db, '36.74'))?.slug).toBe('kota-tangerang-selatan');
    expect((await findResponsibleAgency(ctx.db, '36'))?.slug).toBe('banten');
    // Jawa Barat has no agency in the demo.
    expect(await findResponsibleAgency(ctx.db, '32.73.01.1001')).toBeNull();
  });

  it('falls back to the province when the kota agency is inactive', async () => {
    await ctx.db.update(agencies).set({ active: false }).where(eq(agencies.slug, 'kota-serang'));
    expect((await findResponsibleAgency(ctx.db, '36.73.05.1001'))?.slug).toBe('banten');
  });
});
