import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../lib/working-days';
import { dueSteps } from './run-escalations';
import { DEFAULT_SETTINGS } from './settings';
import { assertTransition, canTransition } from './states';
import { CODE_ALPHABET, newTrackingCode } from './tracking-code';

describe('the state machine', () => {
  it('allows the regular path and refuses skipping or leaving a final state', () => {
    const path = [
      'diterima',
      'diverifikasi',
      'didisposisikan',
      'ditindaklanjuti',
      'selesai_ditindaklanjuti',
      'ditutup',
    ] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!)).toBe(true);
    expect(canTransition('diterima', 'ditutup')).toBe(false);
    expect(canTransition('diarsipkan', 'diterima')).toBe(false);
    expect(canTransition('digabung', 'ditindaklanjuti')).toBe(false);
    expect(() => assertTransition('ditutup', 'diarsipkan')).toThrow(
      'A report that is "Closed" cannot become "Archived".',
    );
  });
});

describe('tracking codes', () => {
  it('never use the look-alikes 0, O, 1, I or L', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i++) expect(newTrackingCode()).toMatch(/^LPR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });
});

describe('the escalation ladder', () => {
  const cal = makeCalendar({ timeZone: 'Asia/Jakarta', holidays: [] });
  const s = { ...DEFAULT_SETTINGS, coordinatingUnitId: null, onDutyUnitId: null };
  const due = new Date('2026-06-10T16:59:59.999Z'); // end of Wed 10 June 2026, WIB
  it('reminds 1 working day before, escalates to the head at the deadline and to leadership 2 working days after', () => {
    expect(dueSteps(cal, s, { dueAt: due, emergency: false }, new Date('2026-06-08T03:00:00Z'))).toEqual([]);
    expect(dueSteps(cal, s, { dueAt: due, emergency: false }, new Date('2026-06-09T03:00:00Z'))).toEqual(['reminder']);
    expect(dueSteps(cal, s, { dueAt: due, emergency: false }, new Date('2026-06-11T03:00:00Z'))).toEqual([
      'reminder',
      'kepala_unit',
    ]);
    expect(dueSteps(cal, s, { dueAt: due, emergency: false }, new Date('2026-06-12T03:00:00Z'))).toEqual([
      'reminder',
      'kepala_unit',
      'pimpinan',
    ]);
  });
});
