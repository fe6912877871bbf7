// Reporting periods of the survey: month '2026-11', quarter '2026-Q4', semester '2026-S2', year '2026'.
// A period is a half-open range of calendar days [from, to) in the agency's time zone.
import { badRequest } from '../../core/http/errors';
import { type Text, text } from '../../core/i18n/messages';

export const PERIOD_TYPES = ['month', 'quarter', 'semester', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  key: string;
  type: PeriodType;
  year: number;
  /** 1-based index of the month, quarter or semester in the year (1 for a year). */
  index: number;
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  /** The day after the last day, 'YYYY-MM-DD'. */
  to: string;
  label: Text;
}

/** Pattern of a period key, for route schemas. */
export const PERIOD_KEY_PATTERN = '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]|S[1-2]))?$';

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_PER: Record<PeriodType, number> = { month: 1, quarter: 3, semester: 6, year: 12 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const firstDay = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}-01`;

export function makePeriod(type: PeriodType, year: number, index: number): Period {
  const span = MONTHS_PER[type];
  const startMonth = (index - 1) * span + 1;
  const endMonth = startMonth + span; // exclusive, may be 13
  const to = endMonth > 12 ? firstDay(year + 1, 1) : firstDay(year, endMonth);
  const key =
    type === 'month'
      ? `${year}-${pad(index)}`
      : type === 'quarter'
        ? `${year}-Q${index}`
        : type === 'semester'
          ? `${year}-S${index}`
          : `${year}`;
  const label =
    type === 'month'
      ? text(`${MONTHS_ID[index - 1]} ${year}`, `${MONTHS_EN[index - 1]} ${year}`)
      : type === 'quarter'
        ? text(`Triwulan ${ROMAN[index - 1]} ${year}`, `Quarter ${index} ${year}`)
        : type === 'semester'
          ? text(`Semester ${ROMAN[index - 1]} ${year}`, `Half-year ${index} ${year}`)
          : text(`Tahun ${year}`, `Year ${year}`);
  return { key, type, year, index, from: firstDay(year, startMonth), to, label };
}

/** Parses a period key; undefined when it is not one. */
export function parsePeriodKey(key: string): Period | undefined {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|S([12])))?$/.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return undefined;
  if (m[2]) return makePeriod('month', year, Number(m[2]));
  if (m[3]) return makePeriod('quarter', year, Number(m[3]));
  if (m[4]) return makePeriod('semester', year, Number(m[4]));
  return makePeriod('year', year, 1);
}

export function requirePeriod(key: string): Period {
  const period = parsePeriodKey(key);
  if (!period) {
    throw badRequest(
      'INVALID_PERIOD',
      text(
        'Periode tidak valid. Gunakan 2026-11 (bulan), 2026-Q4 (triwulan), 2026-S2 (semester) atau 2026 (tahun).',
        'Invalid period. Use 2026-11 (month), 2026-Q4 (quarter), 2026-S2 (half-year) or 2026 (year).',
      ),
    );
  }
  return period;
}

const PER_YEAR: Record<PeriodType, number> = { month: 12, quarter: 4, semester: 2, year: 1 };

/** The period of the same type `steps` periods later (negative: earlier). */
export function shiftPeriod(period: Period, steps: number): Period {
  const per = PER_YEAR[period.type];
  const ordinal = period.year * per + (period.index - 1) + steps;
  return makePeriod(period.type, Math.floor(ordinal / per), (ordinal % per) + 1);
}

/** The period of `type` containing a day 'YYYY-MM-DD'. */
export function periodContaining(type: PeriodType, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return makePeriod(type, year, Math.floor((month - 1) / MONTHS_PER[type]) + 1);
}

/** The calendar day of an instant in a time zone, 'YYYY-MM-DD'. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}
