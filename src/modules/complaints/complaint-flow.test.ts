// The complaint journey through the HTTP API: intake without an account, routing, tracking, disposition,
// replies, notes, the lifecycle with its 409s, rating and reopening.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OTHER_AGENCY_ACCOUNTS, DEMO_PASSWORD } from '../../core/auth/seed-demo-accounts';
import { type TestApp, createTestApp } from '../../../test/app';
import { type Agent, anonymous, loginAs, loginWith } from '../../../test/auth';
import { T0, categoryId, fileComplaint, unitIdByName } from './test-factory';

let t: TestApp;
let operator: Agent;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  operator = await loginAs(t, 'operator_unit');
});

const secretHeader = (secret: string) => ({ 'x-tracking-secret': secret });

describe('filing a report without an account', () => {
  it('gives a random tracking code and a secret, secure by default, with the 3 working-day deadline', async () => {
    const a = await fileComplaint(t);
    const b = await fileComplaint(t);
    expect(a.code).toMatch(/^LPR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(a.code).not.toBe(b.code);
    expect(a.body).toMatchObject({
      status: 'diterima',
      statusLabel: { id: 'Diterima', en: 'Received' },
      agencyName: 'Pemerintah Provinsi Banten',
      forwarded: false,
      // Thu 12 Feb + 3 HK: Fri 13, (Mon 16 cuti bersama, Tue 17 Imlek), Wed 18, Thu 19 — end of day WIB.
      dueAt: '2026-02-19T16:59:59.999Z',
    });
    expect(a.body.trackingUrl).toBe(`${t.ctx.config.publicUrl}/pengaduan/lacak/${a.code}#rahasia=${a.secret}`);

    const detail = await operator.inject({ method: 'GET', url: `/api/v1/console/complaints/${a.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      visibility: 'rahasia',
      unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang',
      agencyName: 'Pemerintah Provinsi Banten',
    });
  });

  it('rejects an unknown desa, a point outside Indonesia and a future incident date, storing nothing', async () => {
    const bad = async (over: Record<string, unknown>) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        payload: {
          agency: 'banten',
          kind: 'pengaduan',
          title: 'Judul laporan',
          description: 'Isi laporan yang cukup panjang.',
          regionCode: '36.73.02.1001',
          ...over,
        },
      });
      return [res.statusCode, res.json().error.code];
    };
    expect(await bad({ regionCode: '36.73.02.9999' })).toEqual([400, 'UNKNOWN_REGION']);
    expect(await bad({ regionCode: '36.73' })).toEqual([400, 'VALIDATION']);
    expect(await bad({ lat: 51.5, lon: -0.12 })).toEqual([400, 'POINT_OUTSIDE_INDONESIA']);
    expect(await bad({ incidentDate: '2026-03-01' })).toEqual([400, 'FUTURE_DATE']);
    expect(await bad({ categoryId: await categoryId(t, 'kota-serang', 'kebersihan.sampah') })).toEqual([
      400,
      'UNKNOWN_CATEGORY',
    ]);
  });

  it('shows anyone with the code only the status; the secret shows the reporter the report', async () => {
    const f = await fileComplaint(t, { title: 'Lampu jalan mati di Kasemen' });
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/track/${f.code.toLowerCase()}` });
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(body).toMatchObject({
      code: f.code,
      kind: 'complaint',
      status: 'diterima',
      statusLabel: { id: 'Diterima', en: 'Received' },
    });
    expect(body.timeline[0]).toMatchObject({
      kind: 'submitted',
      label: { id: 'Laporan diterima', en: 'Report received' },
    });
    expect(body.report).toBeUndefined();
    expect(pub.body).not.toContain('Lampu jalan mati');

    const own = await t.app.inject({ method: 'GET', url: `/api/v1/track/${f.code}`, headers: secretHeader(f.secret) });
    expect(own.json().report).toMatchObject({
      title: 'Lampu jalan mati di Kasemen',
      visibility: 'rahasia',
      canReply: true,
      canRate: false,
    });

    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/v1/track/${f.code}`,
      headers: secretHeader('not-the-secret'),
    });
    expect(wrong.statusCode).toBe(404);
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/track/LPR-2222-2222' });
    expect(none.statusCode).toBe(404);
  });

  it('answers lookups that arrive together (read as one batch) each with its own report', async () => {
    const a = await fileComplaint(t);
    const b = await fileComplaint(t);
    await operator.inject({ method: 'POST', url: `/api/v1/console/complaints/${b.id}/verify`, payload: {} });
    const codes = [a.code, b.code, 'LPR-2222-2222', a.code];
    const answers = await Promise.all(codes.map((c) => t.app.inject({ method: 'GET', url: `/api/v1/track/${c}` })));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 404, 200]);
    expect(answers.map((r) => (r.statusCode === 200 ? [r.json().code, r.json().status] : null))).toEqual([
      [a.code, 'diterima'],
      [b.code, 'diverifikasi'],
      null,
      [a.code, 'diterima'],
    ]);
  });

  it('lists the reports of a signed-in citizen', async () => {
    const citizen = await loginAs(t, 'citizen');
    const f = await fileComplaint(
      t,
      { title: 'Trotoar rusak dekat sekolah' },
      { cookie: citizen.cookie, 'x-csrf-token': citizen.csrfToken },
    );
    const mine = await citizen.inject({ method: 'GET', url: '/api/v1/me/complaints' });
    expect(mine.json().items.map((i: { code: string }) => i.code)).toContain(f.code);
  });
});

describe('no wrong door', () => {
  it('forwards a report filed at the province about a city matter to the city, into the unit its rules name', async () => {
    const f = await fileComplaint(t, {
      title: 'Sampah menumpuk di Kasemen',
      description: 'Sampah rumah tangga menumpuk seminggu di pinggir jalan.',
      categoryId: await categoryId(t, 'banten', 'kebersihan.sampah'),
      visibility: 'biasa',
    });
    expect(f.body).toMatchObject({ agencyName: 'Pemerintah Kota Serang', forwarded: true });
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/track/${f.code}` })).json();
    expect(pub.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'forwarded']);

    const serangAdmin = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi, DEMO_PASSWORD);
    const detail = await serangAdmin.inject({ method: 'GET', url: `/api/v1/console/complaints/${f.id}` });
    expect(detail.json()).toMatchObject({ unitName: 'Dinas Lingkungan Hidup', categoryName: 'Sampah dan kebersihan' });
    // Banten's operator no longer reaches it.
    expect((await operator.inject({ method: 'GET', url: `/api/v1/console/complaints/${f.id}` })).statusCode).toBe(403);
  });

  it('sends a report declared "bukan wewenang" back to the coordinator, who re-routes it to another agency', async () => {
    const f = await fileComplaint(t);
    const na = await operator.inject({
      method: 'POST',
      url: `/api/v1/console/complaints/${f.id}/not-authority`,
      payload: { reason: 'Ruas ini jalan kota, bukan provinsi.' },
    });
    expect(na.statusCode).toBe(200);
    const coordinator = await unitIdByName(t, 'banten', 'Bidang Informasi dan Komunikasi Publik');
    expect(na.json().unitId).toBe(coordinator);
    expect((await operator.inject({ method: 'GET', url: `/api/v1/console/complaints/${f.id}` })).statusCode).toBe(403);

    const admin = await loginAs(t, 'admin_instansi');
    const rr = await admin.inject({
      method: 'POST',
      url: `/api/v1/console/complaints/${f.id}/reroute`,
      payload: { agency: 'kota-serang', reason: 'Jalan kota' },
    });
    expect(rr.statusCode).toBe(200);
    expect(rr.json()).toMatchObject({ status: 'diterima' });
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/track/${f.code}` })).json();
    expect(pub.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'status', 'forwarded']);
  });
});

describe('handling in the console', () => {
  it('answers 401, then 403, then 400, in that order', async () => {
    expect((await anonymous(t).inject({ method: 'GET', url: '/api/v1/console/complaints' })).statusCode).toBe(401);
    const citizen = await loginAs(t, 'citizen');
    expect((await citizen.inject({ method: 'GET', url: '/api/v1/console/complaints' })).statusCode).toBe(403);
    expect(
      (await operator.inject({ method: 'GET', url: '/api/v1/console/complaints?status=nonsense' })).statusCode,
    ).toBe(400);
  });

  it('takes a report from intake to closing, with replies the public never sees and notes the reporter never sees', async () => {
    const f = await fileComplaint(t, { visibility: 'biasa', reporter: { name: 'Siti', email: 'siti@contoh.test' } });
    const bidang = await unitIdByName(t, 'banten', 'Bidang Bina Marga');
    const dinkes = await unitIdByName(t, 'banten', 'Dinas Kesehatan');
    const url = `/api/v1/console/complaints/${f.id}`;

    expect(
      (await operator.inject({ method: 'POST', url: `${url}/dispose`, payload: { unitId: dinkes } })).statusCode,
    ).toBe(403);
    const disposed = await operator.inject({
      method: 'POST',
      url: `${url}/dispose`,
      payload: { unitId: bidang, note: 'Mohon ditinjau' },
    });
    expect(disposed.statusCode).toBe(200);
    // Plan 5 HK from Thu 12 Feb: Fri 13, Wed 18, Thu 19, Fri 20, Mon 23; resolution (tidak berkadar, 14 HK) is later.
    expect(disposed.json()).toMatchObject({
      status: 'didisposisikan',
      unitId: bidang,
      dueAt: '2026-02-23T16:59:59.999Z',
    });

    const illegal = await operator.inject({
      method: 'POST',
      url: `${url}/transition`,
      payload: { action: 'complete', message: 'x' },
    });
    expect(illegal.statusCode).toBe(200); // didisposisikan → selesai is allowed (quick fixes)
    const reopenIllegal = await operator.inject({
      method: 'POST',
      url: `${url}/transition`,
      payload: { action: 'archive', message: 'spam' },
    });
    expect(reopenIllegal.statusCode).toBe(409);
    expect(reopenIllegal.json().error).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      messages: {
        id: 'Laporan berstatus "Selesai ditindaklanjuti" tidak dapat diubah menjadi "Diarsipkan".',
        en: 'A report that is "Follow-up completed" cannot become "Archived".',
      },
    });

    await operator.inject({ method: 'POST', url: `${url}/transition`, payload: { action: 'follow_up' } });
    expect(
      (
        await operator.inject({
          method: 'POST',
          url: `${url}/replies`,
          payload: { body: 'Tim akan meninjau lokasi besok.' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await operator.inject({
          method: 'POST',
          url: `${url}/notes`,
          payload: { body: 'Anggaran pemeliharaan tersisa sedikit.' },
        })
      ).statusCode,
    ).toBe(200);

    const asReporter = await t.app.inject({
      method: 'GET',
      url: `/api/v1/track/${f.code}`,
      headers: secretHeader(f.secret),
    });
    expect(asReporter.body).toContain('Tim akan meninjau lokasi besok.');
    expect(asReporter.body).not.toContain('Anggaran pemeliharaan');
    const asPublic = await t.app.inject({ method: 'GET', url: `/api/v1/track/${f.code}` });
    expect(asPublic.body).not.toContain('Tim akan meninjau');

    const staffView = (await operator.inject({ method: 'GET', url })).json();
    expect(staffView.reporter).toEqual({ name: 'Siti', email: 'siti@contoh.test', phone: null });
    expect(staffView.timeline.map((e: { kind: string }) => e.kind)).toContain('note');

    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/track/${f.code}/replies`,
      headers: secretHeader(f.secret),
      payload: { body: 'Terima kasih.' },
    });
    expect(reply.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/track/${f.code}/rating`,
          headers: secretHeader(f.secret),
          payload: { score: 5 },
        })
      ).statusCode,
    ).toBe(409);

    expect(
      (await operator.inject({ method: 'POST', url: `${url}/transition`, payload: { action: 'complete' } })).statusCode,
    ).toBe(400);
    await operator.inject({
      method: 'POST',
      url: `${url}/transition`,
      payload: { action: 'complete', message: 'Jalan sudah ditambal.' },
    });
    const closed = await operator.inject({
      method: 'POST',
      url: `${url}/transition`,
      payload: { action: 'close', closeHow: 'resolved' },
    });
    expect(closed.json()).toMatchObject({ status: 'ditutup', dueAt: null });

    const rate = await t.app.inject({
      method: 'POST',
      url: `/api/v1/track/${f.code}/rating`,
      headers: secretHeader(f.secret),
      payload: { score: 4, comment: 'Cepat' },
    });
    expect(rate.statusCode).toBe(200);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/track/${f.code}`, headers: secretHeader(f.secret) })
    ).json();
    expect(after).toMatchObject({
      status: 'ditutup',
      closeHow: 'resolved',
      report: { ratingScore: 4, ratingComment: 'Cepat', canReopen: true },
    });
    expect(after.timeline.at(-1).label).toEqual({ id: 'Selesai, masalah teratasi', en: 'Resolved' });
  });

  it('lets the reporter reopen within 10 working days of closing, and not after', async () => {
    const f = await fileComplaint(t);
    const url = `/api/v1/console/complaints/${f.id}`;
    const bidang = await unitIdByName(t, 'banten', 'Bidang Bina Marga');
    await operator.inject({ method: 'POST', url: `${url}/dispose`, payload: { unitId: bidang } });
    await operator.inject({
      method: 'POST',
      url: `${url}/transition`,
      payload: { action: 'complete', message: 'Selesai.' },
    });
    await operator.inject({
      method: 'POST',
      url: `${url}/transition`,
      payload: { action: 'close', closeHow: 'not_resolved' },
    });
    const reopen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/track/${f.code}/reopen`,
      headers: secretHeader(f.secret),
      payload: { reason: 'Masih berlubang.' },
    });
    expect(reopen.statusCode).toBe(200);
    expect((await operator.inject({ method: 'GET', url })).json().status).toBe('ditindaklanjuti');

    const g = await fileComplaint(t);
    const gurl = `/api/v1/console/complaints/${g.id}`;
    await operator.inject({ method: 'POST', url: `${gurl}/dispose`, payload: { unitId: bidang } });
    await operator.inject({
      method: 'POST',
      url: `${gurl}/transition`,
      payload: { action: 'complete', message: 'Selesai.' },
    });
    await operator.inject({
      method: 'POST',
      url: `${gurl}/transition`,
      payload: { action: 'close', closeHow: 'resolved' },
    });
    const saved = t.clock.now();
    t.clock.set('2026-03-06T02:00:00Z'); // 13 working days after Thu 12 Feb
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/track/${g.code}/reopen`,
      headers: secretHeader(g.secret),
      payload: { reason: 'Masih berlubang.' },
    });
    t.clock.set(saved);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REOPEN_WINDOW_PASSED');
  });
});

describe('duplicates, merging and bulk actions', () => {
  it('shows similar open reports before submitting (public-safe fields only) and lets officers merge', async () => {
    const main = await fileComplaint(t, {
      title: 'Jembatan Kali Banten retak parah',
      visibility: 'anonim',
      regionCode: '36.73.02.1002',
    });
    const dup = await fileComplaint(t, {
      title: 'Jembatan Kali Banten retak',
      visibility: 'biasa',
      regionCode: '36.73.02.1002',
    });
    await fileComplaint(t, {
      title: 'Jembatan Kali Banten retak sekali',
      visibility: 'rahasia',
      regionCode: '36.73.02.1002',
    });
    const cat = await categoryId(t, 'banten', 'infrastruktur.jalan-provinsi');
    const similar = await t.app.inject({
      method: 'GET',
      url: `/api/v1/complaints/similar?regionCode=36.73.02.1002&categoryId=${cat}&text=${encodeURIComponent('jembatan kali banten retak')}`,
    });
    expect(similar.statusCode).toBe(200);
    const items = similar.json() as Record<string, unknown>[];
    expect(items.map((i) => i.code).sort()).toEqual([main.code, dup.code].sort());
    expect(Object.keys(items[0]!).sort()).toEqual(['code', 'receivedAt', 'status', 'statusLabel', 'title']);

    const detail = (await operator.inject({ method: 'GET', url: `/api/v1/console/complaints/${dup.id}` })).json();
    expect(detail.similar.map((s: { code: string }) => s.code)).toContain(main.code);
    const merged = await operator.inject({
      method: 'POST',
      url: `/api/v1/console/complaints/${dup.id}/merge`,
      payload: { intoId: main.id },
    });
    expect(merged.json()).toMatchObject({ status: 'digabung' });
    expect(
      (await operator.inject({ method: 'GET', url: `/api/v1/console/complaints/${dup.id}` })).json().mergedIntoCode,
    ).toBe(main.code);
  });

  it('verifies many reports at once and reports the outcome per report', async () => {
    const a = await fileComplaint(t);
    const b = await fileComplaint(t);
    await operator.inject({ method: 'POST', url: `/api/v1/console/complaints/${b.id}/verify`, payload: {} });
    const res = await operator.inject({
      method: 'POST',
      url: '/api/v1/console/complaints/bulk',
      payload: { action: 'verify', ids: [a.id, b.id] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { id: a.id, ok: true, status: 'diverifikasi' },
      {
        id: b.id,
        ok: false,
        error: {
          code: 'ILLEGAL_TRANSITION',
          messages: expect.objectContaining({ en: 'A report that is "Verified" cannot become "Verified".' }),
        },
      },
    ]);
  });

  it('lists the inbox overdue first and exports it as CSV without any reporter identity', async () => {
    const f = await fileComplaint(t, {
      visibility: 'biasa',
      reporter: { name: 'Rahmat Hidayat', email: 'rahmat@contoh.test', phone: '081234567890' },
    });
    const inbox = await operator.inject({ method: 'GET', url: '/api/v1/console/complaints?pageSize=100' });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.map((i: { code: string }) => i.code)).toContain(f.code);
    const csv = await operator.inject({ method: 'GET', url: '/api/v1/console/complaints/export.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe(
      'kode,jenis,judul,kategori,tingkat,darurat,wilayah,kode_wilayah,kerahasiaan,sumber,status,cara_ditutup,unit,diterima,batas_waktu,ditutup',
    );
    expect(csv.body).toContain(f.code);
    expect(csv.body).not.toContain('Rahmat');
    expect(csv.body).not.toContain('081234567890');
  });
});
