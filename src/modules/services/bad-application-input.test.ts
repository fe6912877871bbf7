// Bad input to applications: every wrong field, file or caller gets a clear 4xx naming the field in both
// languages, and nothing is stored.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { type Agent, anonymous, loginAs } from '../../../test/auth';
import { GOOD_VALUES, smallPdf, smallPng, testDefinition, unitId, upload } from './test-support';

let t: TestApp;
let guest: Agent;
let serviceId: string;

const counts = async () => {
  const r = await t.ctx.db.execute<{ apps: number; claimed: number; audit: number }>(sql`
    select (select count(*)::int from services_applications) as apps,
           (select count(*)::int from core_attachments where owner_type is not null) as claimed,
           (select count(*)::int from core_audit_entries) as audit`);
  return r.rows[0];
};

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
  guest = anonymous(t);
  const dpupr = await unitId(t, 'banten', 'Dinas Pekerjaan Umum dan Penataan Ruang');
  const admin = await loginAs(t, 'admin_instansi');
  const res = await admin.inject({
    method: 'POST',
    url: '/api/v1/services/admin/services',
    payload: { unitId: dpupr, code: 'BAD', name: 'Layanan uji masukan', definition: testDefinition(dpupr) },
  });
  serviceId = res.json().id;
});

async function apply(values: Record<string, unknown>, files?: Record<string, unknown>) {
  return guest.inject({
    method: 'POST',
    url: '/api/v1/services/applications',
    payload: { serviceId, applicant: { name: 'Budi Santoso', email: 'budi@example.id' }, values, files, submit: true },
  });
}

describe('application input', () => {
  it.each([
    ['luas', 'dua belas', 'not_number', 'Isian "Luas (m²)" harus berupa angka.', 'Field "Area (m²)" must be a number.'],
    ['luas', 5000, 'above_max', 'Isian "Luas (m²)" paling besar 1000.', 'Field "Area (m²)" must be at most 1000.'],
    [
      'nik',
      '36730115019000',
      'nik_shape',
      'Isian "NIK pemohon" harus berupa NIK 16 digit angka.',
      'Field "Applicant’s NIK" must be a 16-digit NIK.',
    ],
    ['nik', '3673019901900001', 'nik_birth_date', null, null],
    [
      'nik',
      '3673011501900000',
      'nik_serial',
      'Isian "NIK pemohon" tidak boleh diakhiri 0000.',
      'Field "Applicant’s NIK" must not end in 0000.',
    ],
    [
      'nik',
      '3673991501900001',
      'nik_region',
      'Isian "NIK pemohon" diawali kode wilayah 367399 yang bukan kecamatan terdaftar.',
      'Field "Applicant’s NIK" starts with region code 367399, which is not a registered kecamatan.',
    ],
    ['wilayah', '36.73.99.9999', 'region_unknown', null, null],
    ['wilayah', 'Serang', 'region_shape', null, null],
    [
      'nib',
      '12345',
      'nib_shape',
      'Isian "NIB" harus berupa NIB 13 digit angka.',
      'Field "NIB" must be a 13-digit NIB.',
    ],
    ['tanggal', '2026-02-30', 'not_date', null, null],
    ['jenis', 'spanduk', 'not_option', null, null],
    ['nama_usaha', 'x'.repeat(101), 'too_long', null, null],
    ['warna', 'merah', 'unknown_field', null, null],
  ])('refuses %s = %j (%s) and stores nothing', async (key, value, problem, id, en) => {
    const before = await counts();
    const ktp = await upload(guest, await smallPdf(), 'ktp.pdf', 'application/pdf');
    const res = await apply({ ...GOOD_VALUES, [key]: value }, { ktp: { id: ktp.id, claimToken: ktp.claimToken } });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('FIELD_INVALID');
    expect(err.details.fields).toHaveLength(1);
    expect(err.details.fields[0]).toMatchObject({ field: key, problem });
    if (id) expect(err.details.fields[0].message).toEqual({ id, en });
    expect(err.messages.id).toContain('Isian "');
    expect(err.messages.en).toContain('Field "');
    expect(await counts()).toEqual(before);
  });

  it('refuses a mislabelled file (a PNG named .pdf) for a PDF-only requirement', async () => {
    const before = await counts();
    const png = await upload(guest, await smallPng(), 'ktp.pdf', 'application/pdf');
    expect(png.statusCode).toBe(201);
    const res = await apply(GOOD_VALUES, { ktp: { id: png.id, claimToken: png.claimToken } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({
      field: 'ktp',
      problem: 'file_type',
      message: {
        id: 'Isian "Pindaian KTP" harus berkas PDF (berkas yang dikirim PNG).',
        en: 'Field "ID card scan" must be a PDF file (the file sent is PNG).',
      },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a file larger than the requirement allows', async () => {
    const before = await counts();
    const big = await upload(
      guest,
      Buffer.concat([Buffer.from('%PDF-1.4\n%'), randomBytes(150_000), Buffer.from('\n%%EOF\n')]),
      'besar.pdf',
      'application/pdf',
    );
    expect(big.statusCode).toBe(201);
    const res = await apply(GOOD_VALUES, { ktp: { id: big.id, claimToken: big.claimToken } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'ktp', problem: 'file_size' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a file claimed with the wrong token, and a value sent for a file field', async () => {
    const before = await counts();
    const ktp = await upload(guest, await smallPdf(), 'ktp.pdf', 'application/pdf');
    const wrong = await apply(GOOD_VALUES, { ktp: { id: ktp.id, claimToken: 'not-the-token' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('ATTACHMENT_CLAIM');
    const asValue = await apply({ ...GOOD_VALUES, ktp: 'ktp.pdf' });
    expect(asValue.json().error.details.fields[0]).toMatchObject({ field: 'ktp', problem: 'file_expected' });
    expect(await counts()).toEqual(before);
  });

  it('asks guests for a name, refuses staff accounts and accounts without a verified e-mail', async () => {
    const operator = await loginAs(t, 'operator_unit');
    const citizen = await loginAs(t, 'citizen');
    const before = await counts();
    const noName = await guest.inject({
      method: 'POST',
      url: '/api/v1/services/applications',
      payload: { serviceId, values: {} },
    });
    expect(noName.statusCode).toBe(400);
    const staff = await operator.inject({
      method: 'POST',
      url: '/api/v1/services/applications',
      payload: { serviceId, values: {} },
    });
    expect(staff.statusCode).toBe(403);
    await t.ctx.db.execute(sql`update core_users set email_verified_at = null where email = 'warga@pamong.test'`);
    const unverified = await citizen.inject({
      method: 'POST',
      url: '/api/v1/services/applications',
      payload: { serviceId, values: {} },
    });
    expect(unverified.statusCode).toBe(403);
    expect(unverified.json().error.messages.en).toBe('Verify your account’s e-mail address first.');
    await t.ctx.db.execute(sql`update core_users set email_verified_at = now() where email = 'warga@pamong.test'`);
    expect(await counts()).toEqual(before);
  });

  it('lets a verified citizen apply from the account and list it', async () => {
    const citizen = await loginAs(t, 'citizen');
    const ktp = await upload(citizen, await smallPdf(), 'ktp.pdf', 'application/pdf');
    const res = await citizen.inject({
      method: 'POST',
      url: '/api/v1/services/applications',
      payload: {
        serviceId,
        values: GOOD_VALUES,
        files: { ktp: { id: ktp.id, claimToken: ktp.claimToken } },
        submit: true,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'in_review', accessToken: null });
    const mine = await citizen.inject({ method: 'GET', url: '/api/v1/services/my-applications' });
    expect(mine.json().map((a: { id: string; serviceName: string }) => [a.id, a.serviceName])).toEqual([
      [res.json().id, 'Layanan uji masukan'],
    ]);
    const view = await citizen.inject({ method: 'GET', url: `/api/v1/services/applications/${res.json().id}` });
    expect(view.json().applicant).toMatchObject({ name: 'Warga Demo', hasAccount: true });
    // Another caller without the account sees nothing.
    expect(
      (await guest.inject({ method: 'GET', url: `/api/v1/services/applications/${res.json().id}` })).statusCode,
    ).toBe(404);
    // The account's upload can be downloaded by its owner.
    expect((await citizen.inject({ method: 'GET', url: `/api/v1/files/${ktp.id}` })).statusCode).toBe(200);
    expect((await guest.inject({ method: 'GET', url: `/api/v1/files/${ktp.id}` })).statusCode).toBe(403);
  });

  it('refuses an unsigned webhook, a bulk action on a step not held, and changes nothing', async () => {
    const operator = await loginAs(t, 'operator_unit');
    const kepala = await loginAs(t, 'kepala_unit');
    const before = await counts();
    const unsigned = await guest.inject({
      method: 'POST',
      url: '/api/v1/services/payments/webhook',
      payload: { id: 'x', paymentCode: '1', amount: 1, status: 'paid' },
    });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.code).toBe('WEBHOOK_UNSIGNED');
    const queue = await operator.inject({ method: 'GET', url: '/api/v1/services/admin/queue' });
    const ids = queue.json().items.map((i: { id: string }) => i.id);
    expect(ids.length).toBeGreaterThan(0);
    const bulk = await kepala.inject({
      method: 'POST',
      url: '/api/v1/services/admin/applications/bulk',
      payload: { ids, action: 'approve', stepIndex: 0 },
    });
    expect(bulk.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const ok = await operator.inject({
      method: 'POST',
      url: '/api/v1/services/admin/applications/bulk',
      payload: { ids, action: 'approve', stepIndex: 0 },
    });
    expect(ok.json()).toEqual({ done: ids.length });
  });
});
