// Signing in to the staff console through its pages, as a person would: e-mail and password, then the
// authenticator step (enrolment on the first sign-in, reading the secret off the page), checked by axe.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../src/core/auth/seed-demo-accounts';
import { type E2E, axeCheck, nextTotpStep, snap, totpNow } from './harness';

/** What the tests learnt at enrolment, per e-mail: the secret shown on the page and the recovery codes. */
export const enrolled = new Map<string, { secret: string; recoveryCodes: string[] }>();

export async function fillLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (new URL(page.url()).pathname !== '/konsol/masuk') await page.goto('/konsol/masuk');
  await page.getByRole('heading', { level: 1, name: 'Masuk konsol petugas' }).waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/**
 * Signs `email` in through the pages and lands in the console. First time: enrols TOTP (QR code and secret
 * shown), keeps the ten recovery codes. Later: a fresh TOTP code, or a recovery code when asked.
 */
export async function signIn(
  e2e: E2E,
  page: Page,
  email: string,
  opts: { useRecoveryCode?: boolean; check?: boolean } = {},
): Promise<void> {
  const check = opts.check ?? true;
  await fillLogin(page, email);
  const step = page.getByRole('heading', { level: 1, name: /^(Pasang aplikasi autentikator|Verifikasi dua langkah)$/ });
  await step.waitFor();
  if ((await step.textContent()) === 'Pasang aplikasi autentikator') {
    const qr = page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/(png|svg\+xml);base64,/);
    // The QR code really renders (a broken data URL has no natural size).
    await page.waitForFunction(() => (document.querySelector('img.qr') as HTMLImageElement | null)?.complete === true);
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    if (check) await axeCheck(page, `TOTP enrolment of ${email}`);
    await snap(page, 'totp-enrol');
    await page.getByLabel('Kode autentikator').fill(await totpNow(e2e.t, secret));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kode pemulihan Anda' }).waitFor();
    const recoveryCodes = await page.locator('.recovery-codes code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    if (check) await axeCheck(page, `recovery codes of ${email}`);
    await snap(page, 'recovery-codes');
    enrolled.set(email, { secret, recoveryCodes });
    await page.getByRole('button', { name: 'Saya sudah menyimpan kode ini' }).click();
  } else {
    const known = enrolled.get(email);
    if (!known) throw new Error(`${email} was enrolled outside this test file`);
    if (check) await axeCheck(page, `TOTP step of ${email}`);
    if (opts.useRecoveryCode) {
      await page.getByRole('button', { name: 'Pakai kode pemulihan' }).click();
      const code = known.recoveryCodes.shift();
      if (!code) throw new Error(`no recovery code left for ${email}`);
      await page.getByLabel('Kode pemulihan').fill(code);
    } else {
      nextTotpStep(e2e.t);
      await page.getByLabel('Kode autentikator').fill(await totpNow(e2e.t, known.secret));
    }
    await page.getByRole('button', { name: 'Verifikasi' }).click();
  }
  await page
    .getByRole('heading', { level: 1, name: /^Selamat datang, / })
    .or(page.getByRole('navigation', { name: 'Navigasi konsol' }))
    .first()
    .waitFor();
}

/** Picks the <option> whose text (tree indentation aside) is `name`. */
export async function selectByName(select: Locator, name: string): Promise<void> {
  const value = await select.evaluate((el, wanted) => {
    const opt = [...(el as HTMLSelectElement).options].find((o) => o.text.replace(/^[\s\u00a0└]+/, '') === wanted);
    return opt?.value ?? null;
  }, name);
  if (value === null) throw new Error(`no option "${name}"`);
  await select.selectOption(value);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByRole('heading', { level: 1, name: 'Masuk konsol petugas' }).waitFor();
}
