// The citizen portal in a real browser: the home page, the language switch, and the tracking lookup on a
// 360 px wide phone. axe-core checks every page visited.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type E2E, PHONE, axeCheck, startE2E } from './harness';

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
    // Complaints and applications come with later modules: shown as upcoming, not as dead links.
    expect(await page.getByText('Segera hadir').count()).toBe(2);
    await axeCheck(page, 'home (360 px)');
    // Nothing is wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('switches to English and back, remembering the choice across visits', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Local government services, from anywhere' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents()).toEqual([
      'Home',
      'Track a report',
      'Staff console',
    ]);
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
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Code not found' }).waitFor();
  });

  it('shows what the tracking API answers: type, status and the handling history', async () => {
    // GET /api/v1/track/:code belongs to the modules that file things (complaints, services); until one
    // exists this test answers for it, in the shape the page renders: { code, kind, status, statusLabel, timeline }.
    const page = await e2e.newPage(PHONE);
    await page.route('**/api/v1/track/ADU-2026-000123', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'ADU-2026-000123',
          kind: 'complaint',
          status: 'in_progress',
          statusLabel: { id: 'Sedang ditindaklanjuti', en: 'Being followed up' },
          timeline: [
            { at: '2026-03-02T02:15:00Z', status: 'received', statusLabel: { id: 'Diterima', en: 'Received' } },
            {
              at: '2026-03-03T04:00:00Z',
              status: 'in_progress',
              statusLabel: { id: 'Diteruskan ke unit', en: 'Forwarded to the unit' },
              note: { id: 'Diteruskan ke Dinas PUPR.', en: 'Forwarded to the public works office.' },
            },
          ],
        }),
      }),
    );
    await page.goto('/lacak/ADU-2026-000123');
    await page.getByRole('heading', { name: 'Hasil pelacakan' }).waitFor();
    const facts = page.locator('dl.facts');
    expect(await facts.locator('dt').allTextContents()).toEqual(['Kode', 'Jenis', 'Status']);
    expect(await facts.locator('dd').allTextContents()).toEqual(['ADU-2026-000123', 'Pengaduan', 'Sedang ditindaklanjuti']);
    const steps = page.locator('ol.timeline > li');
    expect(await steps.count()).toBe(2);
    expect(await steps.nth(0).locator('time').textContent()).toBe('2 Mar 2026, 09.15');
    expect(await steps.nth(1).textContent()).toContain('Diteruskan ke unitDiteruskan ke Dinas PUPR.');
    await axeCheck(page, 'tracking result (360 px)');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Tracking result' }).waitFor();
    expect(await facts.locator('dd').allTextContents()).toEqual(['ADU-2026-000123', 'Complaint', 'Being followed up']);
    expect(await steps.nth(0).locator('time').textContent()).toBe('2 Mar 2026, 09:15');
  });

  it('answers an unknown address with a page in the portal, not a server error', async () => {
    const page = await e2e.newPage();
    const res = await page.goto('/tidak-ada');
    expect(res?.status()).toBe(200);
    expect(await heading(page)).toBe('Halaman tidak ditemukan');
    await axeCheck(page, 'not found page');
  });
});
