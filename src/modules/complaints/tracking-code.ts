// Tracking codes such as 'LPR-7K3M-Q9XD': random (not sequential, so codes reveal nothing about volume and
// cannot be enumerated), from an alphabet without the look-alikes 0/O, 1/I/L. 31^8 ≈ 8.5 × 10^11 codes.
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_PATTERN = '^LPR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$';

export function newTrackingCode(): string {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const group = () => Array.from({ length: 4 }, pick).join('');
  return `LPR-${group()}-${group()}`;
}

/** Tolerates lower case, spaces and the look-alikes a person may type (O→0 is not in the alphabet, so it stays invalid). */
export function normalizeTrackingCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}
