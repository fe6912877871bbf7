// The officers' queue puts overdue applications first and shows who holds each step; a rejection carries
// its reason to the applicant and counts in the on-time record.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { anonymous, loginAs } from '../../../test/auth';
import { GOOD_VALUES, smallPdf, testDefinition, unitId, upload } from './test-support';

let t: TestApp;
let serviceId: string;

async function apply(name: string) {
  const guest = anonymous(t);
  const ktp = await upload(guest, await smallPdf(), 'ktp.pdf', 'application/pdf');
  const res = await guest.inject({
    method: 'POST',
    url: '/api/v1/services/applications',
    payload: {
      serviceId,
      applicant: { name },
      values: GOOD_VALUES,
      files: { ktp: { id: ktp.id, claimToken: ktp.claimToken } },
      submit: true,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; trackingCode: string; accessToken: string };
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
  const dpupr = await unitId(t, 'banten', 'Dinas Pekerjaan Umum dan Penataan Ruang');
  const res = await (await loginAs(t, 'admin_instansi')).inject({
    method: 'POST',
    url: '/api/v1/services/admin/services',
    payload: { unitId: dpupr, code: 'QUE', name: 'Layanan uji antrean', definition: testDefinition(dpupr, { fee: 0 }) },
  });
  serviceId = res.json().id;
});

describe('queue and rejection', () => {
  it('lists overdue applications first, with the step, its unit and whether I hold it', async () => {
    const early = await apply('Pemohon Awal');
    t.clock.set('2026-03-06T02:00:00Z'); // Friday
    const late = await apply('Pemohon Akhir');
    t.clock.set('2026-03-10T02:00:00Z'); // Tuesday: the first one's 5 working days ended on Monday 9 March
    const operator = await loginAs(t, 'operator_unit');
    const queue = await operator.inject({ method: 'GET', url: `/api/v1/services/admin/queue?serviceId=${serviceId}` });
    expect(
      queue
        .json()
        .items.map(
          (i: { trackingCode: string; overdue: boolean; mine: boolean; stepUnitName: string; stepRole: string }) => [
            i.trackingCode,
            i.overdue,
            i.mine,
            i.stepUnitName,
            i.stepRole,
          ],
        ),
    ).toEqual([
      [early.trackingCode, true, true, 'Dinas Pekerjaan Umum dan Penataan Ruang', 'operator_unit'],
      [late.trackingCode, false, true, 'Dinas Pekerjaan Umum dan Penataan Ruang', 'operator_unit'],
    ]);
    const overdueOnly = await operator.inject({
      method: 'GET',
      url: `/api/v1/services/admin/queue?serviceId=${serviceId}&overdue=true`,
    });
    expect(overdueOnly.json().items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([early.trackingCode]);
    const kepala = await loginAs(t, 'kepala_unit');
    const theirs = await kepala.inject({
      method: 'GET',
      url: `/api/v1/services/admin/queue?serviceId=${serviceId}&mine=true`,
    });
    expect(theirs.json().items).toEqual([]);

    // Rejected late: the applicant sees the reason, and the record counts one finished, not on time.
    const rejected = await operator.inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${early.id}/actions`,
      payload: { action: 'reject', stepIndex: 0, reason: 'Lokasi berada di luar wilayah kewenangan.' },
    });
    expect(rejected.statusCode).toBe(200);
    const seen = await anonymous(t).inject({
      method: 'GET',
      url: `/api/v1/services/applications/${early.id}`,
      headers: { 'x-application-token': early.accessToken },
    });
    expect(seen.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Lokasi berada di luar wilayah kewenangan.',
      onTime: false,
      document: null,
    });
    const page = await anonymous(t).inject({ method: 'GET', url: `/api/v1/services/catalogue/${serviceId}` });
    expect(page.json().record).toEqual({ submitted: 2, finished: 1, onTime: 0, onTimePct: 0 });
    // A rejected application takes no more actions.
    const again = await operator.inject({
      method: 'POST',
      url: `/api/v1/services/admin/applications/${early.id}/actions`,
      payload: { action: 'approve', stepIndex: 0 },
    });
    expect(again.statusCode).toBe(409);
  });
});
