// Test fixture generator: a small SP4N-LAPOR! export built with exceljs (or as CSV), with invented,
// non-personal content in the export's real column layout.
import ExcelJS from 'exceljs';
import { LAPOR_COLUMNS } from './import-lapor';

export type LaporFixtureRow = Partial<Record<(typeof LAPOR_COLUMNS)[number], string>>;

/** A plausible row; `overrides` replace any column. */
export function laporRow(n: number, overrides: LaporFixtureRow = {}): LaporFixtureRow {
  return {
    'Tracking ID': `${4100000 + n}`,
    'Tanggal Laporan Masuk': '2025-11-03',
    'Waktu Laporan Masuk': '08:15:00',
    'Klasifikasi Laporan': 'Pengaduan Tidak Berkadar Pengawasan',
    'ID Kategori': '12',
    Kategori: 'Infrastruktur',
    'Judul Laporan': `Jalan berlubang di ruas lingkungan ${n}`,
    'Isi Laporan Awal': 'jalan rusak',
    'Isi Laporan Akhir': `Jalan lingkungan nomor ${n} berlubang dan aspal retak, membahayakan pengendara motor.`,
    'Tipe Laporan (Anonim/Rahasia)': 'Rahasia',
    'Sumber Laporan': 'Website',
    'Instansi Induk': 'Pemerintah Kota Serang',
    'Instansi Terdisposisi': 'Bidang Bina Marga',
    'Status Laporan': 'Ditutup oleh Sistem',
    'Alasan Tunda/Arsip': '',
    Provinsi: 'Banten',
    'Kota/Kabupaten': 'Kota Serang',
    ...overrides,
  };
}

export async function laporXlsx(rows: LaporFixtureRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Laporan');
  ws.addRow([...LAPOR_COLUMNS]);
  for (const r of rows) ws.addRow(LAPOR_COLUMNS.map((c) => r[c] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function laporCsv(rows: LaporFixtureRow[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [LAPOR_COLUMNS.map(q).join(','), ...rows.map((r) => LAPOR_COLUMNS.map((c) => q(r[c] ?? '')).join(','))].join(
    '\n',
  );
}
