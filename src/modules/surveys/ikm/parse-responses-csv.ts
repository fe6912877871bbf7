// Reads a CSV of survey responses (one respondent per row) for the IKM of PermenPANRB 14/2017.
//
// Header: u1..u9 required (the element keys of elements.ts, matched by name, never by position: tools
// disagree on the order of elements 8 and 9); optional profile columns jenis_kelamin, umur, pendidikan,
// pekerjaan; any other column is an error. Column names are matched case-insensitively. The delimiter is
// a comma, or a semicolon when the header line has semicolons and no commas (as spreadsheets in an
// Indonesian locale export).
//
// Rows: every u column must hold 1, 2, 3 or 4. A row with any error is left out of `responses` and each
// of its problems is reported with its row number: the line of the file on which the record starts, the
// header being row 1 (the row number a spreadsheet shows, unless a quoted cell spans several lines). Profile values may be given as a code or a label (e.g. "L" or
// "Laki-laki", "S2+" or "S2 ke atas"); umur takes whole years (grouped by umurGroupOf) or a group code.
import { parse } from 'csv-parse/sync';
import { type Text, text } from '../../../core/i18n/messages';
import {
  type AnswerValue,
  ELEMENT_KEYS,
  type ElementKey,
  isElementKey,
  JENIS_KELAMIN_OPTIONS,
  PEKERJAAN_OPTIONS,
  PENDIDIKAN_OPTIONS,
  type ProfileOption,
  type RespondentProfile,
  UMUR_GROUP_OPTIONS,
  umurGroupOf,
} from './elements';

export const PROFILE_COLUMNS = ['jenis_kelamin', 'umur', 'pendidikan', 'pekerjaan'] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];

export type CsvErrorCode =
  | 'EMPTY_FILE'
  | 'MALFORMED_CSV'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'MISSING_COLUMN'
  | 'NO_DATA_ROWS'
  | 'COLUMN_COUNT'
  | 'MISSING_ANSWER'
  | 'ANSWER_OUT_OF_RANGE'
  | 'INVALID_PROFILE_VALUE';

export interface CsvRowError {
  /** Row number in the file; the header is row 1. */
  row: number;
  column?: string;
  code: CsvErrorCode;
  message: Text;
}

export interface ParsedResponse {
  row: number;
  answers: Record<ElementKey, AnswerValue>;
  profile: RespondentProfile;
}

export interface ParsedResponsesCsv {
  /** True when there is no error at all. */
  ok: boolean;
  responses: ParsedResponse[];
  errors: CsvRowError[];
}

const MAX_AGE = 120;

export function parseResponsesCsv(input: string | Uint8Array): ParsedResponsesCsv {
  const source = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  const errors: CsvRowError[] = [];
  const fail = (error: CsvRowError): ParsedResponsesCsv => ({ ok: false, responses: [], errors: [error] });

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(source, {
      bom: true,
      delimiter: detectDelimiter(source),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: unknown }).lines;
    return fail({
      row: typeof line === 'number' ? line : 1,
      code: 'MALFORMED_CSV',
      message: text(
        `Berkas CSV tidak dapat dibaca: ${(err as Error).message}`,
        `The CSV file cannot be read: ${(err as Error).message}`,
      ),
    });
  }

  const [headerRecord, ...rows] = records;
  if (!headerRecord || headerRecord.record.every((cell) => cell.trim() === '')) {
    return fail({
      row: 1,
      code: 'EMPTY_FILE',
      message: text('Berkas CSV kosong.', 'The CSV file is empty.'),
    });
  }

  // Header.
  const headerRow = headerRecord.info.lines;
  const header = headerRecord.record.map((name) => name.trim().toLowerCase());
  const seen = new Set<string>();
  header.forEach((name) => {
    if (seen.has(name)) {
      errors.push({
        row: headerRow,
        column: name,
        code: 'DUPLICATE_COLUMN',
        message: text(`Kolom "${name}" muncul lebih dari sekali.`, `Column "${name}" appears more than once.`),
      });
    }
    seen.add(name);
    if (!isElementKey(name) && !(PROFILE_COLUMNS as readonly string[]).includes(name)) {
      errors.push({
        row: headerRow,
        column: name,
        code: 'UNKNOWN_COLUMN',
        message: text(
          `Kolom "${name}" tidak dikenal. Kolom yang sah: u1-u9, ${PROFILE_COLUMNS.join(', ')}.`,
          `Unknown column "${name}". Valid columns: u1-u9, ${PROFILE_COLUMNS.join(', ')}.`,
        ),
      });
    }
  });
  const missing = ELEMENT_KEYS.filter((key) => !seen.has(key));
  for (const key of missing) {
    errors.push({
      row: headerRow,
      column: key,
      code: 'MISSING_COLUMN',
      message: text(
        `Kolom wajib "${key}" tidak ada; kesembilan unsur u1-u9 wajib ada.`,
        `Required column "${key}" is missing; all nine elements u1-u9 are required.`,
      ),
    });
  }
  if (missing.length > 0) return { ok: false, responses: [], errors };
  if (rows.length === 0) {
    errors.push({
      row: headerRow,
      code: 'NO_DATA_ROWS',
      message: text('Berkas CSV tidak berisi jawaban.', 'The CSV file contains no responses.'),
    });
    return { ok: false, responses: [], errors };
  }

  const columnIndex = (name: string): number => header.indexOf(name);

  // Rows.
  const responses: ParsedResponse[] = [];
  for (const { record, info } of rows) {
    // info.lines is the line on which the record ends; a quoted cell may span lines.
    const row = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const rowErrors: CsvRowError[] = [];
    if (record.length !== header.length) {
      rowErrors.push({
        row,
        code: 'COLUMN_COUNT',
        message: text(
          `Baris ${row}: ada ${record.length} kolom, seharusnya ${header.length}.`,
          `Row ${row}: has ${record.length} columns, expected ${header.length}.`,
        ),
      });
    }
    const answers = {} as Record<ElementKey, AnswerValue>;
    for (const key of ELEMENT_KEYS) {
      const raw = (record[columnIndex(key)] ?? '').trim();
      if (raw === '') {
        rowErrors.push({
          row,
          column: key,
          code: 'MISSING_ANSWER',
          message: text(
            `Baris ${row}: jawaban unsur ${key} kosong.`,
            `Row ${row}: the answer to element ${key} is empty.`,
          ),
        });
      } else if (!/^[1-4]$/.test(raw)) {
        rowErrors.push({
          row,
          column: key,
          code: 'ANSWER_OUT_OF_RANGE',
          message: text(
            `Baris ${row}: jawaban unsur ${key} "${raw}" harus 1, 2, 3 atau 4.`,
            `Row ${row}: the answer to element ${key} "${raw}" must be 1, 2, 3 or 4.`,
          ),
        });
      } else {
        answers[key] = Number(raw) as AnswerValue;
      }
    }
    const profile: RespondentProfile = {};
    for (const column of PROFILE_COLUMNS) {
      const index = columnIndex(column);
      const raw = index < 0 ? '' : (record[index] ?? '').trim();
      if (raw === '') continue;
      if (!readProfileValue(profile, column, raw)) {
        rowErrors.push({
          row,
          column,
          code: 'INVALID_PROFILE_VALUE',
          message: text(
            `Baris ${row}: nilai "${raw}" tidak sah untuk ${column}. ${allowedValues(column, 'id')}`,
            `Row ${row}: "${raw}" is not a valid ${column}. ${allowedValues(column, 'en')}`,
          ),
        });
      }
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else responses.push({ row, answers, profile });
  }
  return { ok: errors.length === 0, responses, errors };
}

// ---------------------------------------------------------------------------------------------------

function detectDelimiter(source: string): string {
  const firstLine = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

const normalise = (value: string): string => value.toLowerCase().replace(/[\s_]+/g, '');

function matchOption<C extends string>(options: readonly ProfileOption<C>[], raw: string): C | undefined {
  const wanted = normalise(raw);
  return options.find((o) => [o.code, o.label.id, o.label.en].some((candidate) => normalise(candidate) === wanted))
    ?.code;
}

/** Writes the value into the profile; false when it is not valid. */
function readProfileValue(profile: RespondentProfile, column: ProfileColumn, raw: string): boolean {
  switch (column) {
    case 'jenis_kelamin': {
      const code = matchOption(JENIS_KELAMIN_OPTIONS, raw);
      if (code) profile.jenisKelamin = code;
      return code !== undefined;
    }
    case 'pendidikan': {
      const code = matchOption(PENDIDIKAN_OPTIONS, raw);
      if (code) profile.pendidikan = code;
      return code !== undefined;
    }
    case 'pekerjaan': {
      const code = matchOption(PEKERJAAN_OPTIONS, raw);
      if (code) profile.pekerjaan = code;
      return code !== undefined;
    }
    case 'umur': {
      if (/^\d+$/.test(raw)) {
        const years = Number(raw);
        if (years < 1 || years > MAX_AGE) return false;
        profile.umurTahun = years;
        profile.umur = umurGroupOf(years);
        return true;
      }
      const code = matchOption(UMUR_GROUP_OPTIONS, raw);
      if (code) profile.umur = code;
      return code !== undefined;
    }
  }
}

function allowedValues(column: ProfileColumn, lang: 'id' | 'en'): string {
  const codes = (options: readonly { code: string }[]) => options.map((o) => o.code).join(', ');
  const list =
    column === 'jenis_kelamin'
      ? codes(JENIS_KELAMIN_OPTIONS)
      : column === 'pendidikan'
        ? codes(PENDIDIKAN_OPTIONS)
        : column === 'pekerjaan'
          ? codes(PEKERJAAN_OPTIONS)
          : lang === 'id'
            ? `umur dalam tahun (1-${MAX_AGE}) atau ${codes(UMUR_GROUP_OPTIONS)}`
            : `age in years (1-${MAX_AGE}) or ${codes(UMUR_GROUP_OPTIONS)}`;
  return lang === 'id' ? `Nilai yang sah: ${list}.` : `Valid values: ${list}.`;
}
