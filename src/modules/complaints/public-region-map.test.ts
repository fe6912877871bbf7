// The public map by region: GET /public/complaints/regions counts exactly the reports the public feed shows
// (never rahasia), names each region, and places it at the mean of its public reports' points, rounded so no
// single report's exact point is published; the feed filters by a region code or its prefix.
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { T0, fileComplaint } from './test-factory';

interface Row {
  regionCode: string;
  regionName: string | null;
  open: number;
  total: number;
  point: { lat: number; lon: number } | null;
}
interface Feed {
  items: { code: string; regionCode: string }[];
  total: number;
}

let t: TestApp;
const codes: Record<string, string> = {};

const WALANTAKA = '36.73.03.1001';
const CIGOONG = '36.73.03.1002';
const NYAPAH = '36.73.03.1003';

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}
const regions = (level: number, agency = '') =>
  get<Row[]>(`/api/v1/public/complaints/regions?level=${level}${agency ? `&agency=${agency}` : ''}`);
const feed = (query: string) => get<Feed>(`/api/v1/public/complaints?pageSize=100&${query}`);
const row = (rows: Row[], code: string) => rows.find((r) => r.regionCode === code);

beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  const file = async (key: string, regionCode: string, over: Record<string, unknown>) => {
    codes[key] = (await fileComplaint(t, { regionCode, ...over })).code;
  };
  // Walantaka: two public reports with points, a rahasia one far away (must not move the point).
  await file('w1', WALANTAKA, { visibility: 'anonim', lat: -6.1, lon: 106.2 });
  await file('w2', WALANTAKA, { visibility: 'biasa', lat: -6.14, lon: 106.24 });
  await file('wSecret', WALANTAKA, { visibility: 'rahasia', lat: -6.9, lon: 106.9 });
  // Cigoong: a public report without a point, and a rahasia one with a point.
  await file('c1', CIGOONG, { visibility: 'anonim' });
  await file('cSecret', CIGOONG, { visibility: 'rahasia', lat: -6.2, lon: 106.3 });
  // Nyapah: one public report with a precise point, and only rahasia in a fourth desa.
  await file('n1', NYAPAH, { visibility: 'biasa', lat: -6.123456, lon: 106.154321 });
  await file('pSecret', '36.73.03.1004', { visibility: 'rahasia', lat: -6.15, lon: 106.16 });
});

describe('public report counts per region', () => {
  it('counts the public reports of each desa, names it and places it at the rounded mean of their points', async () => {
    const rows = await regions(4);
    expect(row(rows, WALANTAKA)).toEqual({
      regionCode: WALANTAKA,
      regionName: 'Walantaka',
      open: 2,
      total: 2,
      point: { lat: -6.12, lon: 106.22 },
    });
    // A region without any point is still counted, with no point.
    expect(row(rows, CIGOONG)).toEqual({
      regionCode: CIGOONG,
      regionName: 'Cigoong',
      open: 1,
      total: 1,
      point: null,
    });
    // One report alone: its point is published only to 0.01° (≈1 km), not exactly.
    expect(row(rows, NYAPAH)?.point).toEqual({ lat: -6.12, lon: 106.15 });
    // A desa with rahasia reports only does not appear at all.
    expect(row(rows, '36.73.03.1004')).toBeUndefined();
    const body = JSON.stringify(rows);
    for (const exact of ['-6.123456', '106.154321', '-6.9', '106.9', '106.3']) expect(body).not.toContain(exact);
  });

  it('rolls up to kecamatan and kabupaten/kota, never counting rahasia reports', async () => {
    const kecamatan = await regions(3);
    // w1, w2, n1 have points: mean lat (-6.1 - 6.14 - 6.123456) / 3, lon (106.2 + 106.24 + 106.154321) / 3.
    expect(row(kecamatan, '36.73.03')).toEqual({
      regionCode: '36.73.03',
      regionName: 'Walantaka',
      open: 4,
      total: 4,
      point: { lat: -6.12, lon: 106.2 },
    });
    const kota = row(await regions(2), '36.73');
    expect(kota?.regionName).toBe('Kota Serang');
    expect(kota?.total).toBe((await feed('regionCode=36.73')).total);
  });

  it('equals the public feed, region by region and in all, at every level', async () => {
    const everything = await feed('');
    for (const level of [2, 3, 4]) {
      const rows = await regions(level);
      expect(rows.reduce((n, r) => n + r.total, 0)).toBe(everything.total);
      for (const r of rows) {
        expect(r.regionCode.split('.')).toHaveLength(level);
        expect(r.total, r.regionCode).toBe((await feed(`regionCode=${r.regionCode}`)).total);
        expect(r.open).toBeLessThanOrEqual(r.total);
      }
    }
    const banten = await regions(4, 'banten');
    expect(banten.reduce((n, r) => n + r.total, 0)).toBe((await feed('agency=banten')).total);
  });

  it('refuses a level outside 2–4 with the standard error', async () => {
    for (const level of ['1', '5', 'desa']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/complaints/regions?level=${level}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', messages: { id: expect.any(String) } });
    }
  });
});

describe('the public feed filtered by region', () => {
  it('matches the region code itself or any region under it, never rahasia reports', async () => {
    const kecamatan = await feed('regionCode=36.73.03');
    expect(kecamatan.items.map((i) => i.code).sort()).toEqual([codes.w1, codes.w2, codes.c1, codes.n1].sort());
    const desa = await feed(`regionCode=${WALANTAKA}`);
    expect(desa.items.map((i) => i.code).sort()).toEqual([codes.w1, codes.w2].sort());
    expect(desa.total).toBe(2);
    const secrets = [codes.wSecret, codes.cSecret, codes.pSecret];
    for (const r of [kecamatan, desa, await feed('regionCode=36.73.03.1004')])
      for (const i of r.items) expect(secrets).not.toContain(i.code);
    expect((await feed('regionCode=36.73.03.1004')).total).toBe(0);
    // A kabupaten/kota code matches every desa under it.
    const kota = await feed('regionCode=36.73');
    expect(kota.items.every((i) => i.regionCode.startsWith('36.73.'))).toBe(true);
  });

  it('refuses a malformed region code with the standard error', async () => {
    for (const bad of ['36.73.0', '36.7', 'abc', '36.73.03.1001.1', "36.73'--"]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/public/complaints?regionCode=${encodeURIComponent(bad)}`,
      });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
  });
});
