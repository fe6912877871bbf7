import { describe, expect, it } from 'vitest';
import { dayIn, parsePeriodKey, periodContaining, shiftPeriod } from './periods';

describe('reporting periods', () => {
  it('reads month, quarter, semester and year keys as day ranges', () => {
    expect(parsePeriodKey('2026-02')).toMatchObject({
      type: 'month',
      from: '2026-02-01',
      to: '2026-03-01',
      label: { id: 'Februari 2026' },
    });
    expect(parsePeriodKey('2026-Q4')).toMatchObject({
      type: 'quarter',
      from: '2026-10-01',
      to: '2027-01-01',
      label: { id: 'Triwulan IV 2026' },
    });
    expect(parsePeriodKey('2026-S1')).toMatchObject({ type: 'semester', from: '2026-01-01', to: '2026-07-01' });
    expect(parsePeriodKey('2026')).toMatchObject({
      type: 'year',
      from: '2026-01-01',
      to: '2027-01-01',
      label: { en: 'Year 2026' },
    });
    for (const bad of ['2026-13', '2026-Q5', '2026-S3', '26', '2026-1', '1999'])
      expect(parsePeriodKey(bad)).toBeUndefined();
  });

  it('steps back across a year boundary', () => {
    expect(shiftPeriod(parsePeriodKey('2026-01')!, -1).key).toBe('2025-12');
    expect(shiftPeriod(parsePeriodKey('2026-Q1')!, -1).key).toBe('2025-Q4');
    expect(shiftPeriod(parsePeriodKey('2026-S1')!, -3).key).toBe('2024-S2');
    expect(shiftPeriod(parsePeriodKey('2026-11')!, 2).key).toBe('2027-01');
    expect(periodContaining('quarter', '2026-08-31').key).toBe('2026-Q3');
  });

  it('takes the day in the agency’s time zone', () => {
    // 17:30 UTC on 31 March is 1 April in Jakarta (UTC+7) and Jayapura (UTC+9).
    const at = new Date('2026-03-31T17:30:00Z');
    expect(dayIn(at, 'Asia/Jakarta')).toBe('2026-04-01');
    expect(dayIn(new Date('2026-03-31T16:30:00Z'), 'Asia/Jakarta')).toBe('2026-03-31');
    expect(dayIn(new Date('2026-03-31T15:30:00Z'), 'Asia/Jayapura')).toBe('2026-04-01');
  });
});
