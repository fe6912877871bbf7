// The structure of a NIK (Nomor Induk Kependudukan, 16 digits): PPKKCC region code of the kecamatan
// where it was issued, DDMMYY birth date (women: day + 40), and a 4-digit serial that is never 0000.
// Pure: whether the kecamatan exists is checked by the caller against core_regions.

export type NikProblem = 'shape' | 'birth_date' | 'serial';

export interface NikParts {
  /** Kemendagri kecamatan code, e.g. '36.73.01'. */
  kecamatanCode: string;
  birthDay: number;
  birthMonth: number;
  female: boolean;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseNik(nik: string): NikParts | NikProblem {
  if (!/^\d{16}$/.test(nik)) return 'shape';
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const female = day > 40;
  const d = female ? day - 40 : day;
  // The two-digit year cannot say its century, so 29 February is allowed in any year.
  if (month < 1 || month > 12 || d < 1 || d > DAYS_IN_MONTH[month - 1]!) return 'birth_date';
  if (nik.slice(12) === '0000') return 'serial';
  return {
    kecamatanCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    birthDay: d,
    birthMonth: month,
    female,
  };
}
