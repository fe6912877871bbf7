// The whole life of an application, through the API: an admin publishes a service, a guest applies, is
// returned for one correction, fixes it, the officers approve, the guest pays through the test-double
// gateway, the document is issued, verified, a tampered copy is refused, and the figures add up.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { type Agent, anonymous, loginAs, loginWith } from '../../../test/auth';
import { DEMO_OTHER_AGENCY_ACCOUNTS, DEMO_PASSWORD } from '../../core/auth/seed-demo-accounts';
import { attachments } from '../../core/files/schema';
import { UNCLAIMED_TTL_MS, sweepUnclaimedFiles } from '../../core/files/sweep-unclaimed';
import { outbox } from '../../core/outbox/schema';
import { testDoubleGateway } from './gateway';
import { servicesModule } from './index';
import { documents } from './schema';
import { GOOD_VALUES, smallPdf, testDefinition, unitId, upload } from './test-support';

let t: TestApp;
let guest: Agent;
let dpupr: string;
let serviceId: string;
let appId: string;
let tracking: string;
let token: string;
let documentId: string;
let pdf: Buffer;

const asGuest = (opts: Parameters<Agent['inject']>[0]) =>
  guest.inject({ ...opts, headers: { ...(opts.headers ?? {}), 'x-application-token': token } });

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 WIB: a working day.
  t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
  guest = anonymous(t);
  dpupr = await unitId(t, 'banten', 'Dinas Pekerjaan Umum dan Penataan Ruang');
});

describe('an application from publication to verified document', () => {
  it('publishes a service whose catalogue page shows its standard, fee and days', async () => {
    const res = await (await loginAs(t, 'admin_instansi')).inject({
      method: 'POST',
      url: '/api/v1/services/admin/services',
      payload: {
        unitId: dpupr,
        code: 'IREK',
        name: 'Izin Reklame Uji',
        summary: 'Layanan uji',
        definition: testDefinition(dpupr),
      },
    });
    expect(res.statusCode).toBe(201);
    serviceId = res.json().id;
    const page = await guest.inject({ method: 'GET', url: `/api/v1/services/catalogue/${serviceId}` });
    expect(page.statusCode).toBe(200);
    const s = page.json();
    expect(s.feeRupiah).toBe(50000);
    expect(s.durationDays).toBe(5);
    expect(s.standard.persyaratan).toEqual(['Pindaian KTP-el (PDF)']);
    expect(Object.keys(s.standard).sort()).toEqual([
      'biaya',
      'dasarHukum',
      'evaluasiKinerja',
      'jaminanKeamanan',
      'jaminanPelayanan',
      'jangkaWaktu',
      'jumlahPelaksana',
      'kompetensiPelaksana',
      'pengaduan',
      'pengawasanInternal',
      'persyaratan',
      'produk',
      'prosedur',
      'sarana',
    ]);
    expect(
      s.steps.map((x: { days: number; unitName: string; roleLabel: { id: string } }) => [
        x.days,
        x.unitName,
        x.roleLabel.id,
      ]),
    ).toEqual([
      [2, 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Operator unit'],
      [3, 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Kepala unit'],
    ]);
    expect(s.record).toEqual({ submitted: 0, finished: 0, onTime: 0, onTimePct: null });
    const search = await guest.inject({
      method: 'GET',
      url: '/api/v1/services/catalogue?q=reklame%20uji&agency=banten',
    });
    expect(search.json().items.map((i: { id: string }) => i.id)).toEqual([serviceId]);
  });

  it('keeps a guest draft and submits it with every field checked', async () => {
    const ktp = await upload(guest, await smallPdf(), 'ktp.pdf', 'application/pdf');
    expect(ktp.statusCode).toBe(201);
    const draft = await guest.inject({
      method: 'POST',
      url: '/api/v1/services/applications',
      payload: {
        serviceId,
        applicant: { name: 'Siti Aminah', email: 'siti@example.id' },
        values: { nama_usaha: 'Toko Maju Jaya' },
        submit: false,
      },
    });
    expect(draft.statusCode).toBe(201);
    ({ id: appId, trackingCode: tracking, accessToken: token } = draft.json());
    expect(draft.json().status).toBe('draft');
    expect(tracking).toMatch(/^LYN-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // Without the token the application does not exist for this caller.
    expect((await guest.inject({ method: 'GET', url: `/api/v1/services/applications/${appId}` })).statusCode).toBe(404);

    const early = await asGuest({ method: 'POST', url: `/api/v1/services/applications/${appId}/submit`, payload: {} });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'nik',
      'wilayah',
      'luas',
      'jenis',
      'ktp',
    ]);

    const { nama_usaha: _n, ...rest } = GOOD_VALUES;
    const sent = await asGuest({
      method: 'POST',
      url: `/api/v1/services/applications/${appId}/submit`,
      payload: { values: rest, files: { ktp: { id: ktp.id, claimToken: ktp.claimToken } } },
    });
    expect(sent.statusCode).toBe(200);
    const view = sent.json();
    expect(view.status).toBe('in_review');
    expect(view.service.version).toBe(1);
    expect(view.data.nama_usaha).toBe('Toko Maju Jaya');
    expect(view.data.ktp).toBe(ktp.id);
    expect(view.files.map((f: { mime: string }) => f.mime)).toEqual(['application/pdf']);
    expect(view.payment).toMatchObject({ amountRupiah: 50000, status: 'pending' });
    expect(view.payment.code).toMatch(/^88\d{12}$/);
    // 5 working days from Monday 2 March: Monday 9 March, end of day WIB.
    expect(view.deadlineAt).toBe('2026-03-09T16:59:59.999Z');
    expect(view.steps.map((s: { state: string }) => s.state)).toEqual(['current', 'pending']);

    const tracked = await guest.inject({ method: 'GET', url: `/api/v1/services/track/${tracking}` });
    expect(tracked.json()).toMatchObject({ status: 'in_review', stepIndex: 0, serviceName: 'Izin Reklame Uji' });
  });

  it('refuses actions out of turn and changes nothing', async () => {
    const wrongRole = await (await loginAs(t, 'kepala_unit')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${appId}/actions`,
      payload: { action: 'approve', stepIndex: 0 },
    });
    expect(wrongRole.statusCode).toBe(403);
    const wrongStep = await (await loginAs(t, 'operator_unit')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${appId}/actions`,
      payload: { action: 'approve', stepIndex: 1 },
    });
    expect(wrongStep.statusCode).toBe(409);
    expect(wrongStep.json().error.code).toBe('STEP_MISMATCH');
    const otherAgency = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.operator_unit, DEMO_PASSWORD);
    const elsewhere = await otherAgency.inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${appId}/actions`,
      payload: { action: 'approve', stepIndex: 0 },
    });
    expect(elsewhere.statusCode).toBe(404);
    const view = await (await loginAs(t, 'operator_unit')).inject({
      method: 'GET',
      url: `/api/v1/services/admin/applications/${appId}`,
    });
    expect(view.json()).toMatchObject({ status: 'in_review', stepIndex: 0, events: [{ action: 'submitted' }] });
  });

  it('returns the application for one correction, pausing the clock', async () => {
    t.clock.set('2026-03-03T03:00:00Z'); // Tuesday
    const res = await (await loginAs(t, 'operator_unit')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${appId}/actions`,
      payload: {
        action: 'return',
        stepIndex: 0,
        note: 'Luas tidak sesuai foto lokasi.',
        fields: [{ key: 'luas', note: 'Ukur ulang' }],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', deadlineAt: null });

    // Nobody acts on a returned application.
    const act = await (await loginAs(t, 'operator_unit')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${appId}/actions`,
      payload: { action: 'approve', stepIndex: 0 },
    });
    expect(act.statusCode).toBe(409);
    expect(act.json().error.code).toBe('NOT_IN_REVIEW');

    const mine = await asGuest({ method: 'GET', url: `/api/v1/services/applications/${appId}` });
    expect(mine.json().returnedFields).toEqual([{ key: 'luas', note: 'Ukur ulang' }]);
    expect(mine.json().returnNote).toBe('Luas tidak sesuai foto lokasi.');

    // Only the returned field may change, and it must change.
    const other = await asGuest({
      method: 'POST',
      url: `/api/v1/services/applications/${appId}/submit`,
      payload: { values: { nama_usaha: 'Lain' } },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.fields[0]).toMatchObject({ field: 'nama_usaha', problem: 'not_returned' });
    const same = await asGuest({ method: 'POST', url: `/api/v1/services/applications/${appId}/submit`, payload: {} });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details.fields[0]).toMatchObject({ field: 'luas', problem: 'not_corrected' });

    // The applicant answers the next Monday: the four working days waited do not count.
    t.clock.set('2026-03-09T02:00:00Z');
    const fixed = await asGuest({
      method: 'POST',
      url: `/api/v1/services/applications/${appId}/submit`,
      payload: { values: { luas: 8 } },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'in_review', stepIndex: 0, returnedFields: [] });
    expect(fixed.json().data.luas).toBe(8);
    // One working day used (Tuesday), four left from Monday 9 March: Friday 13 March.
    expect(fixed.json().deadlineAt).toBe('2026-03-13T16:59:59.999Z');
  });

  it('moves through both steps and waits for the payment', async () => {
    const first = await (await loginAs(t, 'operator_unit')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${appId}/actions`,
      payload: { action: 'approve', stepIndex: 0 },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'in_review', stepIndex: 1 });
    t.clock.set('2026-03-10T02:00:00Z');
    const queue = await (await loginAs(t, 'kepala_unit')).inject({
      method: 'GET',
      url: '/api/v1/services/admin/queue?mine=true',
    });
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(appId);
    const second = await (await loginAs(t, 'kepala_unit')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${appId}/actions`,
      payload: { action: 'approve', stepIndex: 1 },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'awaiting_payment', document: null });
  });

  it('takes only the published fee, through a signed, fresh, never replayed webhook', async () => {
    const asked = await asGuest({
      method: 'POST',
      url: `/api/v1/services/applications/${appId}/payment`,
      payload: { amountRupiah: 75000 },
    });
    expect(asked.statusCode).toBe(400);
    expect(asked.json().error.code).toBe('FEE_MISMATCH');
    const pay = await asGuest({ method: 'POST', url: `/api/v1/services/applications/${appId}/payment`, payload: {} });
    const code = pay.json().code as string;
    const gw = testDoubleGateway(t.ctx);
    const send = (e: { rawBody: string; headers: Record<string, string> }) =>
      guest.inject({
        method: 'POST',
        url: '/api/v1/services/payments/webhook',
        headers: e.headers,
        payload: e.rawBody,
      });

    const wrongAmount = await send(gw.paidEvent(code, 40000, t.clock.now()));
    expect(wrongAmount.statusCode).toBe(400);
    expect(wrongAmount.json().error.code).toBe('FEE_MISMATCH');
    const stale = await send(gw.paidEvent(code, 50000, new Date(t.clock.now().getTime() - 10 * 60_000)));
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.code).toBe('WEBHOOK_STALE');
    const forged = gw.paidEvent(code, 50000, t.clock.now());
    const tampered = await send({ ...forged, rawBody: forged.rawBody.replace('50000', '5000') });
    expect(tampered.statusCode).toBe(401);
    expect((await asGuest({ method: 'GET', url: `/api/v1/services/applications/${appId}` })).json().status).toBe(
      'awaiting_payment',
    );

    const good = gw.paidEvent(code, 50000, t.clock.now(), 'evt_once');
    const paid = await send(good);
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toEqual({ status: 'paid', applicationStatus: 'completed' });
    const replay = await send(good);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('WEBHOOK_REPLAY');

    const done = (await asGuest({ method: 'GET', url: `/api/v1/services/applications/${appId}` })).json();
    expect(done).toMatchObject({ status: 'completed', onTime: true, payment: { status: 'paid' } });
    documentId = done.document.id;
    expect(done.document.number).toBe('0001/IREK/2026');
  });

  it('emits services.completed for the surveys module and e-mails the applicant', async () => {
    const events = await t.ctx.db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(eq(outbox.topic, 'services.completed'));
    expect(events.map((e) => e.payload)).toContainEqual({
      agencyId: expect.any(String),
      unitId: dpupr,
      serviceId,
      transactionType: 'application',
      transactionId: appId,
      trackingCode: tracking,
      recipientEmail: 'siti@example.id',
    });
    const mails = await t.ctx.db
      .select({ subject: sql<string>`${outbox.payload}->>'subject'` })
      .from(outbox)
      .where(and(eq(outbox.topic, 'email'), sql`${outbox.payload}->>'to' = 'siti@example.id'`));
    expect(mails.map((m) => m.subject.replace(`[${tracking}] `, '').split(' / ')[0])).toEqual([
      'Permohonan diterima',
      'Permohonan dikembalikan untuk diperbaiki',
      'Permohonan diterima',
      'Permohonan maju ke tahap berikutnya',
      'Menunggu pembayaran retribusi',
      'Permohonan selesai, dokumen terbit',
    ]);
  });

  it('gives the applicant the PDF, which the verification page confirms; a changed copy is invalid', async () => {
    const res = await asGuest({ method: 'GET', url: `/api/v1/services/applications/${appId}/document.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await guest.inject({ method: 'GET', url: `/api/v1/services/applications/${appId}/document.pdf` })).statusCode,
    ).toBe(404);

    const status = await guest.inject({ method: 'GET', url: `/api/v1/services/documents/${documentId}/verification` });
    expect(status.json()).toMatchObject({
      status: 'valid',
      document: { number: '0001/IREK/2026', holderName: 'S*** A*****', serviceName: 'Izin Reklame Uji' },
    });

    const check = (bytes: Buffer) =>
      guest.inject({
        method: 'POST',
        url: `/api/v1/services/documents/${documentId}/verify-file`,
        headers: { 'content-type': 'application/pdf' },
        payload: bytes,
      });
    const same = await check(pdf);
    expect(same.json()).toMatchObject({ status: 'valid', reasons: [] });

    // Change the holder's name inside the embedded content (and nothing else).
    const text = pdf.toString('latin1');
    const m = /\/PamongContent (\d+) 0 R/.exec(text)!;
    const obj = new RegExp(`\\n${m[1]} 0 obj\\n\\(([^)]*)\\)`).exec(text)!;
    const content = JSON.parse(Buffer.from(obj[1]!, 'base64url').toString());
    expect(content.holderName).toBe('Siti Aminah');
    const forgedB64 = Buffer.from(JSON.stringify({ ...content, holderName: 'Siti Aminah Palsu' })).toString(
      'base64url',
    );
    const forged = Buffer.from(text.replace(obj[1]!, forgedB64), 'latin1');
    const bad = await check(forged);
    expect(bad.json().status).toBe('invalid');
    expect(bad.json().reasons.map((r: { code: string }) => r.code)).toEqual(['SIGNATURE', 'CONTENT', 'FILE']);

    // One byte of the visible page changed: the embedded data still verifies, the file does not.
    const flipped = Buffer.from(pdf);
    const mid = Math.floor(flipped.length / 2);
    flipped.writeUInt8(flipped.readUInt8(mid) ^ 0x01, mid);
    const flippedCheck = await check(flipped);
    expect(flippedCheck.json().status).toBe('invalid');
    expect(flippedCheck.json().reasons.map((r: { code: string }) => r.code)).toContain('FILE');

    const fields = await guest.inject({
      method: 'POST',
      url: `/api/v1/services/documents/${documentId}/verify-content`,
      payload: { content: { ...content, holderName: 'Budi' } },
    });
    expect(fields.json().status).toBe('invalid');
    const fieldsOk = await guest.inject({
      method: 'POST',
      url: `/api/v1/services/documents/${documentId}/verify-content`,
      payload: { content },
    });
    expect(fieldsOk.json().status).toBe('valid');

    const unknown = await guest.inject({
      method: 'GET',
      url: '/api/v1/services/documents/00000000-0000-4000-8000-000000000001/verification',
    });
    expect(unknown.json()).toEqual({ status: 'unknown', document: null });
  });

  it('counts the figures per service from the records', async () => {
    const stats = await (await loginAs(t, 'admin_instansi')).inject({
      method: 'GET',
      url: `/api/v1/services/admin/stats?serviceId=${serviceId}`,
    });
    expect(stats.json()).toEqual([
      {
        serviceId,
        name: 'Izin Reklame Uji',
        submitted: 1,
        inReview: 0,
        returned: 0,
        awaitingPayment: 0,
        completed: 1,
        rejected: 0,
        finished: 1,
        onTime: 1,
        onTimePct: 100,
        steps: [
          {
            index: 0,
            name: { id: 'Pemeriksaan kelengkapan', en: 'Completeness check' },
            days: 2,
            approvals: 1,
            medianWorkingDays: 1,
          },
          {
            index: 1,
            name: { id: 'Persetujuan kepala dinas', en: 'Approval by head of unit' },
            days: 3,
            approvals: 1,
            medianWorkingDays: 1,
          },
        ],
      },
    ]);
    const page = await guest.inject({ method: 'GET', url: `/api/v1/services/catalogue/${serviceId}` });
    expect(page.json().record).toEqual({ submitted: 1, finished: 1, onTime: 1, onTimePct: 100 });
  });

  it('keeps the version an application was filed under when a new one is published', async () => {
    const def = testDefinition(dpupr, { fee: 60_000 });
    const res = await (await loginAs(t, 'admin_instansi')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/services/${serviceId}/versions`,
      payload: { definition: def },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toBe(2);
    expect(
      (await guest.inject({ method: 'GET', url: `/api/v1/services/catalogue/${serviceId}` })).json(),
    ).toMatchObject({ version: 2, feeRupiah: 60000 });
    const mine = (await asGuest({ method: 'GET', url: `/api/v1/services/applications/${appId}` })).json();
    expect(mine).toMatchObject({ service: { version: 1 }, feeRupiah: 50000 });
  });

  it('lets the head of unit revoke the document with a reason', async () => {
    const res = await (await loginAs(t, 'kepala_unit')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/documents/${documentId}/revoke`,
      payload: { reason: 'Reklame dibongkar' },
    });
    expect(res.statusCode).toBe(200);
    const status = await guest.inject({ method: 'GET', url: `/api/v1/services/documents/${documentId}/verification` });
    expect(status.json()).toMatchObject({ status: 'revoked', document: { revokeReason: 'Reklame dibongkar' } });
    const again = await (await loginAs(t, 'kepala_unit')).inject({
      method: 'POST',
      url: `/api/v1/services/admin/documents/${documentId}/revoke`,
      payload: { reason: 'Reklame dibongkar' },
    });
    expect(again.statusCode).toBe(409);
  });

  // Last: it moves the clock past the time an upload may wait for its claim.
  it('keeps the issued PDF when an upload of the same bytes expires unclaimed and is swept', async () => {
    const copy = await upload(guest, pdf, 'izin-saya.pdf', 'application/pdf');
    expect(copy.statusCode).toBe(201);
    const [row] = await t.ctx.db.select().from(attachments).where(eq(attachments.id, copy.id));
    const [doc] = await t.ctx.db.select().from(documents).where(eq(documents.id, documentId));
    // The same bytes: one file in the store, referred to by the upload and by the document.
    expect(row!.fileSha256).toBe(doc!.fileSha256);
    t.clock.advance(UNCLAIMED_TTL_MS + 60_000);
    expect(await sweepUnclaimedFiles(t.ctx, servicesModule.fileReferences ?? [])).toMatchObject({
      attachments: 1,
      files: 0,
    });
    const res = await asGuest({ method: 'GET', url: `/api/v1/services/applications/${appId}/document.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
  });
});
