// Decimal arithmetic for the IKM core (PermenPANRB 14/2017): a private decimal.js constructor, so the
// project-wide Decimal configuration is neither relied on nor changed.
import Decimal from 'decimal.js';

/**
 * 200 significant digits, half-up. Every figure of the IKM core is ONE division of two exact integers
 * (see compute-ikm.ts), so each Decimal is the exact ratio correctly rounded to 200 significant digits.
 * Rounding such a value to 2 or 4 decimals gives the same result as rounding the exact ratio: a ratio
 * a/b that is not itself a tie lies at least 1 / (2·10^dp·b) from a tie, far more than the 10^-197
 * error, as long as b < 10^190 (the inputs are safe integers, so b < 10^147); a ratio that is a tie has
 * a short terminating expansion and is represented exactly.
 */
export const IkmDecimal = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP });

export type { Decimal };

/** Exact integer ratio as a Decimal (one correctly rounded division). */
export const ratio = (numerator: bigint, denominator: bigint): Decimal =>
  new IkmDecimal(numerator.toString()).div(new IkmDecimal(denominator.toString()));

/** Half-up rounding to a fixed number of decimals, printed with a dot and trailing zeros ("3.5000"). */
export const roundHalfUp = (value: Decimal, decimals: number): string =>
  value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
