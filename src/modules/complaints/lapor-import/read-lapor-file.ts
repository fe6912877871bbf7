// Reads an SP4N-LAPOR! export (xlsx or csv) into numbered rows keyed by the export's column headers.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface LaporRow {
  /** Row number as the user sees it in the spreadsheet (the header is row 1). */
  row: number;
  values: Record<string, string>;
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

export async function readLaporXlsx(data: Buffer | ArrayBuffer): Promise<LaporRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = cellText(cell.value).trim();
  });
  const out: LaporRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    headers.forEach((h, col) => {
      if (h) values[h] = cellText(r.getCell(col).value).trim();
    });
    if (Object.values(values).some((v) => v !== '')) out.push({ row: n, values });
  });
  return out;
}

export function readLaporCsv(data: string | Buffer): LaporRow[] {
  const records = parse(data, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return records.map((r) => ({ row: r.info.lines, values: r.record }));
}

export async function readLaporFile(path: string): Promise<LaporRow[]> {
  const data = await readFile(path);
  return path.toLowerCase().endsWith('.csv') ? readLaporCsv(data) : readLaporXlsx(data);
}

/** The mapping file: `lapor_name,unit_id` per line (header optional). */
export function readMappingCsv(data: string | Buffer): Map<string, string> {
  const rows = parse(data, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  const map = new Map<string, string>();
  for (const [name, unitId] of rows) {
    if (!name || !unitId || (name === 'lapor_name' && unitId === 'unit_id')) continue;
    map.set(name, unitId);
  }
  return map;
}
