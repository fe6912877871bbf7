import { describe, expect, it } from 'vitest';
import { computeIkm } from './compute-ikm';
import { parseResponsesCsv } from './parse-responses-csv';

const HEADER = 'u1,u2,u3,u4,u5,u6,u7,u8,u9';

describe('parseResponsesCsv: valid files', () => {
  it('reads answers by column name and the optional profile columns', () => {
    // Columns in a different order than u1..u9 (u9 before u8), as some tools export them.
    const csv = [
      'jenis_kelamin,umur,pendidikan,pekerjaan,u1,u2,u3,u4,u5,u6,u7,u9,u8',
      'L,34,S1,PNS,4,3,3,4,3,3,4,1,3',
      'Perempuan,20-29,S2 ke atas,Wirausaha,3,3,2,4,3,4,4,2,3',
      ',,,,4,4,3,4,4,3,4,3,3',
    ].join('\n');
    const parsed = parseResponsesCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.ok).toBe(true);
    expect(parsed.responses).toEqual([
      {
        row: 2,
        answers: { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 3, u7: 4, u8: 3, u9: 1 },
        profile: { jenisKelamin: 'L', umurTahun: 34, umur: '30-39', pendidikan: 'S1', pekerjaan: 'PNS' },
      },
      {
        row: 3,
        answers: { u1: 3, u2: 3, u3: 2, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 2 },
        profile: { jenisKelamin: 'P', umur: '20-29', pendidikan: 'S2+', pekerjaan: 'WIRAUSAHA' },
      },
      { row: 4, answers: { u1: 4, u2: 4, u3: 3, u4: 4, u5: 4, u6: 3, u7: 4, u8: 3, u9: 3 }, profile: {} },
    ]);
  });

  it('accepts a BOM, CRLF line ends, semicolons, upper-case headers and padded cells', () => {
    const csv = '\uFEFFU1;U2;U3;U4;U5;U6;U7;U8;U9;Jenis_Kelamin\r\n 4 ;3;3;4;3;3;4;3;3;p\r\n';
    const parsed = parseResponsesCsv(csv);
    expect(parsed.ok).toBe(true);
    expect(parsed.responses).toEqual([
      {
        row: 2,
        answers: { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 3, u7: 4, u8: 3, u9: 3 },
        profile: { jenisKelamin: 'P' },
      },
    ]);
  });

  it('accepts bytes', () => {
    const parsed = parseResponsesCsv(new TextEncoder().encode(`${HEADER}\n1,2,3,4,1,2,3,4,1\n`));
    expect(parsed.ok).toBe(true);
    expect(parsed.responses[0]?.answers).toEqual({ u1: 1, u2: 2, u3: 3, u4: 4, u5: 1, u6: 2, u7: 3, u8: 4, u9: 1 });
  });

  it('feeds computeIkm (the hand-worked example of compute-ikm.test.ts without respondent 5)', () => {
    const csv = [
      HEADER,
      '4,3,3,4,3,3,4,3,3',
      '3,3,2,4,3,4,4,3,2',
      '4,4,3,4,4,3,4,3,3',
      '3,2,2,3,3,3,3,2,2',
      '3,3,2,4,3,3,4,4,1',
    ].join('\n');
    const parsed = parseResponsesCsv(csv);
    // sums 17 15 12 19 16 16 19 15 11 over 5 respondents = 140; IKM = 140 / 45 = 3.1111...;
    // x 25 = 77.777... -> 77.78 -> B
    const r = computeIkm({ responses: parsed.responses.map((p) => p.answers) }, { weight: 'exact' });
    expect(r.elements.map((e) => e.sum)).toEqual([17, 15, 12, 19, 16, 16, 19, 15, 11]);
    expect([r.ikm.text, r.converted.text, r.mutu.grade]).toEqual(['3.1111', '77.78', 'B']);
  });
});

describe('parseResponsesCsv: errors', () => {
  it('reports answers outside 1..4 and missing answers with their row number', () => {
    const csv = [HEADER, '4,3,3,4,3,3,4,3,3', '5,3,3,4,3,3,4,3,0', '', '4,3,,4,3,3,4,3,3.5', '4,3,3,4,3,3,4,3,x'].join(
      '\n',
    );
    const parsed = parseResponsesCsv(csv);
    expect(parsed.ok).toBe(false);
    expect(parsed.responses.map((r) => r.row)).toEqual([2]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'u1', 'ANSWER_OUT_OF_RANGE'],
      [3, 'u9', 'ANSWER_OUT_OF_RANGE'],
      [5, 'u3', 'MISSING_ANSWER'],
      [5, 'u9', 'ANSWER_OUT_OF_RANGE'],
      [6, 'u9', 'ANSWER_OUT_OF_RANGE'],
    ]);
    expect(parsed.errors[0]?.message).toEqual({
      id: 'Baris 3: jawaban unsur u1 "5" harus 1, 2, 3 atau 4.',
      en: 'Row 3: the answer to element u1 "5" must be 1, 2, 3 or 4.',
    });
    expect(parsed.errors[2]?.message).toEqual({
      id: 'Baris 5: jawaban unsur u3 kosong.',
      en: 'Row 5: the answer to element u3 is empty.',
    });
  });

  it('reports a missing element column and parses no row', () => {
    const parsed = parseResponsesCsv('u1,u2,u3,u4,u5,u6,u7,u8\n4,3,3,4,3,3,4,3\n');
    expect(parsed.ok).toBe(false);
    expect(parsed.responses).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        row: 1,
        column: 'u9',
        code: 'MISSING_COLUMN',
        message: {
          id: 'Kolom wajib "u9" tidak ada; kesembilan unsur u1-u9 wajib ada.',
          en: 'Required column "u9" is missing; all nine elements u1-u9 are required.',
        },
      },
    ]);
  });

  it('reports unknown and duplicate columns', () => {
    const parsed = parseResponsesCsv(`${HEADER},nama,u1\n4,3,3,4,3,3,4,3,3,Budi,4\n`);
    expect(parsed.ok).toBe(false);
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'nama', 'UNKNOWN_COLUMN'],
      [1, 'u1', 'DUPLICATE_COLUMN'],
    ]);
    expect(parsed.errors[0]?.message.en).toBe(
      'Unknown column "nama". Valid columns: u1-u9, jenis_kelamin, umur, pendidikan, pekerjaan.',
    );
  });

  it('reports rows with too few or too many cells', () => {
    const parsed = parseResponsesCsv(`${HEADER}\n4,3,3,4,3,3,4,3\n4,3,3,4,3,3,4,3,3,4\n`);
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, undefined, 'COLUMN_COUNT'],
      [2, 'u9', 'MISSING_ANSWER'],
      [3, undefined, 'COLUMN_COUNT'],
    ]);
    expect(parsed.responses).toEqual([]);
  });

  it('reports invalid profile values', () => {
    const csv = [
      `${HEADER},jenis_kelamin,umur,pendidikan,pekerjaan`,
      '4,3,3,4,3,3,4,3,3,X,34,S1,PNS',
      '4,3,3,4,3,3,4,3,3,L,200,S4,Petani',
      '4,3,3,4,3,3,4,3,3,L,tiga puluh,SMA,Lainnya',
    ].join('\n');
    const parsed = parseResponsesCsv(csv);
    expect(parsed.responses).toEqual([]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'jenis_kelamin', 'INVALID_PROFILE_VALUE'],
      [3, 'umur', 'INVALID_PROFILE_VALUE'],
      [3, 'pendidikan', 'INVALID_PROFILE_VALUE'],
      [3, 'pekerjaan', 'INVALID_PROFILE_VALUE'],
      [4, 'umur', 'INVALID_PROFILE_VALUE'],
    ]);
    expect(parsed.errors[0]?.message).toEqual({
      id: 'Baris 2: nilai "X" tidak sah untuk jenis_kelamin. Nilai yang sah: L, P.',
      en: 'Row 2: "X" is not a valid jenis_kelamin. Valid values: L, P.',
    });
  });

  it('numbers a row by the line on which it starts when a quoted cell spans lines', () => {
    const csv = `${HEADER},pekerjaan\n4,3,3,4,3,3,4,3,3,"Pe\ntani"\n9,3,3,4,3,3,4,3,3,PNS\n`;
    const parsed = parseResponsesCsv(csv);
    // "Pe\ntani" is not an option; the record after it starts on line 4 of the file.
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'pekerjaan', 'INVALID_PROFILE_VALUE'],
      [4, 'u1', 'ANSWER_OUT_OF_RANGE'],
    ]);
  });

  it('reports an empty file, a header without rows and a malformed file', () => {
    expect(parseResponsesCsv('').errors.map((e) => [e.row, e.code])).toEqual([[1, 'EMPTY_FILE']]);
    expect(parseResponsesCsv(`${HEADER}\n`).errors.map((e) => [e.row, e.code])).toEqual([[1, 'NO_DATA_ROWS']]);
    const malformed = parseResponsesCsv(`${HEADER}\n4,3,3,4,3,3,4,3,"3\n`);
    expect(malformed.ok).toBe(false);
    expect(malformed.errors[0]?.code).toBe('MALFORMED_CSV');
    expect(malformed.errors[0]?.message.id).toMatch(/^Berkas CSV tidak dapat dibaca/);
  });
});
