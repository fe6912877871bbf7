// Minimum sample size for the satisfaction survey. PermenPANRB 14/2017 (Lampiran) refers to the table of
// Krejcie & Morgan (1970), "Determining sample size for research activities", Educational and
// Psychological Measurement 30: 607-610, whose formula is
//
//   s = X² · N · P(1 − P) / (d² · (N − 1) + X² · P(1 − P))
//
// with X² = 3.841 (chi-square, 1 degree of freedom, 95% confidence), P = 0.5 and d = 0.05. Rounding s
// half-up to a whole respondent reproduces every entry of the published table
// (shared/data/regulasi/krejcie_morgan_1970.csv).
import { type Decimal, IkmDecimal } from './ikm-decimal';
import { ikmInputError } from './ikm-error';

export const KREJCIE_MORGAN = {
  /** X², chi-square for 1 degree of freedom at 95% confidence. */
  chiSquare: '3.841',
  /** P, the population proportion (0.5 gives the largest sample). */
  proportion: '0.5',
  /** d, the degree of accuracy (margin of error). */
  marginOfError: '0.05',
} as const;

/** The unrounded s for a population N. */
export function minimumSampleExact(population: number): Decimal {
  if (!Number.isSafeInteger(population) || population < 1) {
    throw ikmInputError(
      'INVALID_POPULATION',
      'Populasi harus bilangan bulat positif.',
      'The population must be a positive whole number.',
      { population },
    );
  }
  const x2 = new IkmDecimal(KREJCIE_MORGAN.chiSquare);
  const p = new IkmDecimal(KREJCIE_MORGAN.proportion);
  const d = new IkmDecimal(KREJCIE_MORGAN.marginOfError);
  const n = new IkmDecimal(population);
  const pq = p.times(new IkmDecimal(1).minus(p));
  // Numerator and denominator are exact decimals; the quotient is one correctly rounded division.
  return x2
    .times(n)
    .times(pq)
    .div(d.pow(2).times(n.minus(1)).plus(x2.times(pq)));
}

/** Krejcie & Morgan minimum number of respondents for a population N, rounded half-up. */
export function minimumSample(population: number): number {
  return minimumSampleExact(population).toDecimalPlaces(0, IkmDecimal.ROUND_HALF_UP).toNumber();
}
