// The official result from responses stored through the API, against a hand-worked example at and
// just below the C/D boundary (65.00); the same figures in the PDF and the XLSX; weight conventions,
// minimum sample, follow-up plans, publishing, scope, and the CSV calculator.
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { anonymous, loginAs } from '../../../test/auth';
import { auditEntries } from '../../core/audit/schema';
import { type Answers, answersOf, demoIds, finishTransactions, nextIp } from './test-helpers';

let t: TestApp;
let ids: { agencyId: string; unitId: string };

// March 2025, five respondents:
//          u1 u2 u3 u4 u5 u6 u7 u8 u9
//   R1      3  3  3  3  3  3  3  3  3
//   R2      3  3  3  3  3  3  3  3  3
//   R3      3  2  3  2  3  3  3  3  3
//   R4      2  2  2  2  2  2  3  3  2
//   R5      2  2  2  2  2  2  2  2  2
//   sum    13 12 13 12 13 13 14 14 13   (total 117)
//   NRR   2.6 2.4 2.6 2.4 2.6 2.6 2.8 2.8 2.6
//   weighted (1/9): 2.6/9 = 0.28888.. -> 0.2889, 2.4/9 = 0.26666.. -> 0.2667, 2.8/9 = 0.31111.. -> 0.3111
//   IKM = 117/45 = 2.6 -> 2.6000; x 25 = 65.00 -> C (Kurang Baik): exactly at the lower end of C.
//   With weight 0.111: 23.4 x 0.111 = 2.5974; x 25 = 64.935 -> 64.94 -> D.
// April 2025: the same but R1 answers u9 = 2: total 116 -> IKM 116/45 = 2.57777.. -> 2.5778;
//   x 25 = 64.444.. -> 64.44 -> D, just below the boundary.
const MARCH: Answers[] = [
  [3, 3, 3, 3, 3, 3, 3, 3, 3],
  [3, 3, 3, 3, 3, 3, 3, 3, 3],
  [3, 2, 3, 2, 3, 3, 3, 3, 3],
  [2, 2, 2, 2, 2, 2, 3, 3, 2],
  [2, 2, 2, 2, 2, 2, 2, 2, 2],
];
const APRIL: Answers[] = [[3, 3, 3, 3, 3, 3, 3, 3, 2], ...MARCH.slice(1)];
const PROFILES = [
  { jenisKelamin: 'L', umurTahun: 25, pendidikan: 'SMA', pekerjaan: 'SWASTA' },
  { jenisKelamin: 'P', umurTahun: 41, pendidikan: 'S1', pekerjaan: 'PNS' },
  { jenisKelamin: 'P', umur: '20-29', pendidikan: 'S1' },
  { jenisKelamin: 'L' },
  {},
];

async function answerMonth(at: string, rows: Answers[]) {
  t.clock.set(at);
  const invitations = await finishTransactions(t, ids, rows.length);
  for (const [i, inv] of invitations.entries()) {
    const res = await anonymous(t).inject({
      method: 'POST',
      url: `/api/v1/surveys/invitations/${inv.token}/responses`,
      payload: { answers: answersOf(rows[i]!), profile: PROFILES[i] },
      remoteAddress: nextIp(),
    });
    expect(res.statusCode).toBe(201);
  }
}

const report = async (period: string, extra = '') => {
  const kepala = await loginAs(t, 'kepala_unit');
  const res = await kepala.inject({
    method: 'GET',
    url: `/api/v1/surveys/reports?unitId=${ids.unitId}&period=${period}${extra}`,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};

/** The text shown by a pdfkit PDF written uncompressed: the hex strings of its TJ operators. */
function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1');
  return [...s.matchAll(/\[([^\]]*)\] TJ/g)]
    .map((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''))
    .join('\n');
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-10T02:00:00Z') });
  ids = await demoIds(t);
  await answerMonth('2025-03-10T02:00:00Z', MARCH);
  await answerMonth('2025-04-15T02:00:00Z', APRIL);
});

describe('the official result from stored responses', () => {
  it('at the boundary: March 2025 gives IKM 2.6000, 65.00, mutu C', async () => {
    const r = await report('2025-03');
    expect(r.responses).toBe(5);
    expect(r.weight).toMatchObject({ convention: 'exact', fraction: '1/9' });
    expect(r.result.elements.map((e: { sum: number }) => e.sum)).toEqual([13, 12, 13, 12, 13, 13, 14, 14, 13]);
    expect(r.result.elements.map((e: { nrr: string }) => e.nrr)).toEqual([
      '2.6000',
      '2.4000',
      '2.6000',
      '2.4000',
      '2.6000',
      '2.6000',
      '2.8000',
      '2.8000',
      '2.6000',
    ]);
    expect(r.result.elements.map((e: { weightedNrr: string }) => e.weightedNrr)).toEqual([
      '0.2889',
      '0.2667',
      '0.2889',
      '0.2667',
      '0.2889',
      '0.2889',
      '0.3111',
      '0.3111',
      '0.2889',
    ]);
    expect(r.result.ikm).toBe('2.6000');
    expect(r.result.converted).toBe('65.00');
    expect(r.result.mutu).toEqual({ grade: 'C', kinerja: { id: 'Kurang Baik', en: 'Poor' } });
    // The three lowest NRR (2.4, 2.4, 2.6) are marked, with every element tied at 2.6.
    expect(r.result.elements.filter((e: { lowest: boolean }) => !e.lowest).map((e: { key: string }) => e.key)).toEqual([
      'u7',
      'u8',
    ]);
  });

  it('just below: April 2025 gives 2.5778, 64.44, mutu D; the quarter and the year add the sums', async () => {
    const april = await report('2025-04');
    expect([april.result.ikm, april.result.converted, april.result.mutu.grade]).toEqual(['2.5778', '64.44', 'D']);
    const q1 = await report('2025-Q1');
    expect([q1.responses, q1.result.converted, q1.result.mutu.grade]).toEqual([5, '65.00', 'C']);
    // 2025: 10 responses, total 233 -> 233/90 = 2.58888.. -> 2.5889; x 25 = 64.7222.. -> 64.72 D
    const year = await report('2025');
    expect([year.responses, year.result.ikm, year.result.converted, year.result.mutu.grade]).toEqual([
      10,
      '2.5889',
      '64.72',
      'D',
    ]);
    const s1 = await report('2025-S1');
    expect(s1.result.converted).toBe('64.72');
  });

  it('shows the respondent profile', async () => {
    const r = await report('2025-03');
    const jk = r.profile.find((p: { dimension: string }) => p.dimension === 'jenisKelamin');
    expect(jk.rows.map((x: { code: string; count: number }) => [x.code, x.count])).toEqual([
      ['L', 2],
      ['P', 2],
    ]);
    expect(jk.notGiven).toBe(1);
    const umur = r.profile.find((p: { dimension: string }) => p.dimension === 'umur');
    expect(
      umur.rows
        .filter((x: { count: number }) => x.count > 0)
        .map((x: { code: string; count: number }) => [x.code, x.count]),
    ).toEqual([
      ['20-29', 2],
      ['40-49', 1],
    ]);
  });

  it('shows the minimum sample from the finished transactions, or from an entered population, with a warning', async () => {
    const march = await report('2025-03');
    // 5 finished transactions: Krejcie & Morgan s = 3.841 x 5 x 0.25 / (0.0025 x 4 + 3.841 x 0.25) = 4.95 -> 5
    expect(march.sample).toEqual({ population: 5, populationSource: 'invitations', minimum: 5, sufficient: true });
    const operator = await loginAs(t, 'operator_unit');
    const put = await operator.inject({
      method: 'PUT',
      url: `/api/v1/surveys/units/${ids.unitId}/populations/2025-04`,
      payload: { population: 100 },
    });
    expect(put.statusCode).toBe(200);
    const april = await report('2025-04');
    // N = 100 -> 80 (Krejcie & Morgan table)
    expect(april.sample).toEqual({ population: 100, populationSource: 'entered', minimum: 80, sufficient: false });
  });

  it('computes the trend across months', async () => {
    const kepala = await loginAs(t, 'kepala_unit');
    const res = await kepala.inject({
      method: 'GET',
      url: `/api/v1/surveys/reports/trend?unitId=${ids.unitId}&period=2025-05&count=3`,
    });
    expect(
      res
        .json()
        .points.map((p: { periodKey: string; converted: string | null; mutu: string | null }) => [
          p.periodKey,
          p.converted,
          p.mutu,
        ]),
    ).toEqual([
      ['2025-03', '65.00', 'C'],
      ['2025-04', '64.44', 'D'],
      ['2025-05', null, null],
    ]);
  });
});

describe('the PDF and the XLSX show the same figures', () => {
  it('PDF', async () => {
    const kepala = await loginAs(t, 'kepala_unit');
    const res = await kepala.inject({
      method: 'GET',
      url: `/api/v1/surveys/reports/pdf?unitId=${ids.unitId}&period=2025-03`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const txt = pdfText(res.rawPayload);
    for (const figure of [
      '2.6000',
      '2.4000',
      '2.8000',
      '0.2889',
      '0.2667',
      '0.3111',
      '65.00',
      'C (Kurang Baik)',
      'Maret 2025',
    ]) {
      expect(txt).toContain(figure);
    }
    expect(txt).toContain('1/9 (bobot tepat PermenPANRB 14/2017)');
    expect(txt).toContain('Dinas Pekerjaan Umum dan Penataan Ruang');
  });

  it('XLSX, read back with exceljs', async () => {
    const kepala = await loginAs(t, 'kepala_unit');
    const res = await kepala.inject({
      method: 'GET',
      url: `/api/v1/surveys/reports/xlsx?unitId=${ids.unitId}&period=2025-03&lang=en`,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('IKM result')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const byFirst = (v: string) => rows.find((r) => r[0] === v);
    expect(byFirst('U1')).toEqual(['U1', 'Requirements', 13, '2.6000', '0.2889', 'LOWEST']);
    expect(byFirst('U7')).toEqual(['U7', 'Staff conduct', 14, '2.8000', '0.3111', '']);
    expect(rows.find((r) => r[1] === 'IKM (sum of weighted NRR)')?.[4]).toBe('2.6000');
    expect(rows.find((r) => r[1] === 'Converted IKM (IKM x 25)')?.[4]).toBe('65.00');
    expect(rows.find((r) => r[1] === 'Service quality (unit performance)')?.slice(4)).toEqual(['C', 'Poor']);
    expect(byFirst('Weight')).toEqual(['Weight', '1/9 (exact weight, PermenPANRB 14/2017)']);
  });
});

describe('the weight convention is an agency setting, stated on every report', () => {
  it('0.111 turns March from C into D, and only an agency admin may change it', async () => {
    const operator = await loginAs(t, 'operator_unit');
    expect(
      (await operator.inject({ method: 'PUT', url: '/api/v1/surveys/settings', payload: { weight: '0.111' } }))
        .statusCode,
    ).toBe(403);
    const admin = await loginAs(t, 'admin_instansi');
    expect(
      (await admin.inject({ method: 'PUT', url: '/api/v1/surveys/settings', payload: { weight: '0.25' } })).statusCode,
    ).toBe(400);
    const set = await admin.inject({ method: 'PUT', url: '/api/v1/surveys/settings', payload: { weight: '0.111' } });
    expect(set.json()).toEqual({ weight: '0.111' });
    try {
      const r = await report('2025-03');
      expect(r.weight).toMatchObject({ convention: '0.111', fraction: '111/1000' });
      expect([r.result.ikm, r.result.converted, r.result.mutu.grade]).toEqual(['2.5974', '64.94', 'D']);
      const kepala = await loginAs(t, 'kepala_unit');
      const pdf = await kepala.inject({
        method: 'GET',
        url: `/api/v1/surveys/reports/pdf?unitId=${ids.unitId}&period=2025-03`,
      });
      expect(pdfText(pdf.rawPayload)).toContain('0,111 (pembulatan 1/9 ke 3 desimal)');
    } finally {
      await admin.inject({ method: 'PUT', url: '/api/v1/surveys/settings', payload: { weight: 'exact' } });
    }
    const [entry] = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, 'surveys.settings.weight'))
      .limit(1);
    expect(entry).toBeDefined();
  });
});

describe('follow-up plans and publishing', () => {
  it('the next period’s report shows the plan of the previous one with its progress', async () => {
    const operator = await loginAs(t, 'operator_unit');
    const add = await operator.inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/follow-ups`,
      payload: {
        periodKey: '2025-03',
        element: 'u2',
        action: 'Sederhanakan alur layanan di loket.',
        owner: 'Kepala Seksi Pelayanan',
        dueDate: '2025-04-30',
      },
    });
    expect(add.statusCode).toBe(201);
    const bad = await operator.inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/follow-ups`,
      payload: { periodKey: '2025-03', element: 'u10', action: 'Sesuatu', owner: 'Siapa', dueDate: '2025-04-30' },
    });
    expect(bad.json().error.code).toBe('INVALID_ELEMENT');
    await operator.inject({
      method: 'PATCH',
      url: `/api/v1/surveys/follow-ups/${add.json().id}`,
      payload: { status: 'selesai' },
    });
    const april = await report('2025-04');
    expect(april.followUps.previous.periodKey).toBe('2025-03');
    expect(april.followUps.previous.items).toEqual([
      expect.objectContaining({
        element: 'u2',
        action: 'Sederhanakan alur layanan di loket.',
        status: 'selesai',
        dueDate: '2025-04-30',
      }),
    ]);
  });

  it('publishing is an audited staff action; the public page shows the published figures', async () => {
    const pimpinan = await loginAs(t, 'pimpinan');
    expect(
      (
        await pimpinan.inject({
          method: 'POST',
          url: `/api/v1/surveys/units/${ids.unitId}/publications`,
          payload: { period: '2025-03' },
        })
      ).statusCode,
    ).toBe(403);
    const before = await anonymous(t).inject({ method: 'GET', url: `/api/v1/surveys/units/${ids.unitId}/published` });
    expect(before.statusCode).toBe(404);
    const kepala = await loginAs(t, 'kepala_unit');
    const empty = await kepala.inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/publications`,
      payload: { period: '2024-01' },
    });
    expect(empty.json().error.code).toBe('NOTHING_TO_PUBLISH');
    const pub = await kepala.inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/publications`,
      payload: { period: '2025-03' },
    });
    expect(pub.statusCode).toBe(201);
    const page = await anonymous(t).inject({ method: 'GET', url: `/api/v1/surveys/units/${ids.unitId}/published` });
    expect(page.json()).toMatchObject({
      period: { key: '2025-03' },
      responses: 5,
      weight: { convention: 'exact' },
      result: { ikm: '2.6000', converted: '65.00', mutu: { grade: 'C' } },
    });
    expect(page.json()).not.toHaveProperty('suggestions');
    const entries = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'surveys.result.publish'), eq(auditEntries.unitId, ids.unitId)));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.meta).toEqual({ periodKey: '2025-03', converted: '65.00', mutu: 'C' });
  });
});

describe('who reads what', () => {
  it('pimpinan reads the whole agency; a unit operator only its unit; another agency nothing', async () => {
    const pimpinan = await loginAs(t, 'pimpinan');
    const agency = await pimpinan.inject({ method: 'GET', url: '/api/v1/surveys/reports?period=2025-03' });
    expect(agency.statusCode).toBe(200);
    expect(agency.json()).toMatchObject({ scope: { unit: null }, responses: 5 });
    const operator = await loginAs(t, 'operator_unit');
    expect((await operator.inject({ method: 'GET', url: '/api/v1/surveys/reports?period=2025-03' })).statusCode).toBe(
      403,
    );
    const other = await t.ctx.db.execute<{ id: string }>(
      sql`select u.id from core_units u join core_agencies a on a.id = u.agency_id where a.slug = 'banten' and u.path not like '%' || ${ids.unitId} || '%' limit 1`,
    );
    if (other.rows[0]) {
      const res = await operator.inject({
        method: 'GET',
        url: `/api/v1/surveys/reports?unitId=${other.rows[0].id}&period=2025-03`,
      });
      expect(res.statusCode).toBe(403);
    }
    const citizen = await loginAs(t, 'citizen');
    expect(
      (await citizen.inject({ method: 'GET', url: `/api/v1/surveys/reports?unitId=${ids.unitId}&period=2025-03` }))
        .statusCode,
    ).toBe(403);
    const bad = await pimpinan.inject({ method: 'GET', url: '/api/v1/surveys/reports?period=2025-13' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the CSV calculator (API)', () => {
  const HEADER = 'u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin';
  const csv = [HEADER, ...MARCH.map((r, i) => `${r.join(',')},${i % 2 ? 'P' : 'L'}`)].join('\n');

  it('computes the same result from a text/csv body, JSON and a file upload', async () => {
    const viaText = await anonymous(t).inject({
      method: 'POST',
      url: '/api/v1/surveys/ikm/compute',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(viaText.statusCode).toBe(200);
    expect(viaText.json()).toMatchObject({
      responses: 5,
      result: { ikm: '2.6000', converted: '65.00', mutu: { grade: 'C' } },
    });
    const viaJson = await anonymous(t).inject({
      method: 'POST',
      url: '/api/v1/surveys/ikm/compute',
      payload: { csv, weight: '0.111' },
    });
    expect(viaJson.json().result.converted).toBe('64.94');
    const boundary = 'pamongboundary';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="jawaban.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const viaFile = await anonymous(t).inject({
      method: 'POST',
      url: '/api/v1/surveys/ikm/compute?weight=0.11',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: multipart,
    });
    expect(viaFile.statusCode).toBe(200);
    // 23.4 x 0.11 = 2.574 -> x 25 = 64.35 D
    expect([viaFile.json().result.ikm, viaFile.json().result.converted]).toEqual(['2.5740', '64.35']);
  });

  it('refuses a file with bad rows, listing each by row', async () => {
    const bad = `${HEADER}\n3,3,3,3,3,3,3,3,3,L\n3,3,5,3,3,3,3,3,3,L\n3,3,3,3,,3,3,3,3,X\n`;
    const res = await anonymous(t).inject({
      method: 'POST',
      url: '/api/v1/surveys/ikm/compute',
      headers: { 'content-type': 'text/csv' },
      payload: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_CSV');
    expect(
      res
        .json()
        .error.details.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [3, 'u3', 'ANSWER_OUT_OF_RANGE'],
      [4, 'u5', 'MISSING_ANSWER'],
      [4, 'jenis_kelamin', 'INVALID_PROFILE_VALUE'],
    ]);
  });
});
