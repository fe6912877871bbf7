// Computes the IKM from a CSV of responses (u1..u9, optional profile columns), for any unit to check
// past results: `pamong ikm compute FILE` and POST /api/v1/surveys/ikm/compute. Nothing is stored.
// A file with any bad row is refused as a whole, with every problem listed by row, so a result is never
// computed from part of a file without anyone noticing.
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { type ProfileBreakdown, profileOf, type ReportResult, resultOf } from './build-report';
import { type CsvRowError, ELEMENT_KEYS, parseResponsesCsv, type WeightConvention, WEIGHTS } from './ikm';
import { PROFILE_COUNT_COLUMNS } from './profile-columns';
import type { Totals } from './query-totals';

export interface CsvIkmResult {
  responses: number;
  weight: { convention: WeightConvention; fraction: string; label: { id: string; en: string } };
  result: ReportResult;
  profile: ProfileBreakdown[];
}

export class CsvRejected extends Error {
  constructor(readonly errors: CsvRowError[]) {
    super(`${errors.length} problem(s) in the CSV`);
  }
}

/** Throws CsvRejected with the problems of a bad file. */
export function computeIkmFromCsv(csv: string | Uint8Array, weight: WeightConvention): CsvIkmResult {
  const parsed = parseResponsesCsv(csv);
  if (!parsed.ok || parsed.responses.length === 0) throw new CsvRejected(parsed.errors);
  const totals: Totals = {
    responses: parsed.responses.length,
    sums: Object.fromEntries(ELEMENT_KEYS.map((k) => [k, 0])) as Totals['sums'],
    profile: {},
  };
  for (const r of parsed.responses) {
    for (const k of ELEMENT_KEYS) totals.sums[k] += r.answers[k];
    const codes = {
      jenisKelamin: r.profile.jenisKelamin,
      umur: r.profile.umur,
      pendidikan: r.profile.pendidikan,
      pekerjaan: r.profile.pekerjaan,
    };
    for (const [dimension, code] of Object.entries(codes) as [
      keyof typeof PROFILE_COUNT_COLUMNS,
      string | undefined,
    ][]) {
      const column = code ? PROFILE_COUNT_COLUMNS[dimension][code] : undefined;
      if (column) totals.profile[column] = (totals.profile[column] ?? 0) + 1;
    }
  }
  const w = WEIGHTS[weight];
  return {
    responses: totals.responses,
    weight: { convention: weight, fraction: w.fraction, label: w.label },
    result: resultOf(totals, weight)!,
    profile: profileOf(totals),
  };
}

/** The API's 400 for a rejected file: every problem (the first 100) with its row and column. */
export function csvRejectedError(e: CsvRejected) {
  return badRequest(
    'INVALID_CSV',
    text(
      `Berkas CSV tidak dapat dihitung: ${e.errors.length} masalah. ${e.errors[0]?.message.id ?? ''}`.trim(),
      `The CSV file cannot be computed: ${e.errors.length} problem(s). ${e.errors[0]?.message.en ?? ''}`.trim(),
    ),
    { errors: e.errors.slice(0, 100) },
  );
}
