// POST /api/v1/admin/complaints/lapor-import: the agency admin uploads an SP4N-LAPOR! export. A dry run
// reports what would happen and writes nothing; a real run imports, keeps the tracking IDs and writes one
// ledger entry with counts; uploading again adds nothing; a mapping file places unmatched names; a bad file
// is a bilingual 400 and changes nothing; other roles are refused.
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { type Agent, anonymous, loginAs, loginWith } from '../../../../test/auth';
import { DEMO_OTHER_AGENCY_ACCOUNTS, DEMO_PASSWORD } from '../../../core/auth/seed-demo-accounts';
import { auditEntries } from '../../../core/audit/schema';
import { complaints } from '../schema';
import { T0, agencyIdOf, unitIdByName } from '../test-factory';
import { type LaporFixtureRow, laporCsv, laporRow, laporXlsx } from './lapor-fixture';
import { laporImports } from './schema';

interface Part {
  name: string;
  filename: string;
  data: Buffer | string;
}
const BOUNDARY = '----pamong-lapor-3c9a';
function multipart(parts: Part[]) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

let t: TestApp;
let admin: Agent;
let agencyId: string;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  // Kota Serang's admin: the fixture's reports lie in Kota Serang, so they stay with that agency.
  admin = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi, DEMO_PASSWORD);
  agencyId = await agencyIdOf(t, 'kota-serang');
});

const upload = (parts: Part[], opts: { dryRun?: boolean; as?: Agent } = {}) => {
  const m = multipart(parts);
  return (opts.as ?? admin).inject({
    method: 'POST',
    url: `/api/v1/admin/complaints/lapor-import${opts.dryRun ? '?dryRun=true' : ''}`,
    payload: m.payload,
    headers: m.headers,
  });
};
const row = (n: number, o: LaporFixtureRow = {}) => laporRow(n, o);

async function counts() {
  return {
    complaints: await t.ctx.db.$count(complaints),
    imports: await t.ctx.db.$count(laporImports),
    ledger: await t.ctx.db.$count(auditEntries),
  };
}

async function importedUnits(trackingIds: string[]) {
  const rows = await t.ctx.db
    .select({ trackingId: laporImports.trackingId, unitId: complaints.unitId })
    .from(laporImports)
    .innerJoin(complaints, eq(complaints.id, laporImports.complaintId))
    .where(and(eq(laporImports.agencyId, agencyId), inArray(laporImports.trackingId, trackingIds)))
    .orderBy(laporImports.trackingId);
  return rows.map((r) => [r.trackingId, r.unitId]);
}

const EXPORT = laporCsv([
  row(1),
  row(2, { 'Status Laporan': 'Proses', 'Tipe Laporan (Anonim/Rahasia)': 'Anonim' }),
  row(3, { 'Instansi Terdisposisi': 'UPTD Jalan Antah Berantah' }),
  row(4, { 'Tanggal Laporan Masuk': '31/02/2025' }),
]);

describe('LAPOR import over HTTP', () => {
  it('a dry run reports rows, importable, unmatched names and row errors, and writes nothing', async () => {
    const before = await counts();
    const res = await upload([{ name: 'file', filename: 'lapor.csv', data: EXPORT }], { dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dryRun: true,
      rows: 4,
      importable: 2,
      imported: 0,
      alreadyImported: 0,
      overdueOpen: 0,
      errors: [
        {
          row: 5,
          trackingId: '4100004',
          message: { id: 'Tanggal/waktu laporan masuk tidak valid.', en: 'Invalid date/time of receipt.' },
        },
      ],
      unmatched: [{ name: 'UPTD Jalan Antah Berantah', count: 1 }],
    });
    expect(await counts()).toEqual(before);
  });

  it('a real run imports, keeps the tracking IDs, and writes one ledger entry with counts only', async () => {
    const before = await counts();
    const res = await upload([{ name: 'file', filename: 'Ekspor LAPOR.CSV', data: EXPORT }]);
    expect(res.statusCode).toBe(200);
    // 4100002 is still open ('Proses'), received in 2025: overdue already.
    expect(res.json()).toMatchObject({
      dryRun: false,
      rows: 4,
      importable: 2,
      imported: 2,
      alreadyImported: 0,
      overdueOpen: 1,
    });
    const bina = await unitIdByName(t, 'kota-serang', 'Bidang Bina Marga');
    expect(await importedUnits(['4100001', '4100002', '4100003', '4100004'])).toEqual([
      ['4100001', bina],
      ['4100002', bina],
    ]);
    // The console shows the original tracking ID on the imported report.
    const [imp] = await t.ctx.db
      .select({ id: laporImports.complaintId })
      .from(laporImports)
      .where(and(eq(laporImports.agencyId, agencyId), eq(laporImports.trackingId, '4100002')));
    const detail = await admin.inject({ method: 'GET', url: `/api/v1/console/complaints/${imp!.id}` });
    expect(detail.json()).toMatchObject({ laporTrackingId: '4100002', status: 'diterima', visibility: 'anonim' });

    // Two reports (each audited as the admin's) and one entry for the import.
    const after = await counts();
    expect(after.complaints - before.complaints).toBe(2);
    const entries = await t.ctx.db
      .select()
      .from(auditEntries)
      .where(inArray(auditEntries.action, ['complaints.lapor_import', 'complaints.lapor_import.run']));
    expect(entries.map((e) => [e.action, e.actorId, e.actorRole])).toEqual([
      ['complaints.lapor_import', admin.userId, 'admin_instansi'],
      ['complaints.lapor_import', admin.userId, 'admin_instansi'],
      ['complaints.lapor_import.run', admin.userId, 'admin_instansi'],
    ]);
    expect(entries[2]!.meta).toEqual({
      rows: 4,
      imported: 2,
      alreadyImported: 0,
      overdueOpen: 1,
      errors: 1,
      unmatchedNames: 1,
      unmatchedRows: 1,
      mappingEntries: 0,
    });
  });

  it('uploading the same export again reports the rows as already imported and adds nothing', async () => {
    const before = await counts();
    const dry = await upload([{ name: 'file', filename: 'lapor.csv', data: EXPORT }], { dryRun: true });
    expect(dry.json()).toMatchObject({ importable: 0, alreadyImported: 2 });
    const res = await upload([{ name: 'file', filename: 'lapor.csv', data: EXPORT }]);
    expect(res.json()).toMatchObject({ rows: 4, importable: 0, imported: 0, alreadyImported: 2 });
    expect((await counts()).complaints).toBe(before.complaints);
  });

  it('a mapping file places the unmatched name, and xlsx exports import the same way', async () => {
    const kesehatan = await unitIdByName(t, 'kota-serang', 'Dinas Kesehatan');
    const xlsx = await laporXlsx([
      row(3, { 'Instansi Terdisposisi': 'UPTD Jalan Antah Berantah' }),
      row(5, { 'Instansi Terdisposisi': 'Puskesmas Kota Serang' }),
    ]);
    const file = { name: 'file', filename: 'lapor.xlsx', data: xlsx };
    const dry = await upload([file], { dryRun: true });
    expect(dry.json()).toMatchObject({
      importable: 0,
      unmatched: [
        { name: 'UPTD Jalan Antah Berantah', count: 1 },
        { name: 'Puskesmas Kota Serang', count: 1 },
      ],
    });
    const bina = await unitIdByName(t, 'kota-serang', 'Bidang Bina Marga');
    const mapping = {
      name: 'mapping',
      filename: 'pemetaan.csv',
      data: `lapor_name,unit_id\nUPTD Jalan Antah Berantah,${bina}\n"Puskesmas Kota Serang",${kesehatan}\n`,
    };
    const res = await upload([file, mapping]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, unmatched: [], errors: [] });
    expect(await importedUnits(['4100003', '4100005'])).toEqual([
      ['4100003', bina],
      ['4100005', kesehatan],
    ]);
  });

  it('refuses a wrong, unreadable or incomplete file with a bilingual 400 naming the problem, changing nothing', async () => {
    const before = await counts();
    const refused = async (parts: Part[], code: string, mentions?: string) => {
      for (const dryRun of [true, false]) {
        const res = await upload(parts, { dryRun });
        expect(res.statusCode, res.body).toBe(400);
        const error = res.json().error;
        expect(error.code).toBe(code);
        expect(error.messages.id).toBeTruthy();
        expect(error.messages.en).toBeTruthy();
        if (mentions) {
          expect(error.messages.id).toContain(mentions);
          expect(error.messages.en).toContain(mentions);
        }
      }
    };
    await refused([{ name: 'file', filename: 'laporan.pdf', data: '%PDF-1.4\n' }], 'UNSUPPORTED_FILE_TYPE', '.pdf');
    await refused([{ name: 'file', filename: 'laporan.xls', data: 'x' }], 'UNSUPPORTED_FILE_TYPE', '.xls');
    await refused([{ name: 'file', filename: 'laporan.xlsx', data: 'not a workbook' }], 'UNREADABLE_FILE', '.xlsx');
    await refused(
      [{ name: 'file', filename: 'laporan.xlsx', data: Buffer.from('PK\u0003\u0004broken zip') }],
      'UNREADABLE_FILE',
    );
    await refused(
      [{ name: 'file', filename: 'laporan.csv', data: '"Tracking ID","Status\n1,"x' }],
      'UNREADABLE_FILE',
      '.csv',
    );
    const noStatus = laporCsv([row(9)]).replace('"Status Laporan"', '"Status"');
    await refused([{ name: 'file', filename: 'laporan.csv', data: noStatus }], 'MISSING_COLUMNS', '"Status Laporan"');
    await refused([{ name: 'file', filename: 'laporan.csv', data: laporCsv([]) }], 'NO_ROWS');
    await refused([{ name: 'mapping', filename: 'm.csv', data: 'a,b\n' }], 'NO_FILE');
    await refused(
      [
        { name: 'file', filename: 'lapor.csv', data: laporCsv([row(9)]) },
        { name: 'mapping', filename: 'm.csv', data: 'Dinas X,00000000-0000-4000-8000-000000000000\n' },
      ],
      'UNKNOWN_UNIT',
    );
    const json = await admin.inject({
      method: 'POST',
      url: '/api/v1/admin/complaints/lapor-import',
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('is for the agency admin only', async () => {
    const file = [{ name: 'file', filename: 'lapor.csv', data: laporCsv([row(30)]) }];
    expect((await upload(file, { as: anonymous(t) })).statusCode).toBe(401);
    for (const role of ['operator_unit', 'kepala_unit', 'inspektorat', 'pimpinan'] as const) {
      const res = await upload(file, { as: await loginAs(t, role), dryRun: true });
      expect(res.statusCode, role).toBe(403);
    }
    const cityOperator = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.operator_unit, DEMO_PASSWORD);
    expect((await upload(file, { as: cityOperator })).statusCode).toBe(403);
    expect(await importedUnits(['4100030'])).toEqual([]);
  });
});
