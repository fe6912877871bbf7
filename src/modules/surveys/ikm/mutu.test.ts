import { describe, expect, it } from 'vitest';
import { IkmInputError } from './ikm-error';
import { IkmDecimal } from './ikm-decimal';
import { classifyConverted, MUTU_INTERVALS } from './mutu';

describe('MUTU_INTERVALS (PermenPANRB 14/2017 interval table)', () => {
  it('matches the regulation table row by row', () => {
    expect(
      MUTU_INTERVALS.map((m) => [
        m.nilaiPersepsi,
        m.intervalMin,
        m.intervalMax,
        m.konversiMin,
        m.konversiMax,
        m.grade,
        m.kinerja.id,
      ]),
    ).toEqual([
      [4, '3.5324', '4.0000', '88.31', '100.00', 'A', 'Sangat Baik'],
      [3, '3.0644', '3.5320', '76.61', '88.30', 'B', 'Baik'],
      [2, '2.6000', '3.0640', '65.00', '76.60', 'C', 'Kurang Baik'],
      [1, '1.0000', '2.5996', '25.00', '64.99', 'D', 'Tidak Baik'],
    ]);
  });

  it('agrees with shared/data/regulasi/ikm_interval_permenpanrb14_2017.csv', async () => {
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(
      new URL('../../../../../shared/data/regulasi/ikm_interval_permenpanrb14_2017.csv', import.meta.url),
      'utf8',
    );
    const rows = csv
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','));
    expect(rows).toHaveLength(4);
    for (const [persepsi, niMin, niMax, nikMin, nikMax, mutu, kinerja] of rows) {
      const interval = MUTU_INTERVALS.find((m) => m.grade === mutu);
      expect(interval).toBeDefined();
      expect(String(interval?.nilaiPersepsi)).toBe(persepsi);
      expect(interval?.intervalMin).toBe(niMin);
      expect(interval?.intervalMax).toBe(niMax);
      expect(interval?.konversiMin).toBe(nikMin);
      expect(interval?.konversiMax).toBe(nikMax);
      expect(interval?.kinerja.id.toLowerCase()).toBe(kinerja?.toLowerCase());
    }
  });
});

describe('classifyConverted', () => {
  const grade = (v: string | number) => classifyConverted(v).grade;

  it('classifies at and around every boundary of the converted scale', () => {
    expect(grade('100.00')).toBe('A');
    expect(grade('88.31')).toBe('A');
    expect(grade('88.30')).toBe('B');
    expect(grade('76.61')).toBe('B');
    expect(grade('76.60')).toBe('C');
    expect(grade('65.00')).toBe('C');
    expect(grade('64.99')).toBe('D');
    expect(grade('25.00')).toBe('D');
  });

  it('rounds half-up to 2 decimals before classifying (the gaps of the 1..4 column)', () => {
    expect(grade('88.305')).toBe('A'); // NI 3.5322, between 3.532 (B) and 3.5324 (A)
    expect(grade('88.3049999')).toBe('B');
    expect(grade('76.605')).toBe('B'); // NI 3.0642
    expect(grade('76.6049999')).toBe('C');
    expect(grade('64.995')).toBe('C'); // NI 2.5998
    expect(grade('64.9949999')).toBe('D');
    expect(grade(new IkmDecimal('88.305') as never)).toBe('A');
  });

  it('the 1..4 scale boundaries x 25 land on the printed converted boundaries', () => {
    // 3.5324 x 25 = 88.31, 3.532 x 25 = 88.30, 3.0644 x 25 = 76.61, 3.064 x 25 = 76.60,
    // 2.60 x 25 = 65.00, 2.5996 x 25 = 64.99
    const x25 = (ni: string) => new IkmDecimal(ni).times(25);
    expect(x25('3.5324').toFixed(2)).toBe('88.31');
    expect(grade(x25('3.5324').toString())).toBe('A');
    expect(grade(x25('3.5320').toString())).toBe('B');
    expect(grade(x25('3.0644').toString())).toBe('B');
    expect(grade(x25('3.0640').toString())).toBe('C');
    expect(grade(x25('2.60').toString())).toBe('C');
    expect(grade(x25('2.5996').toString())).toBe('D');
  });

  it('grades a figure below 25.00 (only reachable with rounded weights) as D', () => {
    expect(grade('24.75')).toBe('D');
    expect(grade(0)).toBe('D');
  });

  it('rejects values outside 0..100 and non-numbers', () => {
    expect(() => classifyConverted('100.01')).toThrow(IkmInputError);
    expect(() => classifyConverted(-1)).toThrow(IkmInputError);
    expect(() => classifyConverted('abc')).toThrow(IkmInputError);
    expect(() => classifyConverted(Number.NaN)).toThrow(IkmInputError);
  });
});
