// Working-day (hari kerja, HK) arithmetic for legal deadlines (SP4N-LAPOR!, UU KIP, ...).
// Every deadline in Pamong goes through this file, so it stays pure and framework-free.
//
// Dates are handled as local calendar dates ('YYYY-MM-DD') in the agency's time zone.
// Indonesia has used fixed offsets without DST since 1988, so we apply the offsets
// directly instead of relying on ICU time-zone data being present in the runtime.

export type TimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

export interface Calendar {
  readonly timeZone: TimeZone;
  /** 'YYYY-MM-DD' local dates: national holidays, cuti bersama, per-agency extra days off. */
  readonly holidays: ReadonlySet<string>;
  /** Days of the week that are off, 0 = Sunday. Defaults to [0, 6]. */
  readonly weekend?: readonly number[];
}

/** WIB UTC+7, WITA UTC+8, WIT UTC+9. */
export const UTC_OFFSET_MINUTES: Readonly<Record<TimeZone, number>> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

const DEFAULT_WEEKEND: readonly number[] = [0, 6];
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------
// Local dates. Internally a local date is an integer "day number" (days since
// 1970-01-01), which makes stepping and comparing days exact and cheap.
// ---------------------------------------------------------------------------

/** Parses 'YYYY-MM-DD' into a day number, rejecting impossible dates like 2025-02-30. */
function toDayNumber(localDate: string): number {
  const m = DATE_RE.exec(localDate);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(localDate)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC silently rolls over (Feb 30 -> Mar 2), so round-trip to detect it.
  if (fromDayNumber(ms / DAY_MS) !== localDate) {
    throw new RangeError(`Not a real calendar date: ${localDate}`);
  }
  return ms / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of week (0 = Sunday) of a day number; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function offsetMs(cal: Pick<Calendar, 'timeZone'>): number {
  const minutes = UTC_OFFSET_MINUTES[cal.timeZone];
  if (minutes === undefined) throw new RangeError(`Unsupported time zone: ${String(cal.timeZone)}`);
  return minutes * MINUTE_MS;
}

function assertInstant(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`${what} is not a valid Date`);
  return t;
}

function localDayNumber(cal: Pick<Calendar, 'timeZone'>, instant: Date): number {
  return Math.floor((assertInstant(instant, 'instant') + offsetMs(cal)) / DAY_MS);
}

function endOfDayNumber(cal: Pick<Calendar, 'timeZone'>, day: number): Date {
  return new Date((day + 1) * DAY_MS - 1 - offsetMs(cal));
}

/** The local calendar date ('YYYY-MM-DD') of an instant in the calendar's time zone. */
export function toLocalDate(cal: Pick<Calendar, 'timeZone'>, instant: Date): string {
  return fromDayNumber(localDayNumber(cal, instant));
}

/** 00:00:00.000 local time on `localDate`, as a UTC instant. */
export function startOfLocalDay(cal: Pick<Calendar, 'timeZone'>, localDate: string): Date {
  return new Date(toDayNumber(localDate) * DAY_MS - offsetMs(cal));
}

/** 23:59:59.999 local time on `localDate`, as a UTC instant. */
export function endOfLocalDay(cal: Pick<Calendar, 'timeZone'>, localDate: string): Date {
  return endOfDayNumber(cal, toDayNumber(localDate));
}

/** Adds calendar (not working) days to a local date. */
export function addCalendarDays(localDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(localDate) + days);
}

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

export interface CalendarOptions {
  timeZone: TimeZone;
  /** Dates, or holiday records such as those from parseHolidayCsv. */
  holidays?: Iterable<string | { readonly date: string }>;
  weekend?: readonly number[];
}

/** Builds a validated Calendar; malformed dates fail here rather than silently never matching. */
export function makeCalendar(opts: CalendarOptions): Calendar {
  offsetMs(opts); // validates the time zone
  const holidays = new Set<string>();
  for (const h of opts.holidays ?? []) {
    const date = typeof h === 'string' ? h : h.date;
    toDayNumber(date);
    holidays.add(date);
  }
  const weekend = [...new Set(opts.weekend ?? DEFAULT_WEEKEND)];
  for (const d of weekend) {
    if (!Number.isInteger(d) || d < 0 || d > 6) throw new RangeError(`Invalid weekday: ${d}`);
  }
  // Otherwise no working day would ever exist and every search would loop forever.
  if (weekend.length >= 7) throw new RangeError('A calendar needs at least one working weekday');
  return Object.freeze({ timeZone: opts.timeZone, holidays, weekend: Object.freeze(weekend) });
}

function isWorkingDayNumber(cal: Calendar, day: number): boolean {
  const weekend = cal.weekend ?? DEFAULT_WEEKEND;
  return !weekend.includes(weekdayOf(day)) && !cal.holidays.has(fromDayNumber(day));
}

/** Whether a local date ('YYYY-MM-DD') is a working day: not a weekend day and not a holiday. */
export function isWorkingDay(cal: Calendar, localDate: string): boolean {
  return isWorkingDayNumber(cal, toDayNumber(localDate));
}

// ---------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
  }
}

/** Day number of the n-th working day after `day` (n = 0 gives `day` itself). */
function nthWorkingDayAfter(cal: Calendar, day: number, n: number): number {
  const weekend = cal.weekend ?? DEFAULT_WEEKEND;
  if (n > 0 && weekend.length >= 7) throw new RangeError('Calendar has no working weekdays');
  let d = day;
  for (let left = n; left > 0; ) {
    d += 1;
    if (isWorkingDayNumber(cal, d)) left -= 1;
  }
  return d;
}

/**
 * Deadline for "within n working days of receipt".
 *
 * The receipt day itself never counts (working day or not); the deadline is the END
 * (23:59:59.999 local) of the n-th working day after the local date of `start`.
 * n = 0 means the end of the receipt day itself, whatever kind of day it is: it is
 * the only choice that keeps workingDaysBetween(start, deadline) === n for every n.
 */
export function addWorkingDays(cal: Calendar, start: Date, n: number): Date {
  assertCount(n, 'n');
  return endOfDayNumber(cal, nthWorkingDayAfter(cal, localDayNumber(cal, start), n));
}

/**
 * Working days after `from`'s local date, up to and including `to`'s local date
 * (0 when `to` falls on or before `from`'s day). Inverse of addWorkingDays.
 */
export function workingDaysBetween(cal: Calendar, from: Date, to: Date): number {
  const last = localDayNumber(cal, to);
  let count = 0;
  for (let d = localDayNumber(cal, from) + 1; d <= last; d++) {
    if (isWorkingDayNumber(cal, d)) count += 1;
  }
  return count;
}

/** Overdue once `now` is strictly past the deadline; a null (paused) deadline is never overdue. */
export function isOverdue(now: Date, deadline: Date | null): boolean {
  return deadline !== null && assertInstant(now, 'now') > assertInstant(deadline, 'deadline');
}

// ---------------------------------------------------------------------------
// Pausable deadline clock
// ---------------------------------------------------------------------------

export interface ClockEvent {
  readonly kind: 'start' | 'pause' | 'resume';
  readonly at: Date;
}

export interface DeadlineState {
  /** End of the budget; null while paused (unless it was already missed before the pause). */
  readonly deadline: Date | null;
  readonly paused: boolean;
  /** Working days consumed by the segments that ended in a pause (the running one is open-ended). */
  readonly usedWorkingDays: number;
  readonly remainingWorkingDays: number;
}

/**
 * A deadline clock that can be paused, e.g. while an aduan or PPID request is
 * "menunggu kelengkapan informasi": time spent waiting on the reporter does not count
 * against the agency's budget.
 *
 * Rules, each a consequence of addWorkingDays' "the start day does not count":
 * - a running segment from instant A to a pause at B uses workingDaysBetween(A, B)
 *   working days, so the day of the pause counts as used;
 * - on resume at C the remaining budget is added from C, so the resume day does not
 *   count. A pause and resume on the same day therefore cost nothing and lose nothing;
 * - a deadline already missed before a pause stays missed: the returned deadline is
 *   that missed instant (even while paused), and later events cannot move it.
 *
 * `events` must be chronological, begin with exactly one 'start', and alternate
 * pause/resume; anything else throws, since a guessed order could shift a legal deadline.
 */
export function computeDeadline(
  cal: Calendar,
  events: readonly ClockEvent[],
  budgetWorkingDays: number,
): DeadlineState {
  assertCount(budgetWorkingDays, 'budgetWorkingDays');
  if (events[0]?.kind !== 'start') throw new Error("Clock events must begin with 'start'");

  let used = 0;
  let runningSince: Date | null = null;
  let missed: Date | null = null;
  let previous = Number.NEGATIVE_INFINITY;

  for (const [i, ev] of events.entries()) {
    const t = assertInstant(ev.at, `events[${i}].at`);
    if (t < previous) throw new Error(`Clock events are not in chronological order at index ${i}`);
    previous = t;

    if (ev.kind === 'start') {
      if (i !== 0) throw new Error(`Duplicate 'start' at index ${i}`);
      runningSince = ev.at;
    } else if (ev.kind === 'pause') {
      if (runningSince === null) throw new Error(`'pause' while already paused at index ${i}`);
      const segment = workingDaysBetween(cal, runningSince, ev.at);
      if (missed === null && used + segment > budgetWorkingDays) {
        missed = addWorkingDays(cal, runningSince, budgetWorkingDays - used);
      }
      used += segment;
      runningSince = null;
    } else if (ev.kind === 'resume') {
      if (runningSince !== null) throw new Error(`'resume' while running at index ${i}`);
      runningSince = ev.at;
    } else {
      throw new Error(`Unknown clock event kind at index ${i}: ${String((ev as ClockEvent).kind)}`);
    }
  }

  const remaining = Math.max(0, budgetWorkingDays - used);
  const paused = runningSince === null;
  let deadline = missed;
  if (deadline === null && runningSince !== null) deadline = addWorkingDays(cal, runningSince, remaining);
  return { deadline, paused, usedWorkingDays: used, remainingWorkingDays: remaining };
}

// ---------------------------------------------------------------------------
// Holiday list (SKB libur nasional & cuti bersama), CSV: tanggal,jenis,nama
// ---------------------------------------------------------------------------

export type HolidayKind = 'libur_nasional' | 'cuti_bersama';

export interface Holiday {
  date: string;
  kind: HolidayKind;
  name: string;
}

const HOLIDAY_KINDS: ReadonlySet<string> = new Set<HolidayKind>(['libur_nasional', 'cuti_bersama']);

/** Why a line of a holiday CSV was refused (callers turn it into their own wording). */
export type HolidayCsvProblem = 'header' | 'fields' | 'date' | 'kind' | 'quote' | 'name';

export class HolidayCsvError extends Error {
  constructor(
    readonly line: number,
    readonly problem: HolidayCsvProblem,
    readonly raw: string,
    why: string,
  ) {
    super(`Holiday CSV line ${line}: ${why}: ${JSON.stringify(raw)}`);
    this.name = 'HolidayCsvError';
  }
}

/**
 * Parses the holiday CSV (header `tanggal,jenis,nama`). The name is everything after the
 * second comma, so it may contain commas; it may also be double-quoted CSV-style.
 * Blank lines are skipped; any other malformed line throws a HolidayCsvError naming its line number.
 */
export function parseHolidayCsv(text: string): Holiday[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]?.trim().toLowerCase();
  if (header !== 'tanggal,jenis,nama') {
    throw new HolidayCsvError(1, 'header', lines[0] ?? '', 'expected header "tanggal,jenis,nama"');
  }
  const out: Holiday[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') continue;
    const fail = (problem: HolidayCsvProblem, why: string): never => {
      throw new HolidayCsvError(i + 1, problem, raw, why);
    };
    const first = raw.indexOf(',');
    const second = first < 0 ? -1 : raw.indexOf(',', first + 1);
    if (second < 0) fail('fields', 'expected 3 fields');
    const date = raw.slice(0, first).trim();
    const kind = raw.slice(first + 1, second).trim();
    let name = raw.slice(second + 1).trim();
    try {
      toDayNumber(date);
    } catch {
      fail('date', 'invalid date');
    }
    if (!HOLIDAY_KINDS.has(kind)) fail('kind', `unknown jenis "${kind}"`);
    if (name.startsWith('"')) {
      if (name.length < 2 || !name.endsWith('"')) fail('quote', 'unterminated quoted name');
      name = name.slice(1, -1).replaceAll('""', '"').trim();
    }
    if (name === '') fail('name', 'empty nama');
    out.push({ date, kind: kind as HolidayKind, name });
  }
  return out;
}
