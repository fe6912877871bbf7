// The agency admin's pages in a real browser: the unit tree (create a unit under a parent, rename it),
// users and roles (create a staff user, grant and revoke a role), the working-day calendar (add and
// remove an agency day off; a platform admin loads next year's national holidays) and the outbox (the
// invitation e-mail, retry of a failed message).
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/core/auth/seed-demo-accounts';
import { outbox } from '../src/core/outbox/schema';
import { selectByName, signIn } from './console-helpers';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;
let page: Page;
beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.newPage(PHONE);
  await signIn(e2e, page, DEMO_ACCOUNTS.admin_instansi);
});

const consoleNav = () => page.getByRole('navigation', { name: 'Navigasi konsol' });
const DPUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';

/** The tree item (<li>) of the unit named `name`. */
const unitItem = (name: string) =>
  page
    .getByTestId('unit-tree')
    .locator('li')
    .filter({ has: page.locator(`> .tree-row > .tree-name`, { hasText: new RegExp(`^${name}$`) }) });

describe('agency admin console (360 px)', () => {
  it('creates a unit under a parent and renames it', async () => {
    await consoleNav().getByRole('link', { name: 'Unit kerja' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unit kerja' }).waitFor();
    await unitItem(DPUPR).first().waitFor();
    await axeCheck(page, 'units');

    await selectByName(page.getByLabel('Induk unit'), DPUPR);
    await page.getByLabel('Nama unit').fill('Bidang Jalan Desa');
    await page.getByLabel('Jenis unit').selectOption({ label: 'Bidang' });
    await page.getByRole('button', { name: 'Tambah unit' }).click();
    await page.getByRole('status').filter({ hasText: 'Unit Bidang Jalan Desa sudah ditambahkan.' }).waitFor();
    // It sits under its parent in the tree, between the parent's other bidang by name.
    const children = unitItem(DPUPR).locator('> ul > li > .tree-row > .tree-name');
    await expect
      .poll(() => children.allTextContents())
      .toEqual(['Bidang Bina Marga', 'Bidang Jalan Desa', 'Bidang Penataan Ruang', 'Bidang Sumber Daya Air']);
    await snap(page, 'units-360');

    // The same name twice under one parent is refused with the server's message.
    await page.getByLabel('Nama unit').fill('Bidang Jalan Desa');
    await page.getByRole('button', { name: 'Tambah unit' }).click();
    const error = page
      .locator('section', { has: page.getByRole('heading', { name: 'Tambah unit' }) })
      .getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toBe('Sudah ada unit dengan nama ini di bawah induk yang sama.');
    await axeCheck(page, 'units with an error');

    await page.getByRole('button', { name: 'Ubah nama Bidang Jalan Desa' }).click();
    const rename = page.getByLabel('Nama baru untuk Bidang Jalan Desa');
    await rename.fill('Bidang Jalan Lingkungan');
    await axeCheck(page, 'units while renaming');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() => children.allTextContents())
      .toEqual(['Bidang Bina Marga', 'Bidang Jalan Lingkungan', 'Bidang Penataan Ruang', 'Bidang Sumber Daya Air']);
  });

  it('creates a staff user with a role in the new unit, then grants and revokes another role', async () => {
    await consoleNav().getByRole('link', { name: 'Pengguna & peran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna & peran' }).waitFor();
    await page.getByText('8 pengguna').waitFor();
    await axeCheck(page, 'users');

    await page.getByLabel('Nama lengkap').fill('Siti Rahmawati');
    await page.getByLabel('E-mail dinas').fill('siti.rahmawati@banten.pamong.test');
    const create = page.locator('section', { has: page.getByRole('heading', { name: 'Tambah pengguna staf' }) });
    await create.getByLabel('Peran').selectOption({ label: 'Operator unit' });
    await selectByName(create.getByLabel('Berlaku di'), 'Bidang Jalan Lingkungan');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: 'Pengguna Siti Rahmawati sudah dibuat. Undangan dikirim ke siti.rahmawati@banten.pamong.test.',
      })
      .waitFor();
    await page.getByText('9 pengguna').waitFor();

    await page.getByLabel('Cari nama atau e-mail').fill('rahmawati');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText('1 pengguna').waitFor();
    const card = page.locator('.user-card', { has: page.getByRole('heading', { name: 'Siti Rahmawati' }) });
    expect(await card.locator('.grant-list li').allTextContents()).toEqual([
      'Operator unit · Bidang Jalan LingkunganCabut',
    ]);
    expect(await card.locator('.chips .badge').allTextContents()).toEqual([
      'Aktif',
      'Verifikasi dua langkah belum dipasang',
    ]);

    await card.getByRole('button', { name: 'Beri peran kepada Siti Rahmawati' }).click();
    const grantForm = card.getByRole('form', { name: 'Beri peran kepada Siti Rahmawati' });
    await grantForm.getByLabel('Peran').selectOption({ label: 'PPID' });
    await axeCheck(page, 'users while granting a role');
    await grantForm.getByRole('button', { name: 'Beri peran' }).click();
    await expect.poll(() => card.locator('.grant-list li strong').allTextContents()).toEqual(['Operator unit', 'PPID']);
    expect(await card.locator('.grant-list li').nth(1).textContent()).toBe('PPID · Seluruh instansiCabut');
    await snap(page, 'users-360');

    await card.getByRole('button', { name: 'Cabut peran PPID (Seluruh instansi) dari Siti Rahmawati' }).click();
    await expect.poll(() => card.locator('.grant-list li strong').allTextContents()).toEqual(['Operator unit']);

    await page.getByLabel('Cari nama atau e-mail').fill('tidak-ada-orangnya');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText('Tidak ada pengguna yang cocok dengan "tidak-ada-orangnya".').waitFor();
  });

  it('pages through the users list twenty at a time', async () => {
    // Twelve more colleagues, added through the API with this browser's session (9 + 12 = 21 users).
    const created = await page.evaluate(async () => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const statuses: number[] = [];
      for (let i = 1; i <= 12; i++) {
        const res = await fetch('/api/v1/admin/users', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            name: `Pegawai Uji ${String(i).padStart(2, '0')}`,
            email: `pegawai${i}@banten.pamong.test`,
            grants: [],
          }),
        });
        statuses.push(res.status);
      }
      return statuses;
    });
    expect(created).toEqual(Array(12).fill(201));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Pengguna & peran' }).waitFor();
    await page.getByText('21 pengguna').waitFor();
    const pager = page.getByRole('navigation', { name: 'Halaman daftar' });
    expect(await pager.getByText('Halaman 1 dari 2').isVisible()).toBe(true);
    expect(await page.locator('.user-card').count()).toBe(20);
    expect(await pager.getByRole('button', { name: 'Sebelumnya' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: 'Berikutnya' }).click();
    await pager.getByText('Halaman 2 dari 2').waitFor();
    await expect.poll(() => page.locator('.user-card h3').allTextContents()).toEqual(['Staf BKPSDM Banten']);
    await axeCheck(page, 'users, page 2');
  });

  it('adds and removes an agency day off in the working-day calendar', async () => {
    await consoleNav().getByRole('link', { name: 'Kalender' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kalender hari kerja' }).waitFor();
    await page.getByRole('heading', { name: 'Hari libur tahun 2026' }).waitFor();
    const list = page.locator('.holiday-list');
    // The national list for 2026 opens the year with New Year's Day.
    await list.locator('li').first().waitFor();
    expect(await list.locator('li').first().locator('time').getAttribute('datetime')).toBe('2026-01-01');
    expect(await list.locator('li').first().locator('.badge').textContent()).toBe('Libur nasional');
    // National days cannot be removed by an agency admin.
    expect(await list.getByRole('button').count()).toBe(0);
    await axeCheck(page, 'calendar');

    await page.getByLabel('Tanggal').fill('2026-07-15');
    await page.getByLabel('Keterangan').fill('Hari Jadi Uji Coba');
    await page.getByRole('button', { name: 'Tambah hari libur' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Hari Jadi Uji Coba (Rabu, 15 Juli 2026) sudah ditambahkan.' })
      .waitFor();
    const added = list.locator('li', { hasText: 'Hari Jadi Uji Coba' });
    await added.waitFor();
    expect(await added.locator('time').textContent()).toBe('Rabu, 15 Juli 2026');
    expect(await added.locator('.badge').textContent()).toBe('Libur instansi');
    await snap(page, 'calendar-360');

    await page.getByRole('button', { name: 'Hapus Hari Jadi Uji Coba (Rabu, 15 Juli 2026)' }).click();
    await expect.poll(() => added.count()).toBe(0);
  });

  it('shows the invitation e-mail in the outbox and retries a message that failed for good', async () => {
    await consoleNav().getByRole('link', { name: 'Kotak keluar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kotak keluar' }).waitFor();
    const invite = page.locator('.outbox-card').first();
    await invite.waitFor();
    expect(await invite.getByRole('heading').textContent()).toMatch(/^#\d+ Akun Pamong Anda \/ Your Pamong account$/);
    expect(await invite.locator('.badge').textContent()).toBe('Menunggu');
    // A message waiting its turn offers no retry.
    expect(await invite.getByRole('button').count()).toBe(0);
    await axeCheck(page, 'outbox');

    // The mail server gave up on it (as the delivery worker records after its last attempt).
    const id = Number((await invite.getByRole('heading').textContent())?.match(/^#(\d+)/)?.[1]);
    await e2e.t.ctx.db
      .update(outbox)
      .set({ status: 'dead', attempts: 8, lastError: 'SMTP 550 mailbox unavailable' })
      .where(eq(outbox.id, id));
    await page.getByLabel('Tampilkan status').selectOption({ label: 'Gagal permanen' });
    const dead = page.locator('.outbox-card', { hasText: `#${id}` });
    await dead.locator('.badge', { hasText: 'Gagal permanen' }).waitFor();
    expect(await dead.getByText('SMTP 550 mailbox unavailable').isVisible()).toBe(true);
    await snap(page, 'outbox-360');
    await dead.getByRole('button', { name: `Kirim ulang pesan #${id}` }).click();
    await page.getByText('Tidak ada pesan berstatus "Gagal permanen".').waitFor();
    await page.getByLabel('Tampilkan status').selectOption({ label: 'Menunggu' });
    await page
      .locator('.outbox-card', { hasText: `#${id}` })
      .locator('.badge', { hasText: 'Menunggu' })
      .waitFor();
  });

  it('shows the admin pages in English after the switch', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Console navigation' }).getByRole('link').allTextContents();
    expect(nav.slice(0, 5)).toEqual(['Console home', 'Units', 'Users & roles', 'Calendar', 'Outbox']);
    await page.getByRole('navigation', { name: 'Console navigation' }).getByRole('link', { name: 'Units' }).click();
    await page.getByRole('heading', { level: 2, name: 'Add a unit' }).waitFor();
    await axeCheck(page, 'units in English');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Unit kerja' }).waitFor();
  });

  // Last in this file: it moves the server's clock to late November, when deadlines reach into a year
  // whose national holidays the shipped list does not have.
  it("warns a platform admin that next year's national holidays are missing, and loads them from a CSV", async () => {
    e2e.t.clock.set('2026-11-23T03:00:00Z');
    const admin = await e2e.newPage(PHONE);
    await signIn(e2e, admin, DEMO_ACCOUNTS.platform_admin);
    const warning = admin.getByTestId('calendar-coverage-warning');
    await warning.getByText('Hari libur nasional 2027 belum dimuat.').waitFor();
    await warning.getByRole('link', { name: 'Buka Kalender' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Kalender hari kerja' }).waitFor();
    await warning.waitFor();

    const csv = [
      'tanggal,jenis,nama',
      '2027-01-01,libur_nasional,Tahun Baru 2027 Masehi',
      '2027-08-17,libur_nasional,Proklamasi Kemerdekaan',
      '2027-12-25,libur_nasional,Kelahiran Yesus Kristus',
    ].join('\n');
    await admin
      .getByLabel('Berkas CSV')
      .setInputFiles({ name: 'skb-2027.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.getByRole('button', { name: 'Pratinjau' }).click();
    const preview = admin.getByTestId('import-days-preview');
    await preview.getByRole('heading', { name: 'Pratinjau: tahun 2027, 3 baris' }).waitFor();
    expect(await preview.getByRole('heading', { name: 'Ditambahkan (3)' }).isVisible()).toBe(true);
    expect(await preview.locator('li').first().textContent()).toBe('Jumat, 1 Januari 2027: Tahun Baru 2027 Masehi');
    // Nothing is saved by the preview.
    expect(await warning.isVisible()).toBe(true);
    await axeCheck(admin, 'calendar import preview');
    await snap(admin, 'calendar-import-360');

    await admin.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByRole('status').filter({ hasText: 'Hari libur nasional 2027 sudah disimpan.' }).waitFor();
    await expect.poll(() => warning.count()).toBe(0);
    await admin.getByLabel('Tahun', { exact: true }).selectOption('2027');
    await admin.getByRole('heading', { name: 'Hari libur tahun 2027' }).waitFor();
    await expect
      .poll(() => admin.locator('.holiday-list li time').allTextContents())
      .toEqual(['Jumat, 1 Januari 2027', 'Selasa, 17 Agustus 2027', 'Sabtu, 25 Desember 2027']);
  });
});
