import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  type Calendar,
  type ClockEvent,
  computeDeadline,
  endOfLocalDay,
  isOverdue,
  isWorkingDay,
  makeCalendar,
  parseHolidayCsv,
  startOfLocalDay,
  type TimeZone,
  toLocalDate,
  workingDaysBetween,
} from './working-days';

// The real SKB holiday list shipped with the project.
const CSV = readFileSync(new URL('../../../shared/data/hari-libur-2025-2026.csv', import.meta.url), 'utf8');
const HOLIDAYS = parseHolidayCsv(CSV);

const wib = makeCalendar({ timeZone: 'Asia/Jakarta', holidays: HOLIDAYS });
const wita = makeCalendar({ timeZone: 'Asia/Makassar', holidays: HOLIDAYS });
const wit = makeCalendar({ timeZone: 'Asia/Jayapura', holidays: HOLIDAYS });

/** Local date of an instant in the calendar's zone. */
const fmt = (d: Date | null, cal: Calendar = wib) => (d === null ? null : toLocalDate(cal, d));
/** An instant given as WIB wall-clock time, e.g. wibAt('2025-03-27 10:00'). */
const wibAt = (s: string) => new Date(`${s.replace(' ', 'T')}:00+07:00`);

// Expected dates below are worked out by hand from the CSV and a printed calendar.
// "HKn" marks the n-th working day after receipt.

describe('parseHolidayCsv', () => {
  it('reads the shipped 2025-2026 file', () => {
    expect(HOLIDAYS).toHaveLength(53);
    expect(HOLIDAYS[0]).toEqual({ date: '2025-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2025 Masehi' });
    expect(HOLIDAYS.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(19);
    expect(HOLIDAYS.find((h) => h.date === '2025-03-31')?.name).toBe('Hari Raya Idul Fitri 1446 H');
  });

  it('accepts CRLF, a BOM, blank lines, commas and quotes in the name', () => {
    const text =
      '\uFEFFtanggal,jenis,nama\r\n2025-01-01,libur_nasional,Tahun Baru, Masehi\r\n\r\n2025-01-02,cuti_bersama,"Cuti ""X"""\r\n';
    expect(parseHolidayCsv(text)).toEqual([
      { date: '2025-01-01', kind: 'libur_nasional', name: 'Tahun Baru, Masehi' },
      { date: '2025-01-02', kind: 'cuti_bersama', name: 'Cuti "X"' },
    ]);
  });

  it.each([
    ['tanggal,jenis\n', /line 1/, 1, 'header'],
    ['tanggal,jenis,nama\n2025-01-01,libur_nasional\n', /line 2: expected 3 fields/, 2, 'fields'],
    ['tanggal,jenis,nama\n2025-02-30,libur_nasional,X\n', /line 2: invalid date/, 2, 'date'],
    ['tanggal,jenis,nama\n\n01-01-2025,libur_nasional,X\n', /line 3: invalid date/, 3, 'date'],
    ['tanggal,jenis,nama\n2025-01-01,libur,X\n', /line 2: unknown jenis/, 2, 'kind'],
    ['tanggal,jenis,nama\n2025-01-01,cuti_bersama,\n', /line 2: empty nama/, 2, 'name'],
    ['tanggal,jenis,nama\n2025-01-01,cuti_bersama,"X\n', /line 2: unterminated/, 2, 'quote'],
  ])('rejects malformed input %j', (text, error, line, problem) => {
    expect(() => parseHolidayCsv(text)).toThrow(error);
    expect(() => parseHolidayCsv(text)).toThrow(expect.objectContaining({ line, problem }));
  });
});

describe('calendar basics', () => {
  it('knows weekends and holidays', () => {
    expect(isWorkingDay(wib, '2025-03-31')).toBe(false); // Idul Fitri, Monday
    expect(isWorkingDay(wib, '2025-04-07')).toBe(false); // cuti bersama, Monday
    expect(isWorkingDay(wib, '2025-04-08')).toBe(true); // Tuesday
    expect(isWorkingDay(wib, '2025-04-12')).toBe(false); // Saturday
    expect(isWorkingDay(wib, '2025-04-13')).toBe(false); // Sunday
    expect(isWorkingDay(wib, '2025-12-24')).toBe(true); // not in the 2025 SKB
    expect(isWorkingDay(wib, '2026-01-02')).toBe(true); // Friday between New Year and weekend
  });

  it('validates its inputs', () => {
    expect(() => isWorkingDay(wib, '2025-2-3')).toThrow(RangeError);
    expect(() => isWorkingDay(wib, '2025-02-29')).toThrow(RangeError);
    expect(isWorkingDay(wib, '2024-02-29')).toBe(true); // leap day, Thursday
    expect(() => makeCalendar({ timeZone: 'Asia/Jakarta', holidays: ['2025-13-01'] })).toThrow(RangeError);
    expect(() => makeCalendar({ timeZone: 'Europe/Berlin' as TimeZone })).toThrow(RangeError);
    expect(() => makeCalendar({ timeZone: 'Asia/Jakarta', weekend: [7] })).toThrow(RangeError);
    expect(() => makeCalendar({ timeZone: 'Asia/Jakarta', weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => addWorkingDays(wib, new Date('nope'), 1)).toThrow(RangeError);
    expect(() => addWorkingDays(wib, new Date(), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(wib, new Date(), 1.5)).toThrow(RangeError);
  });

  it('converts instants with the fixed WIB/WITA/WIT offsets', () => {
    const friday2330Wib = new Date('2025-07-11T16:30:00Z');
    expect(toLocalDate(wib, friday2330Wib)).toBe('2025-07-11');
    expect(toLocalDate(wita, friday2330Wib)).toBe('2025-07-12'); // 00:30 Saturday
    expect(toLocalDate(wit, friday2330Wib)).toBe('2025-07-12'); // 01:30 Saturday
    expect(startOfLocalDay(wib, '2025-07-11').toISOString()).toBe('2025-07-10T17:00:00.000Z');
    expect(endOfLocalDay(wib, '2025-07-11').toISOString()).toBe('2025-07-11T16:59:59.999Z');
    expect(endOfLocalDay(wita, '2025-07-11').toISOString()).toBe('2025-07-11T15:59:59.999Z');
    expect(endOfLocalDay(wit, '2025-07-11').toISOString()).toBe('2025-07-11T14:59:59.999Z');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('honours a custom weekend and per-agency extra days off', () => {
    // A hypothetical Friday-Saturday weekend: Thu 2025-07-10 + 1 HK = Sun 07-13.
    const friSat = makeCalendar({ timeZone: 'Asia/Jakarta', weekend: [5, 6] });
    expect(fmt(addWorkingDays(friSat, wibAt('2025-07-10 09:00'), 1), friSat)).toBe('2025-07-13');
    // HUT kabupaten on Mon 2025-07-14: Thu 07-10 + 2 HK = Fri 07-11, Tue 07-15.
    const local = makeCalendar({ timeZone: 'Asia/Jakarta', holidays: [...HOLIDAYS, '2025-07-14'] });
    expect(fmt(addWorkingDays(local, wibAt('2025-07-10 09:00'), 2))).toBe('2025-07-15');
    expect(fmt(addWorkingDays(wib, wibAt('2025-07-10 09:00'), 2))).toBe('2025-07-14');
  });
});

describe('addWorkingDays', () => {
  it('Idul Fitri 2025: Nyepi + Lebaran + cuti bersama, 28 Mar - 7 Apr all off', () => {
    const thu = new Date('2025-03-27T03:00:00Z'); // Thu 10:00 WIB
    // 28 cuti Nyepi, 29-30 weekend, 31 & 1 Idul Fitri, 2-4 cuti, 5-6 weekend, 7 cuti.
    expect(fmt(addWorkingDays(wib, thu, 1))).toBe('2025-04-08');
    expect(fmt(addWorkingDays(wib, thu, 3))).toBe('2025-04-10');
    expect(addWorkingDays(wib, thu, 3).toISOString()).toBe('2025-04-10T16:59:59.999Z');
  });

  it('Idul Fitri 2026: Nyepi 18-19 Mar, cuti 20, Lebaran 21-22, cuti 23-24', () => {
    const tue = wibAt('2026-03-17 09:00');
    expect(fmt(addWorkingDays(wib, tue, 1))).toBe('2026-03-25'); // Wed
    expect(fmt(addWorkingDays(wib, tue, 3))).toBe('2026-03-27'); // Fri
    expect(fmt(addWorkingDays(wib, tue, 4))).toBe('2026-03-30'); // Mon after weekend
  });

  it('Christmas and year end 2025/2026', () => {
    const wed = wibAt('2025-12-24 15:00');
    // 25 Natal, 26 cuti, 27-28 weekend, 29 HK1, 30 HK2, 31 HK3, 1 Jan off, 2 Jan HK4, 5 Jan HK5.
    expect(fmt(addWorkingDays(wib, wed, 1))).toBe('2025-12-29');
    expect(fmt(addWorkingDays(wib, wed, 3))).toBe('2025-12-31');
    expect(fmt(addWorkingDays(wib, wed, 4))).toBe('2026-01-02');
    expect(fmt(addWorkingDays(wib, wed, 5))).toBe('2026-01-05');
  });

  it('crosses an ordinary weekend', () => {
    const thu = wibAt('2025-07-10 11:00');
    expect(fmt(addWorkingDays(wib, thu, 1))).toBe('2025-07-11'); // Fri
    expect(fmt(addWorkingDays(wib, thu, 2))).toBe('2025-07-14'); // Mon
    expect(fmt(addWorkingDays(wib, thu, 5))).toBe('2025-07-17'); // Thu
  });

  it('receipt on a Saturday or a holiday: the receipt day never counts', () => {
    const sat = wibAt('2025-07-12 08:00');
    expect(fmt(addWorkingDays(wib, sat, 1))).toBe('2025-07-14');
    expect(fmt(addWorkingDays(wib, sat, 0))).toBe('2025-07-12'); // n = 0: end of receipt day
    const mayDay = wibAt('2025-05-01 10:00'); // Thursday, Hari Buruh
    expect(fmt(addWorkingDays(wib, mayDay, 1))).toBe('2025-05-02');
    expect(fmt(addWorkingDays(wib, mayDay, 3))).toBe('2025-05-06');
  });

  it('n = 0 is the end of the receipt day, in its own zone', () => {
    const t = new Date('2025-07-11T16:30:00Z'); // Fri 23:30 WIB = Sat 00:30 WITA = Sat 01:30 WIT
    expect(addWorkingDays(wib, t, 0).toISOString()).toBe('2025-07-11T16:59:59.999Z');
    expect(addWorkingDays(wita, t, 0).toISOString()).toBe('2025-07-12T15:59:59.999Z');
    expect(addWorkingDays(wit, t, 0).toISOString()).toBe('2025-07-12T14:59:59.999Z');
  });

  it('Friday 23:30 WIB is Saturday in WITA/WIT: same HK date, different instants', () => {
    const t = new Date('2025-07-11T16:30:00Z');
    // Days after Fri and days after Sat both reach Mon 14 Jul as HK1.
    expect(addWorkingDays(wib, t, 1).toISOString()).toBe('2025-07-14T16:59:59.999Z');
    expect(addWorkingDays(wita, t, 1).toISOString()).toBe('2025-07-14T15:59:59.999Z');
    expect(addWorkingDays(wit, t, 1).toISOString()).toBe('2025-07-14T14:59:59.999Z');
  });

  it('Thursday 23:30 WIB is Friday in WITA/WIT, which shifts HK1 over the weekend', () => {
    const t = new Date('2025-07-10T16:30:00Z');
    expect(fmt(addWorkingDays(wib, t, 1), wib)).toBe('2025-07-11'); // Fri
    expect(fmt(addWorkingDays(wita, t, 1), wita)).toBe('2025-07-14'); // Mon
    expect(fmt(addWorkingDays(wit, t, 1), wit)).toBe('2025-07-14');
    expect(workingDaysBetween(wib, t, wibAt('2025-07-14 12:00'))).toBe(2);
    expect(workingDaysBetween(wita, t, wibAt('2025-07-14 12:00'))).toBe(1);
  });

  it('the usual budgets: 3/5/10/14/60 HK from Mon 4 Aug 2025', () => {
    // Off: 17 Aug (Sun), 18 Aug cuti HUT RI (Mon), 5 Sep Maulid (Fri).
    const mon = wibAt('2025-08-04 09:00');
    expect(fmt(addWorkingDays(wib, mon, 3))).toBe('2025-08-07');
    expect(fmt(addWorkingDays(wib, mon, 5))).toBe('2025-08-11');
    expect(fmt(addWorkingDays(wib, mon, 10))).toBe('2025-08-19');
    expect(fmt(addWorkingDays(wib, mon, 14))).toBe('2025-08-25');
    expect(fmt(addWorkingDays(wib, mon, 60))).toBe('2025-10-29');
  });

  it('the usual budgets across Lebaran 2025 (from Thu 27 Mar) and 2026 (from Tue 17 Mar)', () => {
    const a = wibAt('2025-03-27 10:00');
    expect([3, 5, 10, 14].map((n) => fmt(addWorkingDays(wib, a, n)))).toEqual([
      '2025-04-10',
      '2025-04-14',
      '2025-04-22', // 18 Apr Wafat Yesus Kristus is off
      '2025-04-28',
    ]);
    const b = wibAt('2026-03-17 10:00');
    expect([3, 5, 10].map((n) => fmt(addWorkingDays(wib, b, n)))).toEqual([
      '2026-03-27',
      '2026-03-31',
      '2026-04-08', // 3 Apr Wafat Yesus Kristus is off
    ]);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after from-day up to and including to-day', () => {
    const thu = wibAt('2025-03-27 10:00');
    expect(workingDaysBetween(wib, thu, wibAt('2025-03-27 23:00'))).toBe(0);
    expect(workingDaysBetween(wib, thu, wibAt('2025-04-07 12:00'))).toBe(0);
    expect(workingDaysBetween(wib, thu, wibAt('2025-04-08 00:00'))).toBe(1);
    expect(workingDaysBetween(wib, thu, wibAt('2025-04-10 08:00'))).toBe(3);
    expect(workingDaysBetween(wib, thu, wibAt('2025-03-01 08:00'))).toBe(0); // to before from
  });

  // Deterministic PRNG so failures reproduce.
  function mulberry32(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it.each([wib, wita, wit])('round-trips with addWorkingDays for random starts ($timeZone)', (cal) => {
    const rand = mulberry32(6962);
    const from = Date.parse('2024-12-01T00:00:00Z');
    const span = Date.parse('2026-12-31T00:00:00Z') - from;
    // Collect failures instead of calling expect ~100k times, which is slow.
    const failures: string[] = [];
    for (let i = 0; i < 150; i++) {
      const start = new Date(from + Math.floor(rand() * span));
      let previous = toLocalDate(cal, start);
      for (let n = 0; n <= 60; n++) {
        const at = `start ${start.toISOString()} n=${n}`;
        const deadline = addWorkingDays(cal, start, n);
        if (workingDaysBetween(cal, start, deadline) !== n) failures.push(`${at}: round trip`);
        // The deadline is the last millisecond of a local day.
        const day = toLocalDate(cal, deadline);
        if (toLocalDate(cal, new Date(deadline.getTime() + 1)) !== addCalendarDays(day, 1)) {
          failures.push(`${at}: not end of day`);
        }
        if (n > 0) {
          if (!isWorkingDay(cal, day)) failures.push(`${at}: ${day} is not a working day`);
          // Nothing between two consecutive deadlines is a working day.
          for (let d = addCalendarDays(previous, 1); d < day; d = addCalendarDays(d, 1)) {
            if (isWorkingDay(cal, d)) failures.push(`${at}: skipped working day ${d}`);
          }
        }
        previous = day;
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('computeDeadline (pausable clock)', () => {
  const ev = (kind: ClockEvent['kind'], wibTime: string): ClockEvent => ({ kind, at: wibAt(wibTime) });

  it('runs like addWorkingDays when never paused', () => {
    const s = computeDeadline(wib, [ev('start', '2025-03-24 09:00')], 5);
    // 25 HK1, 26 HK2, 27 HK3, then 28 Mar - 7 Apr off, 8 HK4, 9 HK5.
    expect(fmt(s.deadline)).toBe('2025-04-09');
    expect(s).toMatchObject({ paused: false, usedWorkingDays: 0, remainingWorkingDays: 5 });
  });

  it('pauses mid-way and resumes after the Lebaran holidays', () => {
    const events = [ev('start', '2025-03-24 09:00'), ev('pause', '2025-03-26 14:00')];
    // Used: Tue 25 and Wed 26 (the pause day counts).
    expect(computeDeadline(wib, events, 5)).toEqual({
      deadline: null,
      paused: true,
      usedWorkingDays: 2,
      remainingWorkingDays: 3,
    });
    const resumed = computeDeadline(wib, [...events, ev('resume', '2025-04-08 10:00')], 5);
    // Remaining 3 HK from Tue 8 Apr: Wed 9, Thu 10, Fri 11.
    expect(resumed.deadline?.toISOString()).toBe('2025-04-11T16:59:59.999Z');
    expect(resumed).toMatchObject({ paused: false, usedWorkingDays: 2, remainingWorkingDays: 3 });
  });

  it('a pause and resume on the same day changes nothing', () => {
    const s = computeDeadline(
      wib,
      [ev('start', '2025-07-07 09:00'), ev('pause', '2025-07-09 10:00'), ev('resume', '2025-07-09 15:00')],
      5,
    );
    expect(fmt(s.deadline)).toBe('2025-07-14'); // same as unpaused: 8, 9, 10, 11, 14
    expect(fmt(addWorkingDays(wib, wibAt('2025-07-07 09:00'), 5))).toBe('2025-07-14');
  });

  it('handles several pauses', () => {
    const s = computeDeadline(
      wib,
      [
        ev('start', '2025-08-04 09:00'),
        ev('pause', '2025-08-05 09:00'), // used: Tue 5 -> 1
        ev('resume', '2025-08-11 09:00'),
        ev('pause', '2025-08-13 16:00'), // used: Tue 12, Wed 13 -> 3
        ev('resume', '2025-08-15 08:00'),
      ],
      10,
    );
    // Remaining 7 HK from Fri 15: (16-17 weekend, 18 cuti) 19, 20, 21, 22, 25, 26, 27.
    expect(fmt(s.deadline)).toBe('2025-08-27');
    expect(s).toMatchObject({ paused: false, usedWorkingDays: 3, remainingWorkingDays: 7 });
  });

  it('pausing on the deadline day leaves until the end of the resume day', () => {
    const events = [ev('start', '2025-07-07 09:00'), ev('pause', '2025-07-10 10:00')];
    expect(computeDeadline(wib, events, 3)).toMatchObject({
      deadline: null,
      usedWorkingDays: 3,
      remainingWorkingDays: 0,
    });
    const s = computeDeadline(wib, [...events, ev('resume', '2025-07-15 08:00')], 3);
    expect(s.deadline?.toISOString()).toBe('2025-07-15T16:59:59.999Z');
  });

  it('a pause after the deadline passed does not rescue it', () => {
    const events = [ev('start', '2025-07-07 09:00'), ev('pause', '2025-07-14 10:00')];
    const s = computeDeadline(wib, events, 3);
    // Deadline was Thu 10 Jul; used Tue 8 .. Mon 14 = 5.
    expect(s.deadline?.toISOString()).toBe('2025-07-10T16:59:59.999Z');
    expect(s).toMatchObject({ paused: true, usedWorkingDays: 5, remainingWorkingDays: 0 });
    expect(isOverdue(wibAt('2025-07-14 10:00'), s.deadline)).toBe(true);
    const resumed = computeDeadline(wib, [...events, ev('resume', '2025-07-20 10:00')], 3);
    expect(resumed.deadline?.toISOString()).toBe('2025-07-10T16:59:59.999Z');
  });

  it('rejects malformed event sequences', () => {
    const start = ev('start', '2025-07-07 09:00');
    expect(() => computeDeadline(wib, [], 5)).toThrow(/begin with 'start'/);
    expect(() => computeDeadline(wib, [ev('pause', '2025-07-07 09:00')], 5)).toThrow(/begin with 'start'/);
    expect(() => computeDeadline(wib, [start, start], 5)).toThrow(/Duplicate/);
    expect(() => computeDeadline(wib, [start, ev('resume', '2025-07-08 09:00')], 5)).toThrow(/while running/);
    expect(() =>
      computeDeadline(wib, [start, ev('pause', '2025-07-08 09:00'), ev('pause', '2025-07-08 10:00')], 5),
    ).toThrow(/already paused/);
    expect(() => computeDeadline(wib, [start, ev('pause', '2025-07-06 09:00')], 5)).toThrow(/chronological/);
    expect(() => computeDeadline(wib, [start], -1)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is strictly after the deadline, and never while paused', () => {
    const deadline = new Date('2025-04-10T16:59:59.999Z');
    expect(isOverdue(new Date('2025-04-10T16:59:59.999Z'), deadline)).toBe(false);
    expect(isOverdue(new Date('2025-04-10T17:00:00.000Z'), deadline)).toBe(true);
    expect(isOverdue(new Date('2030-01-01T00:00:00Z'), null)).toBe(false);
  });
});
