// Staff sign-in in a real browser: every demo role enrols an authenticator on its first sign-in, sees its
// recovery codes once and lands in the console with its own role; later sign-ins take a code or a
// recovery code; wrong passwords and citizen accounts are turned away; the unit switcher remembers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/auth/roles';
import { DEMO_ACCOUNTS } from '../src/core/auth/seed-demo-accounts';
import { fillLogin, signIn, signOut } from './console-helpers';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});

const ROLE_LABELS: Record<Role, string> = {
  platform_admin: 'Admin platform',
  admin_instansi: 'Admin instansi',
  operator_unit: 'Operator unit',
  kepala_unit: 'Kepala unit',
  inspektorat: 'Inspektorat (APIP)',
  ppid: 'PPID',
  bkpsdm: 'BKPSDM (kepegawaian)',
  pimpinan: 'Pimpinan',
};
const ADMIN_NAV = ['Beranda konsol', 'Unit kerja', 'Pengguna & peran', 'Kalender', 'Kotak keluar'];
const DPUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';

describe('staff sign-in', () => {
  it('turns a wrong password away with the server message, in the chosen language', async () => {
    const page = await e2e.newPage(PHONE);
    await fillLogin(page, DEMO_ACCOUNTS.ppid, 'bukan-kata-sandinya');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('E-mail atau kata sandi salah.');
    await axeCheck(page, 'sign-in with an error (360 px)');
    await snap(page, 'login-360');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to the staff console' }).waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();
  });

  it('tells a citizen that the console is for staff', async () => {
    const page = await e2e.newPage();
    await fillLogin(page, DEMO_ACCOUNTS.citizen);
    await page.getByRole('alert').filter({ hasText: 'Akun ini adalah akun warga.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/konsol/masuk');
  });

  it('sends a signed-out visitor of a console page to sign in', async () => {
    const page = await e2e.newPage();
    await page.goto('/konsol/pengguna');
    await page.getByRole('heading', { level: 1, name: 'Masuk konsol petugas' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/konsol/masuk');
  });

  for (const role of Object.keys(ROLE_LABELS) as Role[]) {
    it(`signs in ${role} for the first time: authenticator set-up, recovery codes, then the console`, async () => {
      const page = await e2e.newPage(role === 'admin_instansi' ? PHONE : undefined);
      await signIn(e2e, page, DEMO_ACCOUNTS[role]);
      await page.getByRole('heading', { level: 1, name: /^Selamat datang, / }).waitFor();
      expect(await page.getByTestId('my-roles').locator('li .badge').allTextContents()).toEqual([ROLE_LABELS[role]]);
      // Admin pages show in the navigation of the two admin roles only (modules add their own items).
      const nav = await page.getByRole('navigation', { name: 'Navigasi konsol' }).getByRole('link').allTextContents();
      const admin = role === 'admin_instansi' || role === 'platform_admin';
      expect(nav.filter((item) => ADMIN_NAV.includes(item))).toEqual(admin ? ADMIN_NAV : ['Beranda konsol']);
      await axeCheck(page, `console home of ${role}`);
      if (role === 'admin_instansi') {
        await snap(page, 'console-home-360');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      }
      await signOut(page);
      // Signed out means signed out: the console sends us back to sign in.
      await page.goto('/konsol');
      await page.getByRole('heading', { level: 1, name: 'Masuk konsol petugas' }).waitFor();
    });
  }

  it('signs in again with a fresh authenticator code, and with a recovery code, each once', async () => {
    const page = await e2e.newPage();
    await signIn(e2e, page, DEMO_ACCOUNTS.pimpinan);
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Pimpinan Banten' }).waitFor();
    await signOut(page);

    await signIn(e2e, page, DEMO_ACCOUNTS.pimpinan, { useRecoveryCode: true });
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Pimpinan Banten' }).waitFor();
    await signOut(page);
  });

  it('refuses a wrong authenticator code with the server message', async () => {
    const page = await e2e.newPage();
    await fillLogin(page, DEMO_ACCOUNTS.bkpsdm);
    await page.getByRole('heading', { level: 1, name: 'Verifikasi dua langkah' }).waitFor();
    await page.getByLabel('Kode autentikator').fill('000000');
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kode tidak valid atau sudah dipakai.' }).waitFor();
    await axeCheck(page, 'TOTP step with an error');
  });

  it('switches the unit the console works in and keeps it after a reload', async () => {
    const page = await e2e.newPage(PHONE);
    await signIn(e2e, page, DEMO_ACCOUNTS.operator_unit);
    const switcher = page.getByLabel('Unit aktif');
    expect(await switcher.locator('option').allTextContents()).toEqual(['Seluruh instansi', DPUPR]);
    await switcher.selectOption({ label: DPUPR });
    await expect.poll(() => switcher.isEnabled()).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Operator DPUPR Banten' }).waitFor();
    expect(
      await page.getByLabel('Unit aktif').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
    ).toBe(DPUPR);
    await axeCheck(page, 'console with a unit chosen (360 px)');

    await page.getByRole('button', { name: 'English' }).click();
    expect(
      await page.getByLabel('Active unit').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text),
    ).toBe(DPUPR);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Operator DPUPR Banten' }).waitFor();
  });
});
