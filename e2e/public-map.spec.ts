// The public feed's map by region on a 360 px phone: a public report with a point shows as a circle of its
// desa (named for screen readers, placed by longitude/latitude, sized by count) and as a row of the counts
// table; a rahasia one never does; activating the circle from the keyboard filters the feed to that desa.
// axe-core checks both views.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { categoryId } from '../src/modules/complaints/test-factory';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function file(page: Page, over: Record<string, unknown>): Promise<string> {
  const res = await page.request.post('/api/v1/complaints', {
    data: {
      agency: 'banten',
      kind: 'pengaduan',
      description: 'Lampu penerangan jalan mati sepanjang dua ratus meter, jalan gelap dan rawan saat malam.',
      categoryId: await categoryId(e2e.t, 'banten', 'infrastruktur.jalan-provinsi'),
      ...over,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

describe('the public map by region', () => {
  it('shows a public report’s desa on the map and in the table, and filters the feed to it', async () => {
    const page = await e2e.newPage(PHONE);
    const code = await file(page, {
      title: 'Lampu jalan mati di Cigoong',
      regionCode: '36.73.03.1002',
      visibility: 'anonim',
      lat: -6.1312,
      lon: 106.2071,
    });
    // Two public reports south-east of it, in Walantaka: a bigger circle, right of and below Cigoong's.
    for (const lat of [-6.16, -6.17])
      await file(page, {
        title: 'Trotoar rusak di Walantaka',
        regionCode: '36.73.03.1001',
        visibility: 'biasa',
        lat,
        lon: 106.25,
      });
    await file(page, {
      title: 'Laporan rahasia di Nyapah',
      regionCode: '36.73.03.1003',
      visibility: 'rahasia',
      lat: -6.14,
      lon: 106.21,
    });

    await page.goto('/pengaduan');
    await page.getByRole('heading', { level: 1, name: 'Laporan warga' }).waitFor();
    await page.getByRole('button', { name: 'Peta', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Peta laporan per wilayah' }).waitFor();
    await page.getByRole('button', { name: 'Desa/kelurahan' }).click();
    expect(await page.getByRole('button', { name: 'Desa/kelurahan' }).getAttribute('aria-pressed')).toBe('true');

    const map = page.getByRole('group', { name: 'Peta laporan per wilayah' });
    const circle = map.getByRole('button', { name: 'Cigoong: 1 laporan' });
    await circle.waitFor();
    const other = await map
      .getByRole('button', { name: 'Walantaka: 2 laporan' })
      .locator('.region-dot-mark')
      .boundingBox();
    const own = (await circle.locator('.region-dot-mark').boundingBox())!;
    expect(other!.x + other!.width / 2).toBeGreaterThan(own.x + own.width / 2);
    expect(other!.y + other!.height / 2).toBeGreaterThan(own.y + own.height / 2);
    expect(other!.width).toBeGreaterThan(own.width);
    const table = page.getByRole('table', { name: 'Jumlah laporan per wilayah' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Cigoong' }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['1', '1', 'Ya']);
    // Regions without a point (the demo reports) are in the table only.
    await table.getByRole('cell', { name: 'Tanpa titik lokasi' }).first().waitFor();
    // The rahasia report is nowhere: not on the map, not in the table.
    expect(await page.getByText('Nyapah').count()).toBe(0);
    expect(await map.getByRole('button', { name: /^Nyapah/ }).count()).toBe(0);
    await axeCheck(page, 'public map');
    await snap(page, 'public-map');
    expect(await noSideScroll(page)).toBe(true);

    // From the keyboard: focus the circle and press Enter.
    await circle.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: 'Laporan di Cigoong' });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get('wilayah')).toBe('36.73.03.1002');
    await page.getByText(code).waitFor();
    const cards = page.locator('.card-list > li');
    expect(await cards.count()).toBe(1);
    await cards.getByRole('heading', { name: 'Lampu jalan mati di Cigoong' }).waitFor();
    await snap(page, 'public-map-filtered');
    await axeCheck(page, 'feed filtered by region');
    expect(await noSideScroll(page)).toBe(true);

    // Back to every region: the demo reports of other desa return.
    await page.getByRole('button', { name: 'Tampilkan semua wilayah' }).click();
    await page.getByRole('heading', { name: 'Sampah menumpuk di pinggir jalan' }).waitFor();
    expect(await page.locator('.card-list > li').count()).toBeGreaterThan(1);
  });
});
