// Indeks Kepuasan Masyarakat (IKM) as PermenPANRB 14/2017 defines it (Lampiran, pengolahan data):
//
//   NRR per unsur            = total of the answer values for the element / number of answers to it
//   bobot nilai rata-rata tertimbang = jumlah bobot / jumlah unsur = 1/9 for the nine elements
//   NRR tertimbang per unsur = NRR x bobot
//   IKM                      = sum of the nine weighted NRR        (1..4 scale)
//   IKM unit pelayanan       = IKM x 25                            (25..100 scale, "nilai konversi")
//   mutu                     = interval table, on the converted figure (see mutu.ts)
//
// The weight is exactly 1/9. Many tools print and multiply by 0.111 or 0.11 instead; an agency may choose
// one of those as a setting to reproduce its earlier reports, and the result states which was used.
//
// Input is per-element aggregates (sum and count of answers), so the database can aggregate any number
// of responses in SQL and pass only totals; `responses` is a convenience that aggregates raw answers.
//
// Exactness: every returned figure is computed as ONE division of two exact integers (BigInt), with the
// weight taken as the exact fraction 1/9, 111/1000 or 11/100, so no rounding error accumulates over the
// nine elements (see ikm-decimal.ts). Intermediate figures are never rounded; rounding happens only
// when a figure is printed, and the mutu is taken from the converted figure rounded half-up to 2
// decimals.
//
// Printed decimals (PRINTED_DECIMALS): the regulation's interval table gives the 1..4 scale to 4
// decimals (2.5996, 3.0644, 3.5324) and the converted scale to 2 decimals (64.99, 76.61, 88.31), so NRR,
// weighted NRR and IKM are printed to 4 decimals and converted figures to 2, all rounded half-up. Three
// decimals could not tell 3.5320 (B) from 3.5324 (A). The printed decimals of the regulation's worked
// example could not be checked against the regulation text while writing this; the interval table is
// the source. The mutu never depends on a printed per-element figure.
import { type Text, text } from '../../../core/i18n/messages';
import { type AnswerValue, ELEMENT_KEYS, type ElementKey, getElement, isAnswerValue, isElementKey } from './elements';
import { type Decimal, ratio, roundHalfUp } from './ikm-decimal';
import { ikmInputError } from './ikm-error';
import { CONVERSION_FACTOR, classifyConverted, type MutuInterval } from './mutu';

export type WeightConvention = 'exact' | '0.111' | '0.11';

interface WeightDefinition {
  numerator: bigint;
  denominator: bigint;
  /** The weight as a fraction, e.g. "1/9". */
  fraction: string;
  label: Text;
}

export const WEIGHTS: Readonly<Record<WeightConvention, WeightDefinition>> = {
  exact: {
    numerator: 1n,
    denominator: 9n,
    fraction: '1/9',
    label: text('1/9 (bobot tepat PermenPANRB 14/2017)', '1/9 (exact weight, PermenPANRB 14/2017)'),
  },
  '0.111': {
    numerator: 111n,
    denominator: 1000n,
    fraction: '111/1000',
    label: text('0,111 (pembulatan 1/9 ke 3 desimal)', '0.111 (1/9 rounded to 3 decimals)'),
  },
  '0.11': {
    numerator: 11n,
    denominator: 100n,
    fraction: '11/100',
    label: text('0,11 (pembulatan 1/9 ke 2 desimal)', '0.11 (1/9 rounded to 2 decimals)'),
  },
};

export const PRINTED_DECIMALS = { nrr: 4, weightedNrr: 4, ikm: 4, converted: 2 } as const;

/** An integer as a JS number, a BigInt, or a string of digits (as SQL drivers return bigint sums). */
export type IntegerLike = number | bigint | string;

export interface ElementAggregate {
  /** Sum of the answer values (1..4) given for the element. */
  sum: IntegerLike;
  /** Number of answers given for the element. */
  count: IntegerLike;
}

export type IkmAggregates = Readonly<Record<ElementKey, ElementAggregate>>;

/** One respondent's answers; an element left out (or null) was not answered. */
export type IkmAnswers = Readonly<Partial<Record<ElementKey, AnswerValue | null>>>;

export type IkmInput = { aggregates: IkmAggregates } | { responses: readonly IkmAnswers[] };

export interface IkmOptions {
  weight: WeightConvention;
}

/** A figure printed as the regulation's tables print it, and its unrounded value. */
export interface Figure {
  text: string;
  value: Decimal;
}

export interface IkmElementResult {
  key: ElementKey;
  name: Text;
  sum: number;
  count: number;
  /** Nilai rata-rata (NRR) = sum / count. */
  nrr: Figure;
  /** NRR tertimbang = NRR x weight. */
  weightedNrr: Figure;
  /** NRR x 25, the element on the converted scale. */
  converted: Figure;
  /** The interval table applied to this element's NRR (as published reports show per element). */
  mutu: MutuInterval;
}

export interface IkmResult {
  weight: { convention: WeightConvention; fraction: string; value: Decimal; label: Text };
  /** In the regulation's order u1..u9. */
  elements: IkmElementResult[];
  /** Sum of the weighted NRR (1..4 scale with the exact weight). */
  ikm: Figure;
  /** IKM x 25, printed to 2 decimals (half-up); the mutu is taken from this printed figure. */
  converted: Figure;
  mutu: MutuInterval;
  /** Number of responses, when computed from raw responses. */
  responseCount?: number;
}

export function computeIkm(input: IkmInput, options: IkmOptions): IkmResult {
  if ('responses' in input) {
    const result = computeIkmFromAggregates(aggregateResponses(input.responses), options);
    return { ...result, responseCount: input.responses.length };
  }
  return computeIkmFromAggregates(input.aggregates, options);
}

export function computeIkmFromAggregates(aggregates: IkmAggregates, options: IkmOptions): IkmResult {
  const convention = options?.weight;
  const weight = typeof convention === 'string' && Object.hasOwn(WEIGHTS, convention) ? WEIGHTS[convention] : undefined;
  if (!weight) {
    throw ikmInputError(
      'INVALID_WEIGHT',
      'Bobot harus salah satu dari: exact (1/9), 0.111, 0.11.',
      'The weight must be one of: exact (1/9), 0.111, 0.11.',
      { weight: options?.weight },
    );
  }
  const totals = validateAggregates(aggregates);
  const { numerator: wn, denominator: wd } = weight;
  const factor = BigInt(CONVERSION_FACTOR);

  // Sum of the NRR as one exact fraction: N / L with L the least common multiple of the counts.
  const lcmOfCounts = totals.reduce((acc, t) => lcm(acc, t.count), 1n);
  const nrrSumNumerator = totals.reduce((acc, t) => acc + t.sum * (lcmOfCounts / t.count), 0n);

  const elements = totals.map((t): IkmElementResult => {
    const converted = ratio(factor * t.sum, t.count);
    return {
      key: t.key,
      name: getElement(t.key).name,
      sum: Number(t.sum),
      count: Number(t.count),
      nrr: figure(ratio(t.sum, t.count), PRINTED_DECIMALS.nrr),
      weightedNrr: figure(ratio(t.sum * wn, t.count * wd), PRINTED_DECIMALS.weightedNrr),
      converted: figure(converted, PRINTED_DECIMALS.converted),
      mutu: classifyConverted(converted),
    };
  });

  const converted = ratio(factor * nrrSumNumerator * wn, lcmOfCounts * wd);
  return {
    weight: { convention, fraction: weight.fraction, value: ratio(wn, wd), label: weight.label },
    elements,
    ikm: figure(ratio(nrrSumNumerator * wn, lcmOfCounts * wd), PRINTED_DECIMALS.ikm),
    converted: figure(converted, PRINTED_DECIMALS.converted),
    mutu: classifyConverted(converted),
  };
}

/** Sums and counts the answers per element; unanswered elements (absent or null) are not counted. */
export function aggregateResponses(responses: readonly IkmAnswers[]): IkmAggregates {
  if (!Array.isArray(responses) || responses.length === 0) {
    throw ikmInputError('NO_RESPONSES', 'Belum ada jawaban survei.', 'There are no survey responses.');
  }
  const sums = new Map<ElementKey, number>(ELEMENT_KEYS.map((k) => [k, 0]));
  const counts = new Map<ElementKey, number>(ELEMENT_KEYS.map((k) => [k, 0]));
  responses.forEach((response, index) => {
    for (const [key, value] of Object.entries(response ?? {})) {
      if (!isElementKey(key)) {
        throw ikmInputError(
          'UNKNOWN_ELEMENT',
          `Jawaban ke-${index + 1}: unsur "${key}" tidak dikenal (unsur yang sah: u1-u9).`,
          `Response ${index + 1}: unknown element "${key}" (valid elements: u1-u9).`,
          { index, element: key },
        );
      }
      if (value === null || value === undefined) continue;
      if (!isAnswerValue(value)) {
        throw ikmInputError(
          'INVALID_ANSWER',
          `Jawaban ke-${index + 1}, unsur ${key}: nilai harus 1, 2, 3 atau 4.`,
          `Response ${index + 1}, element ${key}: the value must be 1, 2, 3 or 4.`,
          { index, element: key, value },
        );
      }
      sums.set(key, (sums.get(key) ?? 0) + value);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  const aggregates = {} as Record<ElementKey, ElementAggregate>;
  for (const key of ELEMENT_KEYS) aggregates[key] = { sum: sums.get(key) ?? 0, count: counts.get(key) ?? 0 };
  return aggregates;
}

// ---------------------------------------------------------------------------------------------------

interface ElementTotal {
  key: ElementKey;
  sum: bigint;
  count: bigint;
}

function validateAggregates(aggregates: IkmAggregates): ElementTotal[] {
  if (typeof aggregates !== 'object' || aggregates === null) {
    throw ikmInputError('MISSING_ELEMENT', 'Data unsur tidak ada.', 'The element data is missing.');
  }
  for (const key of Object.keys(aggregates)) {
    if (!isElementKey(key)) {
      throw ikmInputError(
        'UNKNOWN_ELEMENT',
        `Unsur "${key}" tidak dikenal (unsur yang sah: u1-u9).`,
        `Unknown element "${key}" (valid elements: u1-u9).`,
        { element: key },
      );
    }
  }
  return ELEMENT_KEYS.map((key) => {
    const aggregate = aggregates[key];
    if (!aggregate) {
      throw ikmInputError(
        'MISSING_ELEMENT',
        `Unsur ${key} tidak ada; IKM memerlukan kesembilan unsur.`,
        `Element ${key} is missing; the IKM needs all nine elements.`,
        { element: key },
      );
    }
    const count = toInteger(aggregate.count);
    if (count === undefined) {
      throw ikmInputError(
        'INVALID_COUNT',
        `Unsur ${key}: jumlah jawaban harus bilangan bulat tidak negatif.`,
        `Element ${key}: the number of answers must be a non-negative integer.`,
        { element: key, count: String(aggregate.count) },
      );
    }
    if (count === 0n) {
      throw ikmInputError(
        'ELEMENT_WITHOUT_ANSWERS',
        `Unsur ${key} belum memiliki jawaban; IKM tanpa salah satu unsur bukan IKM.`,
        `Element ${key} has no answers; an index without one of the elements is not an IKM.`,
        { element: key },
      );
    }
    const sum = toInteger(aggregate.sum);
    if (sum === undefined) {
      throw ikmInputError(
        'INVALID_SUM',
        `Unsur ${key}: jumlah nilai harus bilangan bulat tidak negatif.`,
        `Element ${key}: the sum of answer values must be a non-negative integer.`,
        { element: key, sum: String(aggregate.sum) },
      );
    }
    // Each answer is 1..4, so count <= sum <= 4 x count.
    if (sum < count || sum > 4n * count) {
      throw ikmInputError(
        'SUM_OUT_OF_RANGE',
        `Unsur ${key}: jumlah nilai ${sum} tidak mungkin untuk ${count} jawaban bernilai 1-4.`,
        `Element ${key}: a sum of ${sum} is impossible for ${count} answers valued 1-4.`,
        { element: key, sum: sum.toString(), count: count.toString() },
      );
    }
    return { key, sum, count };
  });
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A non-negative safe integer as BigInt, or undefined. */
function toInteger(value: IntegerLike): bigint | undefined {
  let result: bigint;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return undefined;
    result = BigInt(value);
  } else if (typeof value === 'bigint') {
    result = value;
  } else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    result = BigInt(value.trim());
  } else {
    return undefined;
  }
  return result >= 0n && result <= MAX_SAFE ? result : undefined;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

const figure = (value: Decimal, decimals: number): Figure => ({ text: roundHalfUp(value, decimals), value });
