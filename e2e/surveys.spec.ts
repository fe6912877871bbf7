// The satisfaction survey in a real browser: a citizen answers through the invitation link of a closed
// complaint, another at the kiosk tablet of the counter (no login, one response per session); leadership
// sees the result in the console and the unit's published result is public. axe-core checks every page.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/core/auth/seed-demo-accounts';
import { publishResult } from '../src/modules/surveys/publish-result';
import { surveyKiosks } from '../src/modules/surveys/schema';
import { demoIds, finishTransactions } from '../src/modules/surveys/test-helpers';
import { signIn } from './console-helpers';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;
let ids: { agencyId: string; unitId: string };
const KIOSK_TOKEN = 'KioskUjiE2E-loket-satu-000000001';

beforeAll(async () => {
  e2e = await startE2E();
  ids = await demoIds(e2e.t);
  await e2e.t.ctx.db.insert(surveyKiosks).values({
    agencyId: ids.agencyId,
    unitId: ids.unitId,
    name: 'Loket 1',
    token: KIOSK_TOKEN,
    createdAt: e2e.t.clock.now(),
  });
});

/** Chooses answer `value` (1..4) for each of the nine elements, by clicking its label. */
async function answerAll(page: Page, value: number): Promise<void> {
  const groups = page.locator('fieldset[data-element]');
  expect(await groups.count()).toBe(9);
  for (let i = 0; i < 9; i++) {
    await groups
      .nth(i)
      .locator('label.skm-option')
      .nth(value - 1)
      .click();
  }
}

describe('the satisfaction survey', () => {
  it('a citizen answers through the invitation link of a finished complaint, once', async () => {
    const [invitation] = await finishTransactions(e2e.t, ids, 1, { recipientEmail: 'warga@example.test' });
    const page = await e2e.newPage(PHONE);
    await page.goto(`/survei/undangan/${invitation!.token}`);
    await page.getByRole('heading', { level: 1, name: 'Survei Kepuasan Masyarakat' }).waitFor();
    await page.getByText('Dinas Pekerjaan Umum dan Penataan Ruang', { exact: false }).first().waitFor();
    await axeCheck(page, 'survey form (invitation)');
    await snap(page, 'survey-invitation');

    // Sending with elements unanswered says which, and sends nothing.
    await page.locator('fieldset[data-element]').first().locator('label.skm-option').nth(3).click();
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByRole('alert').getByText('Belum dijawab: 2, 3, 4, 5, 6, 7, 8, 9.', { exact: false }).waitFor();

    await answerAll(page, 4);
    await page.getByLabel('Jenis kelamin').selectOption('P');
    await page.getByLabel('Kelompok umur').selectOption('30-39');
    await page.getByLabel('Saran untuk perbaikan pelayanan (opsional)').fill('Pertahankan keramahan petugas.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByText('Terima kasih! Penilaian Anda sudah kami terima.').waitFor();
    await axeCheck(page, 'survey thanks (invitation)');

    // The link is single-use.
    await page.goto(`/survei/undangan/${invitation!.token}`);
    await page.getByRole('alert').getByText('Survei untuk layanan ini sudah diisi. Terima kasih.').waitFor();
  });

  it('a citizen answers at the kiosk tablet; the kiosk returns to the start for the next one', async () => {
    const page = await e2e.newPage({ width: 1024, height: 768 });
    await page.goto(`/survei/kios/${KIOSK_TOKEN}`);
    await page.getByRole('heading', { level: 1, name: 'Nilai pelayanan kami' }).waitFor();
    await axeCheck(page, 'kiosk start');
    await page.getByRole('button', { name: 'Mulai survei' }).click();
    await page.locator('fieldset[data-element]').first().waitFor();
    await axeCheck(page, 'kiosk form');
    // Big touch targets: every choice at least 72 px high.
    const box = await page.locator('label.skm-option').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(72);
    await snap(page, 'survey-kiosk');
    await answerAll(page, 3);
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByText('Terima kasih! Penilaian Anda sudah kami terima.').waitFor();
    await axeCheck(page, 'kiosk thanks');
    await page.getByRole('button', { name: 'Responden berikutnya' }).click();
    await page.getByRole('button', { name: 'Mulai survei' }).waitFor();
  });

  it('leadership sees the result in the console, and the published result is public', async () => {
    // Two responses in March 2026: all 4 and all 3 -> every NRR 3.5 -> IKM 3.5000 -> 87.50, mutu B.
    const page = await e2e.newPage();
    await signIn(e2e, page, DEMO_ACCOUNTS.pimpinan, { check: false });
    await page.goto('/konsol/survei');
    await page.getByRole('heading', { level: 1, name: 'Laporan IKM' }).waitFor();
    await page.getByLabel('Periode').fill('2026-03');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByText('Maret 2026').first().waitFor();
    expect(await page.getByTestId('skm-converted').textContent()).toBe('87.50');
    expect(await page.getByTestId('skm-mutu').textContent()).toBe('B (Baik)');
    await axeCheck(page, 'staff report');
    await snap(page, 'survey-report');

    await publishResult(
      e2e.t.ctx,
      {
        kind: 'staff',
        userId: '00000000-0000-4000-8000-000000000001',
        sessionId: '',
        name: 'Kepala',
        agencyId: ids.agencyId,
        grants: [{ role: 'kepala_unit', agencyId: ids.agencyId, unitId: ids.unitId }],
      },
      ids.unitId,
      '2026-03',
    );
    const pub = await e2e.newPage(PHONE);
    await pub.goto(`/survei/hasil/${ids.unitId}`);
    await pub.getByRole('heading', { level: 1, name: 'Hasil Survei Kepuasan Masyarakat' }).waitFor();
    await pub.getByTestId('skm-converted').waitFor();
    expect(await pub.getByTestId('skm-converted').textContent()).toBe('87.50');
    await axeCheck(pub, 'published result');
    await snap(pub, 'survey-published');
  });
});
