// Online services in a real browser: an admin publishes a service with its standard and form; a citizen on a
// 360 px phone applies as a guest, is returned for one correction, fixes it, pays through the test-double
// gateway and downloads the PDF; the verification page confirms it and calls a tampered copy invalid; the
// console's figures match the records. axe-core checks every page.
import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/core/auth/seed-demo-accounts';
import { services } from '../src/modules/services/schema';
import { selectByName, signIn } from './console-helpers';
import { type E2E, PHONE, axeCheck, snap, startE2E } from './harness';

let e2e: E2E;
let citizen: Page;
let applicationUrl: string;
let pdfPath: string;
let documentId: string;

const SERVICE = 'Izin Pemasangan Spanduk Uji';
const DPUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';

beforeAll(async () => {
  e2e = await startE2E();
});

async function staffPage(email: string): Promise<Page> {
  const page = await e2e.newPage();
  await signIn(e2e, page, email, { check: false });
  return page;
}

describe('online services', () => {
  it('an admin publishes a service with its standard, form and workflow', async () => {
    const page = await staffPage(DEMO_ACCOUNTS.admin_instansi);
    await page.goto('/konsol/layanan');
    await page.getByRole('heading', { level: 1, name: 'Layanan' }).waitFor();
    const form = page.getByRole('region', { name: 'Terbitkan layanan baru' });
    await form.getByLabel('Kode layanan').fill('SPANDUK');
    await form.getByLabel('Nama layanan').fill(SERVICE);
    await form.getByLabel('Ringkasan').fill('Izin pemasangan spanduk sementara di ruang milik jalan provinsi.');
    await selectByName(form.getByLabel('Unit', { exact: true }).first(), DPUPR);
    await form.getByLabel('Biaya (Rp, 0 = gratis)').fill('25000');
    for (const label of [
      'Persyaratan',
      'Sistem, mekanisme, dan prosedur',
      'Jangka waktu penyelesaian',
      'Biaya/tarif',
      'Produk pelayanan',
      'Penanganan pengaduan, saran, dan masukan',
      'Dasar hukum',
      'Sarana, prasarana, dan/atau fasilitas',
      'Kompetensi pelaksana',
      'Pengawasan internal',
      'Jumlah pelaksana',
      'Jaminan pelayanan',
      'Jaminan keamanan dan keselamatan pelayanan',
      'Evaluasi kinerja pelaksana',
    ]) {
      await form.getByLabel(label, { exact: true }).fill(`${label} untuk spanduk`);
    }
    const fields: [string, string, string, string][] = [
      ['nama_usaha', 'Nama usaha', 'Business name', 'text'],
      ['nik', 'NIK pemohon', 'Applicant NIK', 'nik'],
      ['jumlah', 'Jumlah spanduk', 'Number of banners', 'number'],
      ['ktp', 'Pindaian KTP', 'ID card scan', 'file'],
    ];
    for (const [i, [key, id, en, type]] of fields.entries()) {
      if (i > 0) await form.getByRole('button', { name: 'Tambah isian' }).click();
      const row = form.getByTestId(`field-row-${i}`);
      await row.getByLabel('Kunci').fill(key);
      await row.getByLabel('Label (Bahasa Indonesia)').fill(id);
      await row.getByLabel('Label (Inggris)').fill(en);
      await row.getByLabel('Jenis isian').selectOption(type);
    }
    const steps: [string, string, string, string][] = [
      ['Pemeriksaan kelengkapan', 'Completeness check', 'operator_unit', '2'],
      ['Persetujuan kepala dinas', 'Approval by head of unit', 'kepala_unit', '3'],
    ];
    for (const [i, [id, en, role, days]] of steps.entries()) {
      if (i > 0) await form.getByRole('button', { name: 'Tambah tahap' }).click();
      const row = form.getByTestId(`step-row-${i}`);
      await row.getByLabel('Nama tahap (Bahasa Indonesia)').fill(id);
      await row.getByLabel('Nama tahap (Inggris)').fill(en);
      await row.getByLabel('Peran').selectOption(role);
      await selectByName(row.getByLabel('Unit'), DPUPR);
      await row.getByLabel('Hari kerja').fill(days);
    }
    await axeCheck(page, 'service publication form');
    await form.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByText('Layanan diterbitkan (versi 1).').waitFor();
    await page.getByRole('link', { name: SERVICE }).waitFor();
    await snap(page, 'services-admin');
  });

  it('a citizen on a 360 px phone finds the service and applies as a guest', async () => {
    citizen = await e2e.newPage(PHONE);
    await citizen.goto('/layanan');
    await citizen.getByRole('heading', { level: 1, name: 'Layanan publik daring' }).waitFor();
    await axeCheck(citizen, 'catalogue (360 px)');
    await citizen.getByLabel('Cari layanan').fill('spanduk uji');
    await citizen.getByRole('button', { name: 'Cari' }).click();
    await citizen.getByRole('link', { name: SERVICE }).click();
    await citizen.getByRole('heading', { level: 1, name: SERVICE }).waitFor();
    const facts = citizen.locator('dl.facts').first();
    expect(await facts.textContent()).toContain('Rp25.000');
    expect(await facts.textContent()).toContain('5 hari kerja');
    expect(await citizen.getByRole('heading', { name: 'Standar pelayanan' }).count()).toBe(1);
    expect(await citizen.getByText('Evaluasi kinerja pelaksana untuk spanduk').count()).toBe(1);
    await axeCheck(citizen, 'service page (360 px)');
    await snap(citizen, 'services-service-360');
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await citizen.getByLabel('Nama pemohon (wajib)').fill('Rina Marlina');
    await citizen.getByLabel('E-mail untuk pemberitahuan (opsional)').fill('rina@example.id');
    await citizen.getByLabel('Nama usaha (wajib)').fill('Warung Rina');
    await citizen.getByLabel('NIK pemohon (wajib)').fill('3673016203910002');
    await citizen.getByLabel('Jumlah spanduk (wajib)').fill('tiga');
    await citizen
      .getByLabel('Pindaian KTP (wajib)')
      .setInputFiles({ name: 'ktp.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
    // The server names the wrong field, beside it.
    await citizen.getByText('Isian "Jumlah spanduk" harus berupa angka.').first().waitFor();
    await axeCheck(citizen, 'application form with an error (360 px)');
    await citizen.getByLabel('Jumlah spanduk (wajib)').fill('30');
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
    await citizen.getByRole('heading', { level: 1, name: /^Permohonan LYN-/ }).waitFor();
    expect(await citizen.getByTestId('application-status').textContent()).toBe('Sedang diproses');
    applicationUrl = citizen.url();
    expect(applicationUrl).toMatch(/\/layanan\/permohonan\/[0-9a-f-]{36}#token=/);
    await axeCheck(citizen, 'application page (360 px)');
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('the operator returns it for one correction and the citizen fixes exactly that field', async () => {
    const operator = await staffPage(DEMO_ACCOUNTS.operator_unit);
    await operator.goto('/konsol/layanan/antrean?mine=true');
    await operator.getByRole('heading', { level: 1, name: 'Antrean permohonan' }).waitFor();
    await axeCheck(operator, 'queue');
    const code = /Permohonan (LYN-[A-Z0-9-]+)/.exec(
      (await citizen.getByRole('heading', { level: 1 }).textContent()) ?? '',
    )![1]!;
    await operator.getByRole('link', { name: code }).click();
    await operator.getByRole('heading', { level: 1, name: `Permohonan ${code}` }).waitFor();
    await axeCheck(operator, 'application in the console');
    await operator.getByLabel('Jumlah spanduk').check();
    await operator.getByLabel('Catatan untuk pemohon').fill('Paling banyak 10 spanduk per izin.');
    await operator.getByRole('button', { name: 'Kembalikan' }).click();
    await operator.getByTestId('staff-status').getByText('Dikembalikan untuk perbaikan').waitFor();

    await citizen.reload();
    const correction = citizen.getByRole('region', { name: 'Perbaikan diminta' });
    await correction.waitFor();
    expect(await correction.textContent()).toContain('Paling banyak 10 spanduk per izin.');
    expect(await correction.getByRole('listitem').allTextContents()).toEqual(['Jumlah spanduk']);
    // Only the returned field is offered.
    expect(await citizen.getByLabel('Nama usaha (wajib)').count()).toBe(0);
    await axeCheck(citizen, 'correction requested (360 px)');
    await snap(citizen, 'services-correction-360');
    await citizen.getByLabel('Jumlah spanduk (wajib)').fill('8');
    await citizen.getByRole('button', { name: 'Kirim perbaikan' }).click();
    await citizen.getByTestId('application-status').getByText('Sedang diproses').waitFor();

    await operator.reload();
    await operator.getByRole('button', { name: 'Setujui tahap ini' }).click();
    await operator.getByText('Tersimpan.').waitFor();
    const kepala = await staffPage(DEMO_ACCOUNTS.kepala_unit);
    await kepala.goto(`/konsol/layanan/permohonan/${applicationUrl.split('/').pop()!.split('#')[0]}`);
    await kepala.getByRole('button', { name: 'Setujui tahap ini' }).click();
    await kepala.getByTestId('staff-status').getByText('Menunggu pembayaran').waitFor();
  });

  it('the citizen pays the published fee and downloads the document', async () => {
    await citizen.reload();
    await citizen.getByTestId('application-status').getByText('Menunggu pembayaran').waitFor();
    const payment = citizen.getByRole('region', { name: 'Pembayaran' });
    expect(await payment.textContent()).toContain('Rp25.000');
    await axeCheck(citizen, 'payment (360 px)');
    await payment.getByRole('button', { name: 'Bayar (gerbang pembayaran uji)' }).click();
    await citizen.getByTestId('application-status').getByText('Selesai').waitFor();
    const download = citizen.waitForEvent('download');
    await citizen.getByRole('button', { name: 'Unduh dokumen (PDF)' }).click();
    pdfPath = (await (await download).path())!;
    const pdf = fs.readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await axeCheck(citizen, 'completed application (360 px)');
    await citizen.getByRole('link', { name: 'Halaman verifikasi' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Verifikasi dokumen' }).waitFor();
    documentId = citizen.url().split('/').pop()!;
    // The QR code in the PDF points to this page.
    const embedded = /\/PamongContent (\d+) 0 R/.exec(pdf.toString('latin1'))!;
    const raw = new RegExp(`\\n${embedded[1]} 0 obj\\n\\(([^)]*)\\)`).exec(pdf.toString('latin1'))![1]!;
    expect(JSON.parse(Buffer.from(raw, 'base64url').toString()).documentId).toBe(documentId);
  });

  it('the verification page confirms the document and calls a tampered copy invalid', async () => {
    const verdict = citizen.getByTestId('verdict');
    await verdict.getByRole('heading', { name: 'Dokumen valid' }).waitFor();
    expect(await verdict.textContent()).toContain(SERVICE);
    await axeCheck(citizen, 'verification page (360 px)');

    await citizen.getByLabel('Berkas PDF', { exact: true }).setInputFiles(pdfPath);
    await citizen.getByRole('button', { name: 'Periksa berkas' }).click();
    await citizen
      .getByTestId('compare-result')
      .getByText('Berkas sama persis dengan dokumen yang diterbitkan.')
      .waitFor();

    // A forger changes the holder's name in the document's embedded content.
    const original = fs.readFileSync(pdfPath).toString('latin1');
    const ref = /\/PamongContent (\d+) 0 R/.exec(original)!;
    const b64 = new RegExp(`\\n${ref[1]} 0 obj\\n\\(([^)]*)\\)`).exec(original)![1]!;
    const content = JSON.parse(Buffer.from(b64, 'base64url').toString());
    expect(content.holderName).toBe('Rina Marlina');
    const forged = Buffer.from(JSON.stringify({ ...content, holderName: 'Rina Marlini' })).toString('base64url');
    const changed = Buffer.from(original.replace(b64, forged), 'latin1');
    await citizen
      .getByLabel('Berkas PDF', { exact: true })
      .setInputFiles({ name: 'dokumen.pdf', mimeType: 'application/pdf', buffer: changed });
    await citizen.getByRole('button', { name: 'Periksa berkas' }).click();
    const result = citizen.getByTestId('compare-result');
    await result.getByRole('heading', { name: 'Tidak valid' }).waitFor();
    expect(await result.getByRole('listitem').allTextContents()).toEqual([
      'Tanda tangan elektronik pada berkas tidak cocok dengan isinya.',
      'Isi dokumen berbeda dengan yang diterbitkan.',
      'Berkas berbeda dengan berkas yang diterbitkan (telah diubah).',
    ]);
    await axeCheck(citizen, 'tampered copy (360 px)');
    await snap(citizen, 'services-verify-360');
  });

  it('the console figures per service match the records', async () => {
    const [svc] = await e2e.t.ctx.db.select({ id: services.id }).from(services).where(eq(services.name, SERVICE));
    const rows = await e2e.t.ctx.db.execute<{ submitted: number; completed: number; on_time: number }>(sql`
      select count(*)::int as submitted,
             count(*) filter (where status = 'completed')::int as completed,
             count(*) filter (where status = 'completed' and on_time = 1)::int as on_time
      from services_applications where service_id = ${svc!.id} and status <> 'draft'`);
    expect(rows.rows[0]).toEqual({ submitted: 1, completed: 1, on_time: 1 });
    const admin = await staffPage(DEMO_ACCOUNTS.admin_instansi);
    await admin.goto('/konsol/layanan/statistik');
    const row = admin.getByRole('row', { name: new RegExp(SERVICE) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 7)).toEqual(['1', '0', '0', '0', '1', '0', '100%']);
    await axeCheck(admin, 'service statistics');
    const page = await e2e.newPage(PHONE);
    await page.goto(`/layanan/${svc!.id}`);
    await page.getByText('1 dari 1 permohonan selesai tepat waktu (100%)').first().waitFor();
    expect(documentId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** A tiny valid PDF. */
function pdfBytes(): Buffer {
  const body =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return Buffer.from(body);
}
