// Service quality (mutu pelayanan) from the converted IKM, by the table "Nilai Persepsi, Interval IKM,
// Interval Konversi IKM, Mutu Pelayanan dan Kinerja Unit Pelayanan" of PermenPANRB 14/2017
// (shared/data/regulasi/ikm_interval_permenpanrb14_2017.csv):
//
//   nilai persepsi | interval (NI)   | interval konversi (NIK) | mutu | kinerja unit pelayanan
//   1              | 1.00   - 2.5996 | 25.00 - 64.99           | D    | Tidak baik
//   2              | 2.60   - 3.064  | 65.00 - 76.60           | C    | Kurang baik
//   3              | 3.0644 - 3.532  | 76.61 - 88.30           | B    | Baik
//   4              | 3.5324 - 4.00   | 88.31 - 100.00          | A    | Sangat baik
//
// The NI column has gaps (3.064..3.0644, 3.532..3.5324) and the NIK column is printed to 2 decimals, so
// classification uses the converted figure (NI x 25) rounded half-up to 2 decimals: every value then
// falls in exactly one row (e.g. NI 3.5322 -> 88.305 -> 88.31 -> A).
import { type Text, text } from '../../../core/i18n/messages';
import { type Decimal, IkmDecimal, roundHalfUp } from './ikm-decimal';
import { ikmInputError } from './ikm-error';

export type MutuGrade = 'A' | 'B' | 'C' | 'D';

export interface MutuInterval {
  grade: MutuGrade;
  nilaiPersepsi: 1 | 2 | 3 | 4;
  /** Kinerja unit pelayanan. */
  kinerja: Text;
  /** Interval on the 1..4 scale, as printed by the regulation (to 4 decimals). */
  intervalMin: string;
  intervalMax: string;
  /** Interval on the converted 25..100 scale, as printed by the regulation. */
  konversiMin: string;
  konversiMax: string;
}

/** From best to worst. */
export const MUTU_INTERVALS: readonly MutuInterval[] = [
  {
    grade: 'A',
    nilaiPersepsi: 4,
    kinerja: text('Sangat Baik', 'Very good'),
    intervalMin: '3.5324',
    intervalMax: '4.0000',
    konversiMin: '88.31',
    konversiMax: '100.00',
  },
  {
    grade: 'B',
    nilaiPersepsi: 3,
    kinerja: text('Baik', 'Good'),
    intervalMin: '3.0644',
    intervalMax: '3.5320',
    konversiMin: '76.61',
    konversiMax: '88.30',
  },
  {
    grade: 'C',
    nilaiPersepsi: 2,
    kinerja: text('Kurang Baik', 'Poor'),
    intervalMin: '2.6000',
    intervalMax: '3.0640',
    konversiMin: '65.00',
    konversiMax: '76.60',
  },
  {
    grade: 'D',
    nilaiPersepsi: 1,
    kinerja: text('Tidak Baik', 'Not good'),
    intervalMin: '1.0000',
    intervalMax: '2.5996',
    konversiMin: '25.00',
    konversiMax: '64.99',
  },
];

/** The multiplier from the 1..4 scale to the 25..100 scale (PermenPANRB 14/2017: "IKM x 25"). */
export const CONVERSION_FACTOR = 25;

/**
 * Classifies a converted IKM (25..100 scale). The value is first rounded half-up to 2 decimals, as the
 * regulation's NIK column is printed, and then looked up. A value below 25.00 (possible only with the
 * rounded weights 0.111 / 0.11, e.g. all answers 1 with weight 0.11 gives 24.75) is graded D, the
 * lowest grade; a value outside 0..100 is an input error.
 */
export function classifyConverted(converted: Decimal | string | number): MutuInterval {
  let value: Decimal;
  try {
    value = new IkmDecimal(typeof converted === 'number' ? String(converted) : converted);
  } catch {
    throw ikmInputError('CONVERTED_OUT_OF_RANGE', 'Nilai konversi IKM tidak valid.', 'Invalid converted IKM value.', {
      converted: String(converted),
    });
  }
  const rounded = new IkmDecimal(roundHalfUp(value, 2));
  if (!rounded.isFinite() || rounded.lt(0) || rounded.gt(100)) {
    throw ikmInputError(
      'CONVERTED_OUT_OF_RANGE',
      'Nilai konversi IKM harus antara 0 dan 100.',
      'The converted IKM must be between 0 and 100.',
      { converted: value.toString() },
    );
  }
  for (const interval of MUTU_INTERVALS) {
    if (rounded.gte(interval.konversiMin)) return interval;
  }
  return MUTU_INTERVALS[MUTU_INTERVALS.length - 1] as MutuInterval;
}
