// Reads an SP4N-LAPOR! export (xlsx or csv, from a path or from uploaded bytes) into numbered rows keyed by
// the export's column headers. A file of the wrong type, one that cannot be read, or one without the columns
// the import needs is refused with a bilingual 400 naming what is wrong, before anything is imported.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError, badRequest } from '../../../core/http/errors';
import { text } from '../../../core/i18n/messages';

/** The columns of an SP4N-LAPOR! export, as its header row spells them. */
export const LAPOR_COLUMNS = [
  'Tracking ID',
  'Tanggal Laporan Masuk',
  'Waktu Laporan Masuk',
  'Klasifikasi Laporan',
  'ID Kategori',
  'Kategori',
  'Judul Laporan',
  'Isi Laporan Awal',
  'Isi Laporan Akhir',
  'Tipe Laporan (Anonim/Rahasia)',
  'Sumber Laporan',
  'Instansi Induk',
  'Instansi Terdisposisi',
  'Status Laporan',
  'Alasan Tunda/Arsip',
  'Provinsi',
  'Kota/Kabupaten',
] as const;

/** Without these the import cannot place, date or classify a report (the text needs one of the two Isi columns). */
const REQUIRED_COLUMNS = [
  'Tracking ID',
  'Tanggal Laporan Masuk',
  'Klasifikasi Laporan',
  'Tipe Laporan (Anonim/Rahasia)',
  'Instansi Terdisposisi',
  'Status Laporan',
] as const;
const TEXT_COLUMNS = ['Isi Laporan Akhir', 'Isi Laporan Awal'] as const;

export interface LaporRow {
  /** Row number as the user sees it in the spreadsheet (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

interface Table {
  headers: string[];
  rows: LaporRow[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** A header as the export spells it, whatever the case and spacing in this file. */
const canonical = new Map<string, string>(LAPOR_COLUMNS.map((c) => [headerKey(c), c]));
function headerKey(h: string): string {
  return h.toLowerCase().replace(/\s+/g, ' ').trim();
}
const canonicalHeader = (h: string) => canonical.get(headerKey(h)) ?? h.trim();

async function xlsxTable(data: Buffer | ArrayBuffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = canonicalHeader(cellText(cell.value));
  });
  const rows: LaporRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    headers.forEach((h, col) => {
      if (h) values[h] = cellText(r.getCell(col).value).trim();
    });
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: n, values });
  });
  return { headers: headers.filter(Boolean), rows };
}

/** Excel in an Indonesian locale saves CSV with semicolons: the header line says which separator is used. */
function csvDelimiter(data: string | Buffer): string {
  const s = typeof data === 'string' ? data.slice(0, 4096) : data.subarray(0, 4096).toString('utf8');
  const first = s.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  const best = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

function csvTable(data: string | Buffer): Table {
  const records = parse(data, {
    bom: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    delimiter: csvDelimiter(data),
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = records;
  if (!head) return { headers: [], rows: [] };
  const headers = head.record.map(canonicalHeader);
  const rows = body.map((r) => {
    const values: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) values[h] = r.record[i] ?? '';
    });
    return { row: r.info.lines, values };
  });
  return { headers: headers.filter(Boolean), rows };
}

export async function readLaporXlsx(data: Buffer | ArrayBuffer): Promise<LaporRow[]> {
  return (await xlsxTable(data)).rows;
}

export function readLaporCsv(data: string | Buffer): LaporRow[] {
  return csvTable(data).rows;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const unreadable = (what: string, en: string) =>
  badRequest(
    'UNREADABLE_FILE',
    text(
      `Berkas ${what} tidak dapat dibaca. Ekspor ulang dari SP4N-LAPOR! lalu coba lagi.`,
      `The ${en} file cannot be read. Export it again from SP4N-LAPOR! and try again.`,
    ),
  );

/** xlsx or csv, by the file's extension and its first bytes; anything else is refused. */
export function laporFileKind(data: Buffer, fileName: string): 'xlsx' | 'csv' {
  const ext = extname(fileName).toLowerCase();
  const zip = data.subarray(0, 4).equals(ZIP);
  const ole = data.subarray(0, 8).equals(OLE);
  if (ext === '.xls' || (ole && ext !== '.csv'))
    throw badRequest(
      'UNSUPPORTED_FILE_TYPE',
      text(
        'Berkas .xls (Excel lama) tidak didukung. Simpan sebagai .xlsx atau .csv lalu unggah lagi.',
        'Old Excel (.xls) files are not supported. Save it as .xlsx or .csv and upload it again.',
      ),
    );
  if (ext === '.xlsx' || (ext === '' && zip)) {
    if (!zip) throw unreadable('.xlsx', '.xlsx');
    return 'xlsx';
  }
  if (ext === '.csv' || ext === '') {
    if (zip || ole || data.includes(0)) throw unreadable('.csv', '.csv');
    return 'csv';
  }
  throw badRequest(
    'UNSUPPORTED_FILE_TYPE',
    text(
      `Jenis berkas ${ext} tidak didukung. Unggah ekspor SP4N-LAPOR! berupa .xlsx atau .csv.`,
      `Files of type ${ext} are not supported. Upload the SP4N-LAPOR! export as .xlsx or .csv.`,
    ),
  );
}

function assertColumns(headers: string[]): void {
  const have = new Set(headers);
  const missing: string[] = REQUIRED_COLUMNS.filter((c) => !have.has(c));
  if (!TEXT_COLUMNS.some((c) => have.has(c))) missing.push(TEXT_COLUMNS.join(' / '));
  if (missing.length === 0) return;
  const list = missing.map((m) => `"${m}"`).join(', ');
  throw badRequest(
    'MISSING_COLUMNS',
    text(
      `Kolom berikut tidak ada pada baris judul berkas: ${list}. Gunakan ekspor SP4N-LAPOR! tanpa mengubah judul kolom.`,
      `These columns are missing from the file's header row: ${list}. Use the SP4N-LAPOR! export with its column headers unchanged.`,
    ),
    { missing },
  );
}

/** Reads uploaded (or read) bytes; `fileName` gives the type. Throws a 400 AppError when the file is unusable. */
export async function readLaporBuffer(data: Buffer, fileName: string): Promise<LaporRow[]> {
  const kind = laporFileKind(data, fileName);
  let table: Table;
  try {
    table = kind === 'xlsx' ? await xlsxTable(data) : csvTable(data);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const line = (e as { lines?: unknown }).lines;
    if (kind === 'csv' && typeof line === 'number')
      throw badRequest(
        'UNREADABLE_FILE',
        text(
          `Berkas .csv tidak dapat dibaca pada baris ${line} (tanda kutip atau jumlah kolom tidak sesuai).`,
          `The .csv file cannot be read at line ${line} (quotes or number of columns do not match).`,
        ),
      );
    throw unreadable(`.${kind}`, `.${kind}`);
  }
  assertColumns(table.headers);
  return table.rows;
}

export async function readLaporFile(path: string): Promise<LaporRow[]> {
  return readLaporBuffer(await readFile(path), path);
}

/** The mapping file: `lapor_name,unit_id` per line (header optional). */
export function readMappingCsv(data: string | Buffer): Map<string, string> {
  let rows: string[][];
  try {
    rows = parse(data, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      delimiter: csvDelimiter(data),
    }) as string[][];
  } catch {
    throw badRequest(
      'UNREADABLE_MAPPING',
      text(
        'Berkas pemetaan tidak dapat dibaca. Tulis satu baris per nama: lapor_name,unit_id.',
        'The mapping file cannot be read. Write one line per name: lapor_name,unit_id.',
      ),
    );
  }
  const map = new Map<string, string>();
  for (const [name, unitId] of rows) {
    if (!name || !unitId || (name === 'lapor_name' && unitId === 'unit_id')) continue;
    map.set(name, unitId);
  }
  return map;
}
