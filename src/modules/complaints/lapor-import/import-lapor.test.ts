// Importing an SP4N-LAPOR! export: idempotent by tracking ID, unmatched unit names reported, the mapping
// file applied, bad rows reported by row number with nothing of them left behind.
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { outbox } from '../../../core/outbox/schema';
import { runEscalations } from '../run-escalations';
import { complaints, escalations, events } from '../schema';
import { agencyIdOf, unitIdByName } from '../test-factory';
import { importLapor } from './import-lapor';
import { laporCsv, laporRow, laporXlsx } from './lapor-fixture';
import { readLaporCsv, readLaporXlsx, readMappingCsv } from './read-lapor-file';
import { laporImports } from './schema';

let t: TestApp;
let agencyId: string;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-02-12T02:00:00Z') });
  agencyId = await agencyIdOf(t, 'kota-serang');
});

async function imported(trackingIds: string[]) {
  return t.ctx.db
    .select({
      trackingId: laporImports.trackingId,
      status: complaints.status,
      unitId: complaints.unitId,
      source: complaints.source,
      visibility: complaints.visibility,
      kind: complaints.kind,
      receivedAt: complaints.receivedAt,
    })
    .from(laporImports)
    .innerJoin(complaints, eq(complaints.id, laporImports.complaintId))
    .where(and(eq(laporImports.agencyId, agencyId), inArray(laporImports.trackingId, trackingIds)))
    .orderBy(laporImports.trackingId);
}

describe('pamong import lapor', () => {
  it('imports an xlsx export once: a second import of the same file adds nothing', async () => {
    const file = await laporXlsx([
      laporRow(1),
      laporRow(2, {
        'Klasifikasi Laporan': 'Aspirasi',
        'Sumber Laporan': 'Hotline Service',
        'Tipe Laporan (Anonim/Rahasia)': 'Anonim',
        'Status Laporan': 'Menunggu Kelengkapan Informasi',
        'Tanggal Laporan Masuk': '05/11/2025',
        'Waktu Laporan Masuk': '14:30',
      }),
    ]);
    const first = await importLapor(t.ctx, { agencyId, rows: await readLaporXlsx(file) });
    expect(first).toMatchObject({ rows: 2, imported: 2, alreadyImported: 0, errors: [], unmatched: [] });
    const second = await importLapor(t.ctx, { agencyId, rows: await readLaporXlsx(file) });
    expect(second).toMatchObject({ rows: 2, imported: 0, alreadyImported: 2, errors: [] });
    const bina = await unitIdByName(t, 'kota-serang', 'Bidang Bina Marga');
    const rows = await imported(['4100001', '4100002']);
    expect(rows).toEqual([
      {
        trackingId: '4100001',
        status: 'ditutup',
        unitId: bina,
        source: 'website',
        visibility: 'rahasia',
        kind: 'pengaduan',
        receivedAt: new Date('2025-11-03T01:15:00Z'),
      },
      {
        trackingId: '4100002',
        status: 'menunggu_kelengkapan',
        unitId: bina,
        source: 'hotline',
        visibility: 'anonim',
        kind: 'aspirasi',
        receivedAt: new Date('2025-11-05T07:30:00Z'),
      },
    ]);
  });

  it("keeps an agency's own history at that agency, even for reports about a place another agency runs", async () => {
    const banten = await agencyIdOf(t, 'banten');
    // The province's export: a report about Kota Serang that the province's own Bidang Bina Marga handled.
    const row = laporRow(7, { 'Instansi Induk': 'Pemerintah Provinsi Banten' });
    const s = await importLapor(t.ctx, { agencyId: banten, rows: readLaporCsv(laporCsv([row])) });
    expect(s).toMatchObject({ imported: 1, errors: [], unmatched: [] });
    const [c] = await t.ctx.db
      .select({ agencyId: complaints.agencyId, unitId: complaints.unitId })
      .from(laporImports)
      .innerJoin(complaints, eq(complaints.id, laporImports.complaintId))
      .where(and(eq(laporImports.agencyId, banten), eq(laporImports.trackingId, '4100007')));
    expect(c).toEqual({ agencyId: banten, unitId: await unitIdByName(t, 'banten', 'Bidang Bina Marga') });
  });

  it("records the escalations an open report's old deadline has passed as sent to nobody, and the job sends none", async () => {
    const row = laporRow(8, { 'Status Laporan': 'Proses' }); // received 3 Nov 2025, still open
    const s = await importLapor(t.ctx, { agencyId, rows: readLaporCsv(laporCsv([row])) });
    expect(s).toMatchObject({ imported: 1, overdueOpen: 1, errors: [] });
    const [c] = await t.ctx.db
      .select({ id: complaints.id, code: complaints.code, status: complaints.status })
      .from(laporImports)
      .innerJoin(complaints, eq(complaints.id, laporImports.complaintId))
      .where(and(eq(laporImports.agencyId, agencyId), eq(laporImports.trackingId, '4100008')));
    expect(c!.status).toBe('diterima');
    const steps = async () =>
      (await t.ctx.db.select({ step: escalations.step }).from(escalations).where(eq(escalations.complaintId, c!.id)))
        .map((r) => r.step)
        .sort();
    expect(await steps()).toEqual(['kepala_unit', 'pimpinan', 'reminder']);
    const timeline = await t.ctx.db
      .select({ meta: events.meta })
      .from(events)
      .where(and(eq(events.complaintId, c!.id), eq(events.kind, 'escalation')));
    expect(timeline.map((e) => e.meta)).toEqual(
      ['reminder', 'kepala_unit', 'pimpinan'].map((step) =>
        expect.objectContaining({ step, recipients: [], imported: true }),
      ),
    );
    const mailsAbout = async () =>
      (await t.ctx.db.select({ payload: outbox.payload }).from(outbox)).filter((m) =>
        JSON.stringify(m.payload).includes(c!.code),
      ).length;
    const before = await mailsAbout();
    await runEscalations(t.ctx);
    expect(await steps()).toEqual(['kepala_unit', 'pimpinan', 'reminder']);
    expect(await mailsAbout()).toBe(before);

    // Received yesterday: not overdue, so nothing is recorded for it and its ladder runs as for any report.
    const fresh = laporRow(9, { 'Status Laporan': 'Proses', 'Tanggal Laporan Masuk': '2026-02-11' });
    const s2 = await importLapor(t.ctx, { agencyId, rows: readLaporCsv(laporCsv([fresh])) });
    expect(s2).toMatchObject({ imported: 1, overdueOpen: 0, errors: [] });
    const [f] = await t.ctx.db
      .select({ id: laporImports.complaintId })
      .from(laporImports)
      .where(and(eq(laporImports.agencyId, agencyId), eq(laporImports.trackingId, '4100009')));
    expect(await t.ctx.db.$count(escalations, eq(escalations.complaintId, f!.id))).toBe(0);
  });

  it('reports unmatched unit names with counts, and imports those rows once a mapping file names the unit', async () => {
    const rows = readLaporCsv(
      laporCsv([
        laporRow(11, { 'Instansi Terdisposisi': 'DPUPR Kota Serang' }),
        laporRow(12, { 'Instansi Terdisposisi': 'DPUPR Kota Serang' }),
        laporRow(13, { 'Instansi Terdisposisi': 'Dinas Kesehatan Kota Serang' }),
        laporRow(14, { 'Instansi Terdisposisi': 'Kantor Antah Berantah' }),
      ]),
    );
    const first = await importLapor(t.ctx, { agencyId, rows });
    expect(first.imported).toBe(1); // 'Dinas Kesehatan Kota Serang' matches 'Dinas Kesehatan' once normalised
    expect(first.unmatched).toEqual([
      { name: 'DPUPR Kota Serang', count: 2 },
      { name: 'Kantor Antah Berantah', count: 1 },
    ]);
    const pu = await unitIdByName(t, 'kota-serang', 'Dinas Pekerjaan Umum dan Penataan Ruang');
    const mapping = readMappingCsv(`lapor_name,unit_id\nDPUPR Kota Serang,${pu}\n`);
    const second = await importLapor(t.ctx, { agencyId, rows, mapping });
    expect(second).toMatchObject({
      imported: 2,
      alreadyImported: 1,
      unmatched: [{ name: 'Kantor Antah Berantah', count: 1 }],
    });
    const done = await imported(['4100011', '4100012', '4100013', '4100014']);
    expect(done.map((r) => [r.trackingId, r.unitId])).toEqual([
      ['4100011', pu],
      ['4100012', pu],
      ['4100013', await unitIdByName(t, 'kota-serang', 'Dinas Kesehatan')],
    ]);
  });

  it('reports bad rows by row number in both languages and leaves nothing of them behind', async () => {
    const before = await t.ctx.db.$count(complaints);
    const rows = await readLaporXlsx(
      await laporXlsx([
        laporRow(21),
        laporRow(22, { 'Tanggal Laporan Masuk': '31/02/2025' }),
        laporRow(23, { 'Klasifikasi Laporan': 'Keluhan Umum' }),
        laporRow(24, { 'Tracking ID': '' }),
        laporRow(25, { 'Isi Laporan Awal': '', 'Isi Laporan Akhir': '' }),
        laporRow(26, { 'Status Laporan': 'Entah' }),
      ]),
    );
    const s = await importLapor(t.ctx, { agencyId, rows });
    expect(s.imported).toBe(1);
    expect(s.errors.map((e) => [e.row, e.trackingId, e.message.id])).toEqual([
      [3, '4100022', 'Tanggal/waktu laporan masuk tidak valid.'],
      [4, '4100023', 'Klasifikasi laporan tidak dikenal: "Keluhan Umum".'],
      [5, null, 'Tracking ID kosong.'],
      [6, '4100025', 'Isi laporan kosong.'],
      [7, '4100026', 'Status laporan tidak dikenal: "Entah".'],
    ]);
    expect(s.errors[0]!.message.en).toBe('Invalid date/time of receipt.');
    expect(await t.ctx.db.$count(complaints)).toBe(before + 1);
    expect((await imported(['4100022', '4100023', '4100025', '4100026'])).length).toBe(0);
  });
});
