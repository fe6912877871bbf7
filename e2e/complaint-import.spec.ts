// Importing SP4N-LAPOR! history in a real browser (360 px phone): Kota Serang's agency admin uploads an export
// (built with the test fixture), checks it first and sees the unmatched unit names and the bad row, adds a
// mapping file, imports, opens an imported report and sees its original tracking ID and a routing suggestion
// learnt from the imported history, routes it with one click, and switches automatic assignment on.
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OTHER_AGENCY_ACCOUNTS } from '../src/core/auth/seed-demo-accounts';
import { agencies, units } from '../src/core/org/schema';
import { laporCsv, laporRow } from '../src/modules/complaints/lapor-import/lapor-fixture';
import { laporImports } from '../src/modules/complaints/lapor-import/schema';
import { signIn } from './console-helpers';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;
let page: Page;
let agencyId = '';

beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.newPage(PHONE);
  await signIn(e2e, page, DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi);
  const [a] = await e2e.t.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'kota-serang'));
  agencyId = a!.id;
});

const consoleNav = () => page.getByRole('navigation', { name: 'Navigasi konsol' });
const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const DPUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';

async function unitId(name: string): Promise<string> {
  const [u] = await e2e.t.ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.name, name)));
  return u!.id;
}

const road = (n: number, status: string, instansi: string) =>
  laporRow(n, {
    'Judul Laporan': `Jalan lingkungan ${n} rusak parah`,
    'Isi Laporan Akhir': `Aspal jalan lingkungan ${n} mengelupas dan berlubang dalam, membahayakan pengendara.`,
    'Status Laporan': status,
    'Instansi Terdisposisi': instansi,
  });
const EXPORT = laporCsv([
  road(101, 'Ditutup oleh Sistem', 'Bidang Bina Marga'),
  road(102, 'Proses', 'DPUPR Kota Serang'),
  road(103, 'Ditutup oleh Admin', 'DPUPR Kota Serang'),
  laporRow(104, {
    'Judul Laporan': 'Puskesmas kekurangan obat',
    'Isi Laporan Akhir': 'Stok obat di puskesmas kosong sejak dua minggu, pasien diminta membeli sendiri.',
    'Instansi Terdisposisi': 'Dinas Kesehatan',
  }),
  road(105, 'Proses', 'Bidang Bina Marga'),
  laporRow(106, { 'Tanggal Laporan Masuk': '31/02/2025' }),
]);

describe('SP4N-LAPOR! import (360 px)', () => {
  it('checks the export first: unmatched names and the bad row are shown, nothing is saved', async () => {
    await consoleNav().getByRole('link', { name: 'Impor SP4N-LAPOR!' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impor data SP4N-LAPOR!' }).waitFor();
    await axeCheck(page, 'LAPOR import');
    expect(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);

    await page
      .getByLabel('Berkas ekspor SP4N-LAPOR! (.xlsx atau .csv)')
      .setInputFiles({ name: 'ekspor-lapor.csv', mimeType: 'text/csv', buffer: Buffer.from(EXPORT) });
    await page.getByRole('button', { name: 'Periksa dulu' }).click();
    await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan (belum ada yang disimpan)' }).waitFor();
    const result = page.getByTestId('import-result');
    const fact = async (label: string) =>
      (
        await result
          .locator('.facts div', { has: page.locator('dt', { hasText: label }) })
          .locator('dd')
          .textContent()
      )?.trim();
    expect(await fact('Baris dalam berkas')).toBe('6');
    expect(await fact('Dapat diimpor')).toBe('3');
    expect(await fact('Baris dengan instansi tidak cocok')).toBe('2');
    expect(await page.getByTestId('import-unmatched').getByRole('listitem').first().textContent()).toBe(
      'DPUPR Kota Serang — 2 baris',
    );
    expect(await page.getByTestId('import-errors').textContent()).toContain(
      'Baris 7 (4100106): Tanggal/waktu laporan masuk tidak valid.',
    );
    expect(await e2e.t.ctx.db.$count(laporImports)).toBe(0);
    expect(await noSideScroll()).toBe(true);
    await axeCheck(page, 'LAPOR import, checked');
    await snap(page, 'lapor-import-checked');
  });

  it('adds a mapping file, checks again and imports', async () => {
    const mapping = `lapor_name,unit_id\nDPUPR Kota Serang,${await unitId(DPUPR)}\n`;
    await page
      .getByLabel('Berkas pemetaan unit (opsional, .csv)')
      .setInputFiles({ name: 'pemetaan.csv', mimeType: 'text/csv', buffer: Buffer.from(mapping) });
    // A new file needs a new check before importing.
    expect(await page.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Periksa dulu' }).click();
    const result = page.getByTestId('import-result');
    await result.locator('dd', { hasText: /^5$/ }).waitFor();
    expect(await page.getByTestId('import-unmatched').count()).toBe(0);

    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Hasil impor' }).waitFor();
    await page.getByRole('status').filter({ hasText: '5 laporan diimpor.' }).waitFor();
    expect(await e2e.t.ctx.db.$count(laporImports)).toBe(5);
    // 102 and 105 are still open in LAPOR, received in November 2025: long past their deadlines.
    expect(await page.getByTestId('import-overdue').textContent()).toBe('2');
    await page.getByText('Eskalasi yang sudah jatuh tempo sebelum impor dicatat tanpa dikirim').waitFor();
    await axeCheck(page, 'LAPOR import, imported');
  });

  it('an imported report shows its tracking ID and a route suggestion; one click routes it', async () => {
    const [imp] = await e2e.t.ctx.db
      .select({ id: laporImports.complaintId })
      .from(laporImports)
      .where(and(eq(laporImports.agencyId, agencyId), eq(laporImports.trackingId, '4100102')));
    await page.goto(`/konsol/pengaduan/${imp!.id}`);
    await page.getByRole('heading', { level: 1, name: /Jalan lingkungan 102 rusak parah/ }).waitFor();
    expect(await page.getByTestId('lapor-tracking-id').textContent()).toBe('4100102');
    expect(await page.getByTestId('complaint-unit').textContent()).toContain(DPUPR);

    const panel = page.getByTestId('route-suggestion');
    await panel.getByRole('heading', { level: 2, name: 'Saran unit tujuan' }).waitFor();
    await panel.getByRole('listitem').first().waitFor();
    // Five imported reports are all the history the model has.
    await panel.getByText('Model baru belajar dari', { exact: false }).waitFor();
    const items = await panel.getByRole('listitem').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatch(/keyakinan \d{1,3}%/);
    // Road reports went to DPUPR and Bina Marga: both are suggested for this road report.
    expect(items.some((i) => i.includes(DPUPR))).toBe(true);
    expect(items.some((i) => i.includes('Bidang Bina Marga'))).toBe(true);
    await axeCheck(page, 'imported report with route suggestion');
    await snap(page, 'route-suggestion');

    await panel.getByRole('button', { name: /^Teruskan ke unit ini\W+Bidang Bina Marga$/ }).click();
    await panel.getByText('Laporan diteruskan ke Bidang Bina Marga.').waitFor();
    await page.getByTestId('complaint-status').filter({ hasText: 'Didisposisikan' }).waitFor();
    await page.getByTestId('complaint-unit').filter({ hasText: 'Bidang Bina Marga' }).waitFor();
    expect(await noSideScroll()).toBe(true);
  });

  it('switches automatic assignment on with a threshold', async () => {
    await page.goto('/konsol/pengaduan/kategori');
    const form = page.getByRole('form', { name: 'Penugasan otomatis' });
    await form.getByTestId('auto-assign-state').filter({ hasText: 'Nonaktif' }).waitFor();
    await form.getByLabel('Aktifkan penugasan otomatis').check();
    await form.getByLabel('Ambang keyakinan (%)').fill('70');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByTestId('auto-assign-state').filter({ hasText: 'Aktif, ambang 70%' }).waitFor();
    await axeCheck(page, 'automatic assignment settings');
  });
});
