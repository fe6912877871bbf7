import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../../test/db';
import { loadConfig } from '../../config';
import type { AppContext } from '../context';
import { loadRegions, regionDataDir } from './load-regions';
import { agencies, regions, units } from './schema';
import { type DemoOrg, seedDemoOrg } from './seed-demo-org';

// A fresh database with Banten's regions only, so the returned maps can be checked against a real seed.
let empty: TestDatabase;
let ctx: AppContext;
let org: DemoOrg;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-banten-'));

beforeAll(async () => {
  for (const f of ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv']) {
    const lines = fs.readFileSync(path.join(regionDataDir(), f), 'utf8').split('\n');
    fs.writeFileSync(path.join(dir, f), `${lines.filter((l, i) => i === 0 || l.startsWith('36')).join('\n')}\n`);
  }
  empty = await createEmptyDatabase();
  await loadRegions(empty.database.db, dir);
  ctx = {
    config: loadConfig({ PAMONG_DATA_DIR: dir }),
    database: empty.database,
    db: empty.database.db,
    clock: { now: () => new Date('2026-01-05T02:00:00Z') },
    log: pino({ level: 'silent' }),
  };
  org = await seedDemoOrg(ctx);
});
afterAll(async () => {
  await empty?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo government', () => {
  it('is the Banten province and its eight kabupaten/kota, named as in the Kepmendagri list', async () => {
    const rows = await ctx.db
      .select({
        slug: agencies.slug,
        name: agencies.name,
        kind: agencies.kind,
        region: regions.name,
        tz: agencies.timeZone,
      })
      .from(agencies)
      .innerJoin(regions, eq(regions.code, agencies.regionCode))
      .orderBy(agencies.regionCode);
    expect(rows.map((r) => [r.slug, r.kind, r.region])).toEqual([
      ['banten', 'provinsi', 'Banten'],
      ['kab-pandeglang', 'kabupaten', 'Kabupaten Pandeglang'],
      ['kab-lebak', 'kabupaten', 'Kabupaten Lebak'],
      ['kab-tangerang', 'kabupaten', 'Kabupaten Tangerang'],
      ['kab-serang', 'kabupaten', 'Kabupaten Serang'],
      ['kota-tangerang', 'kota', 'Kota Tangerang'],
      ['kota-cilegon', 'kota', 'Kota Cilegon'],
      ['kota-serang', 'kota', 'Kota Serang'],
      ['kota-tangerang-selatan', 'kota', 'Kota Tangerang Selatan'],
    ]);
    expect(rows[0]!.name).toBe('Pemerintah Provinsi Banten');
    for (const r of rows.slice(1)) expect(r.name).toBe(`Pemerintah ${r.region}`);
    expect(new Set(rows.map((r) => r.tz))).toEqual(new Set(['Asia/Jakarta']));
    expect([...org.agencies.keys()]).toHaveLength(9);
  });

  it('gives each kabupaten/kota its kecamatan as units, and Kota Serang its kelurahan under them', async () => {
    const count = async (slug: string, kind: 'kecamatan' | 'kelurahan') =>
      (
        await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(units)
          .where(and(eq(units.agencyId, org.agencies.get(slug)!), eq(units.kind, kind)))
      )[0]!.n;
    expect(await count('kab-pandeglang', 'kecamatan')).toBe(35);
    expect(await count('kota-serang', 'kecamatan')).toBe(6);
    expect(await count('kota-serang', 'kelurahan')).toBe(67);
    expect(await count('kota-tangerang', 'kelurahan')).toBe(0);
    expect(await count('banten', 'kecamatan')).toBe(0);
    const [kel] = await ctx.db
      .select()
      .from(units)
      .where(eq(units.id, org.units.get('kota-serang/Kelurahan Karundang')!));
    expect(kel).toMatchObject({ kind: 'kelurahan', regionCode: '36.73.05.1002', depth: 1 });
    expect(kel!.parentId).toBe(org.units.get('kota-serang/Kecamatan Cipocok Jaya'));
  });

  it('maps agency/unit names to ids, with the parent in the key where a name repeats', async () => {
    expect(org.units.get('kota-serang/Kelurahan Sukawana')).toBeUndefined();
    const a = org.units.get('kota-serang/Kecamatan Curug/Kelurahan Sukawana');
    const b = org.units.get('kota-serang/Kecamatan Serang/Kelurahan Sukawana');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
    const checks = [
      ['banten/Dinas Komunikasi dan Informatika', 'opd'],
      ['kota-serang/Dinas Kependudukan dan Pencatatan Sipil', 'opd'],
      ['kab-tangerang/Sekretariat Daerah/Bagian Organisasi', 'bagian'],
      ['kab-tangerang/Bagian Organisasi', 'bagian'],
      ['kota-cilegon/Seksi Pelayanan Kesehatan Primer', 'seksi'],
    ] as const;
    for (const [key, kind] of checks) {
      const [row] = await ctx.db
        .select()
        .from(units)
        .where(eq(units.id, org.units.get(key)!));
      expect(row, key).toMatchObject({
        name: key.split('/').at(-1),
        kind,
        agencyId: org.agencies.get(key.split('/')[0]!),
      });
    }
    // Population registration is a kabupaten/kota service.
    expect(org.units.get('banten/Dinas Kependudukan dan Pencatatan Sipil')).toBeUndefined();
  });
});
