// The citizen portal in a real browser: the home page, the language switch, and the tracking lookup on a
// 360 px wide phone. axe-core checks every page visited.
import { and, asc, eq, like } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { regions } from '../src/core/org/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('citizen portal', () => {
  it('explains what a citizen can do, in Bahasa Indonesia by default', async () => {
    const page = await e2e.newPage(PHONE);
    await page.goto('/');
    expect(await heading(page)).toBe('Layanan pemerintah daerah, dari mana saja');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await expect.poll(() => page.title()).toBe('Beranda · Pamong');
    const doors = page.getByRole('list').filter({ has: page.getByRole('heading', { name: 'Sampaikan pengaduan' }) });
    expect(await doors.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Sampaikan pengaduan',
      'Ajukan permohonan layanan',
      'Lacak laporan',
    ]);
    // Every door leads somewhere: to the complaint form, the service catalogue and the tracking page.
    expect(await page.getByText('Segera hadir').count()).toBe(0);
    expect(await doors.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '/pengaduan/baru',
      '/layanan',
      '/lacak',
    ]);
    await axeCheck(page, 'home (360 px)');
    await snap(page, 'home-360');
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('switches to English and back, remembering the choice across visits', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Local government services, from anywhere' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents()).toEqual(
      ['Home', 'Track a report', 'Staff console'],
    );
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await axeCheck(page, 'home in English');

    await page.reload();
    expect(await heading(page)).toBe('Local government services, from anywhere');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Layanan pemerintah daerah, dari mana saja' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
  });

  it('looks up a tracking code on a 360 px phone and says clearly when it does not exist', async () => {
    const page = await e2e.newPage(PHONE);
    await page.goto('/');
    await page.getByRole('link', { name: 'Lacak sekarang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lacak laporan' }).waitFor();
    await axeCheck(page, 'tracking form (360 px)');

    // An empty code is refused in the form, next to the field.
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    expect(await page.getByText('Isi kode pelacakan terlebih dahulu.').isVisible()).toBe(true);
    expect(await page.getByLabel('Kode pelacakan').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Kode pelacakan').fill('ADU-0000-TIDAKADA');
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    await page.getByRole('heading', { name: 'Kode tidak ditemukan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/lacak/ADU-0000-TIDAKADA');
    expect(await page.getByRole('alert').textContent()).toContain(
      'Tidak ada laporan atau permohonan dengan kode ADU-0000-TIDAKADA. Periksa kembali penulisan kodenya.',
    );
    await axeCheck(page, 'tracking not found (360 px)');
    await snap(page, 'track-not-found-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Code not found' }).waitFor();
  });

  it('finds a filed complaint by its code on a 360 px phone, without showing the report itself', async () => {
    // A citizen filed a complaint (through the API, as the complaint form will).
    const [desa] = await e2e.t.ctx.db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.level, 4), like(regions.code, '36.73.%')))
      .orderBy(asc(regions.code))
      .limit(1);
    const filed = await e2e.t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: {
        agency: 'kota-serang',
        kind: 'pengaduan',
        title: 'Lampu jalan padam di depan sekolah',
        description: 'Sudah dua minggu lampu jalan di depan SD padam, jalan gelap pada malam hari.',
        regionCode: desa!.code,
      },
    });
    expect(filed.statusCode).toBe(201);
    const { code } = filed.json() as { code: string };

    const page = await e2e.newPage(PHONE);
    await page.goto('/lacak');
    await page.getByLabel('Kode pelacakan').fill(code);
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    await page.getByRole('heading', { name: 'Hasil pelacakan' }).waitFor();
    const facts = page.locator('dl.facts');
    expect(await facts.locator('dt').allTextContents()).toEqual(['Kode', 'Jenis', 'Status', 'Diterima']);
    expect(await facts.locator('dd').first().textContent()).toBe(code);
    expect(await facts.locator('dd').nth(1).textContent()).toBe('Pengaduan');
    expect(await facts.locator('dd').nth(2).textContent()).toBe('Diterima');
    expect(await facts.locator('dd').nth(3).textContent()).toBe('2 Mar 2026, 09.00');
    const first = page.locator('ol.timeline > li').first();
    expect(await first.locator('time').textContent()).toBe('2 Mar 2026, 09.00');
    expect(await first.locator('strong').textContent()).toBe('Laporan diterima');
    expect(await first.locator('.timeline-status').textContent()).toBe('Status: Diterima');
    // Without the secret, the report's own words stay private.
    expect(await page.getByText('Lampu jalan padam di depan sekolah').count()).toBe(0);
    await axeCheck(page, 'tracking a filed complaint (360 px)');
    await snap(page, 'track-result-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Tracking result' }).waitFor();
    expect(await facts.locator('dd').nth(1).textContent()).toBe('Complaint');
    expect(await facts.locator('dd').nth(2).textContent()).toBe('Received');
    expect(await facts.locator('dd').nth(3).textContent()).toBe('2 Mar 2026, 09:00');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });

  it('answers an unknown address with a page in the portal, not a server error', async () => {
    const page = await e2e.newPage();
    const res = await page.goto('/tidak-ada');
    expect(res?.status()).toBe(200);
    expect(await heading(page)).toBe('Halaman tidak ditemukan');
    await axeCheck(page, 'not found page');
  });
});
