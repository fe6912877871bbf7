// Complaints in a real browser: a citizen on a 360 px phone files a report without an account (the form keeps
// the draft while offline and sends it when the connection returns); it lands in the right unit of the right
// agency; the demo operator disposes it, answers and closes it; the citizen reads the answer behind the
// secret link and rates the handling. axe-core checks every page.
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/core/auth/seed-demo-accounts';
import { agencies, units } from '../src/core/org/schema';
import { complaints } from '../src/modules/complaints/schema';
import { selectByName, signIn } from './console-helpers';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;
let citizen: Page;
let code = '';
let secretPath = '';

beforeAll(async () => {
  e2e = await startE2E();
});

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('complaints, no wrong door', () => {
  it('a citizen files from a 360 px phone without an account, even through a dropped connection', async () => {
    citizen = await e2e.newPage(PHONE);
    await citizen.goto('/pengaduan/baru');
    await citizen.getByRole('heading', { level: 1, name: 'Sampaikan laporan' }).waitFor();
    await axeCheck(citizen, 'complaint form');
    const form = citizen.getByRole('form', { name: 'Sampaikan laporan' });
    await citizen.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.text === 'Jalan dan jembatan provinsi rusak'),
    );
    await selectByName(form.getByLabel('Kategori'), 'Jalan dan jembatan provinsi rusak');
    await form.getByLabel('Cari desa/kelurahan').fill('Kasemen');
    const region = form.getByLabel('Desa/kelurahan', { exact: true });
    await citizen.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.text.startsWith('Kasemen — ')),
    );
    const value = await region.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith('Kasemen — '))!.value,
    );
    await region.selectOption(value);
    await form.getByLabel('Judul laporan').fill('Jalan provinsi amblas dekat pasar Kasemen');
    await form
      .getByRole('textbox', { name: 'Isi laporan' })
      .fill('Badan jalan provinsi amblas sedalam setengah meter, motor sering terjatuh saat malam.');
    await form.getByLabel('E-mail').fill('pelapor.uji@contoh.test');
    expect(await form.getByRole('radio', { name: /^Rahasia/ }).isChecked()).toBe(true);
    expect(await noSideScroll(citizen)).toBe(true);

    // The connection drops: the report waits on the phone and goes out when it returns.
    await citizen.context().setOffline(true);
    await citizen.getByText('Anda sedang luring.', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    await citizen.getByText('Laporan tersimpan dan akan dikirim saat koneksi kembali.').waitFor();
    expect(await citizen.evaluate(() => localStorage.getItem('pamong.complaint.queue'))).toContain(
      'Jalan provinsi amblas',
    );
    await snap(citizen, 'complaint-queued');
    await citizen.context().setOffline(false);

    await citizen.getByRole('heading', { level: 1, name: 'Laporan terkirim' }).waitFor();
    code = ((await citizen.getByTestId('complaint-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^LPR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const link = ((await citizen.getByTestId('secret-link').textContent()) ?? '').trim();
    secretPath = new URL(link).pathname + new URL(link).hash;
    expect(secretPath).toMatch(new RegExp(`^/pengaduan/lacak/${code}#rahasia=`));
    expect(await citizen.evaluate(() => localStorage.getItem('pamong.complaint.queue'))).toBeNull();
    await axeCheck(citizen, 'complaint sent');
    expect(await noSideScroll(citizen)).toBe(true);

    await citizen.getByRole('link', { name: 'Buka tautan rahasia' }).click();
    await citizen.getByTestId('complaint-status').filter({ hasText: 'Diterima' }).waitFor();
    await citizen.getByText('Jalan provinsi amblas dekat pasar Kasemen').first().waitFor();
    await axeCheck(citizen, 'reporter page');
  });

  it('lands in the right unit of the right agency', async () => {
    const [row] = await e2e.t.ctx.db
      .select({ agency: agencies.slug, unit: units.name, visibility: complaints.visibility, source: complaints.source })
      .from(complaints)
      .innerJoin(agencies, eq(agencies.id, complaints.agencyId))
      .innerJoin(units, eq(units.id, complaints.unitId))
      .where(eq(complaints.code, code));
    expect(row).toEqual({
      agency: 'banten',
      unit: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      visibility: 'rahasia',
      source: 'website',
    });
  });

  it('the demo operator disposes it, answers and closes it', async () => {
    const page = await e2e.newPage();
    await signIn(e2e, page, DEMO_ACCOUNTS.operator_unit, { check: false });
    await page.goto('/konsol/pengaduan');
    await page.getByRole('heading', { level: 1, name: 'Pengaduan' }).waitFor();
    await page.getByRole('link', { name: new RegExp(code) }).waitFor();
    await axeCheck(page, 'complaint inbox');
    await page.getByRole('link', { name: new RegExp(code) }).click();
    await page.getByTestId('complaint-unit').filter({ hasText: 'Dinas Pekerjaan Umum dan Penataan Ruang' }).waitFor();
    await axeCheck(page, 'complaint detail');

    const dispose = page.getByRole('form', { name: 'Disposisi' });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.text.trim() === 'Bidang Bina Marga'),
    );
    await selectByName(dispose.getByLabel('Unit pelaksana'), 'Bidang Bina Marga');
    await dispose.getByRole('button', { name: 'Disposisi' }).click();
    await page.getByTestId('complaint-status').filter({ hasText: 'Didisposisikan' }).waitFor();
    await page.getByTestId('complaint-unit').filter({ hasText: 'Bidang Bina Marga' }).waitFor();

    const reply = page.getByRole('form', { name: 'Balasan untuk pelapor' });
    const status = page.getByRole('form', { name: 'Ubah status' });
    await reply.getByRole('textbox').fill('Tim Bina Marga sudah menimbun dan mengaspal ulang ruas tersebut.');
    // A slow connection: the officer starts on the status form while the reply is still being sent.
    await page.route('**/replies', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await reply.getByRole('button', { name: 'Kirim balasan' }).click();
    await status.getByLabel('Tindakan').selectOption('complete');
    await status.getByLabel('Keterangan untuk pelapor').fill('Perbaikan selesai pada hari ini.');
    // Saved: it is on the timeline, its box is empty again, and what was typed meanwhile is still there.
    await page.locator('.timeline').getByText('Tim Bina Marga sudah menimbun', { exact: false }).waitFor();
    await page.unroute('**/replies');
    expect(await reply.getByRole('textbox').inputValue()).toBe('');
    expect(await status.getByLabel('Keterangan untuk pelapor').inputValue()).toBe('Perbaikan selesai pada hari ini.');
    await status.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByTestId('complaint-status').filter({ hasText: 'Selesai ditindaklanjuti' }).waitFor();
    await status.getByLabel('Tindakan').selectOption('close');
    await status.getByLabel('Hasil penutupan').selectOption('resolved');
    await status.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByTestId('complaint-status').filter({ hasText: 'Ditutup' }).waitFor();
    await axeCheck(page, 'complaint detail, closed');
  });

  it('the citizen reads the answer behind the secret link and rates the handling', async () => {
    await citizen.goto(secretPath);
    await citizen.reload(); // the same URL (only the fragment differs from nothing): load it afresh
    await citizen.getByTestId('complaint-status').filter({ hasText: 'Ditutup' }).waitFor();
    await citizen.getByText('Tim Bina Marga sudah menimbun', { exact: false }).waitFor();
    const rating = citizen.getByRole('form', { name: 'Nilai penanganan' });
    await rating.getByLabel('Nilai (1–5)').selectOption('5');
    await rating.getByLabel('Komentar (opsional)').fill('Cepat dan rapi, terima kasih.');
    await rating.getByRole('button', { name: 'Kirim penilaian' }).click();
    await citizen.getByText('Penilaian Anda: 5 dari 5').waitFor();
    expect(await noSideScroll(citizen)).toBe(true);
    await axeCheck(citizen, 'reporter page after rating');
    const [row] = await e2e.t.ctx.db
      .select({ score: complaints.ratingScore, how: complaints.closeHow })
      .from(complaints)
      .where(eq(complaints.code, code));
    expect(row).toEqual({ score: 5, how: 'resolved' });

    // Without the secret, anyone sees the status only.
    const stranger = await e2e.newPage(PHONE);
    await stranger.goto(`/lacak/${code}`);
    await stranger.getByText('Ditutup', { exact: false }).first().waitFor();
    expect(await stranger.getByText('Jalan provinsi amblas').count()).toBe(0);
    await axeCheck(stranger, 'public tracking page');
    await stranger.goto('/pengaduan');
    await stranger.getByRole('heading', { level: 1, name: 'Laporan warga' }).waitFor();
    await axeCheck(stranger, 'public feed');
    expect(await noSideScroll(stranger)).toBe(true);
  });

  let ownCode = '';
  let ownPage: Page;

  it('a signed-in citizen attaches a photo (a refused file is explained) and the officer sees it', async () => {
    const page = await e2e.newPage(PHONE);
    const login = await page.request.post('/api/v1/auth/login', {
      data: { email: DEMO_ACCOUNTS.citizen, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    await page.goto('/pengaduan/baru');
    await page.getByRole('link', { name: 'Laporan saya' }).waitFor();
    const form = page.getByRole('form', { name: 'Sampaikan laporan' });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.text === 'Jalan dan jembatan provinsi rusak'),
    );
    await selectByName(form.getByLabel('Kategori'), 'Jalan dan jembatan provinsi rusak');
    await form.getByLabel('Cari desa/kelurahan').fill('Kasemen');
    const region = form.getByLabel('Desa/kelurahan', { exact: true });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.text.startsWith('Kasemen — ')),
    );
    const value = await region.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith('Kasemen — '))!.value,
    );
    await region.selectOption(value);
    await form.getByLabel('Judul laporan').fill('Lampu jalan provinsi padam di Kasemen');
    await form
      .getByRole('textbox', { name: 'Isi laporan' })
      .fill('Sepuluh lampu penerangan jalan provinsi padam sejak pekan lalu, jalan gelap gulita.');

    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const files = form.getByLabel('Lampiran (opsional)');
    expect(await files.getAttribute('accept')).toContain('application/pdf');
    await files.setInputFiles([
      { name: 'lampu-padam.png', mimeType: 'image/png', buffer: png },
      { name: 'bukan-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hanya teks biasa, bukan PDF') },
    ]);
    await form.getByText('bukan-pdf.pdf ditolak: jenis berkas tidak didukung', { exact: false }).waitFor();
    const listed = form.getByTestId('complaint-files');
    await listed.getByText('Terunggah').waitFor();
    expect(await listed.getByRole('listitem').allTextContents()).toHaveLength(1);
    await listed.getByText('lampu-padam.png').waitFor();
    await form.getByRole('button', { name: 'Hapus lampu-padam.png' }).waitFor();
    await axeCheck(page, 'complaint form with an attachment');
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan terkirim' }).waitFor();
    ownCode = ((await page.getByTestId('complaint-code').textContent()) ?? '').trim();
    ownPage = page;

    const [row] = await e2e.t.ctx.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.code, ownCode));
    const officer = await e2e.newPage();
    await signIn(e2e, officer, DEMO_ACCOUNTS.operator_unit, { check: false });
    await officer.goto(`/konsol/pengaduan/${row!.id}`);
    await officer.getByRole('heading', { level: 2, name: 'Berkas terlampir' }).waitFor();
    const attached = officer.getByTestId('complaint-attachments');
    expect(await attached.getByRole('link').allTextContents()).toEqual(['lampu-padam.png']);
    await axeCheck(officer, 'complaint detail with an attachment');
  });

  it('the signed-in citizen finds the report under "Laporan saya"', async () => {
    await ownPage.goto('/pengaduan/baru');
    await ownPage.getByRole('link', { name: 'Laporan saya' }).click();
    await ownPage.getByRole('heading', { level: 1, name: 'Laporan saya' }).waitFor();
    const mine = ownPage.getByTestId('my-reports');
    await mine.getByRole('link', { name: new RegExp(ownCode) }).waitFor();
    expect(await mine.getByRole('link', { name: new RegExp(ownCode) }).textContent()).toContain(
      'Lampu jalan provinsi padam di Kasemen',
    );
    expect(await mine.getByText('Diterima', { exact: true }).count()).toBe(1);
    expect(await noSideScroll(ownPage)).toBe(true);
    await axeCheck(ownPage, 'my reports');

    const stranger = await e2e.newPage(PHONE);
    await stranger.goto('/pengaduan/saya');
    await stranger.getByText('Masuk dengan akun warga untuk melihat laporan Anda.', { exact: false }).waitFor();
    expect(await stranger.getByTestId('my-reports').count()).toBe(0);
  });

  it('the agency admin adds a category and citizens can choose it', async () => {
    const page = await e2e.newPage();
    await signIn(e2e, page, DEMO_ACCOUNTS.admin_instansi, { check: false });
    await page.goto('/konsol/pengaduan');
    await page.getByRole('link', { name: 'Kategori & pengarahan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kategori dan aturan pengarahan' }).waitFor();
    const tree = page.getByTestId('category-tree');
    await tree.getByText('Jalan dan jembatan provinsi rusak', { exact: true }).waitFor();
    await axeCheck(page, 'complaint categories admin');

    const add = page.getByRole('form', { name: 'Tambah kategori' });
    await selectByName(add.getByLabel('Induk'), 'Infrastruktur');
    await add.getByLabel('Kode').fill('infrastruktur.lampu-jalan');
    await add.getByLabel('Nama (Bahasa Indonesia)').fill('Lampu penerangan jalan padam');
    await add.getByLabel('Nama (Inggris)').fill('Street lights out');
    await add.getByLabel('Tingkat').selectOption('ringan');
    await add.getByLabel('Tenggat penyelesaian (hari kerja, opsional)').fill('5');
    await add.getByRole('button', { name: 'Tambah kategori' }).click();
    const item = tree.getByRole('listitem').filter({ hasText: 'Lampu penerangan jalan padam' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Ringan');
    expect(await item.textContent()).toContain('Tenggat (hari kerja): 5');
    await axeCheck(page, 'complaint categories admin after adding');

    await page.getByRole('button', { name: 'Ubah Lampu penerangan jalan padam' }).click();
    const edit = page.getByRole('form', { name: 'Ubah Lampu penerangan jalan padam' });
    await edit.getByLabel('Tingkat').selectOption('normatif');
    await edit.getByLabel('Tenggat penyelesaian (hari kerja, opsional)').fill('7');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await edit.waitFor({ state: 'detached' });
    await item.getByText('Tenggat (hari kerja): 7').waitFor();
    expect(await item.textContent()).toContain('Normatif');

    const rule = page.getByRole('form', { name: 'Tambah aturan' });
    await selectByName(rule.getByLabel('Kategori'), 'Lampu penerangan jalan padam');
    await rule.getByLabel('Awalan kode wilayah (opsional)').fill('36.73');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.text.trim() === 'Bidang Bina Marga'),
    );
    await selectByName(rule.getByLabel('Unit tujuan'), 'Bidang Bina Marga');
    await rule.getByRole('button', { name: 'Tambah aturan' }).click();
    const rules = page.getByTestId('routing-rules');
    await rules.getByText('Lampu penerangan jalan padam · 36.73 → Bidang Bina Marga').waitFor();

    const form = await e2e.newPage(PHONE);
    await form.goto('/pengaduan/baru');
    await form.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.text === 'Lampu penerangan jalan padam'),
    );
    await selectByName(
      form.getByRole('form', { name: 'Sampaikan laporan' }).getByLabel('Kategori'),
      'Lampu penerangan jalan padam',
    );
  });
});
