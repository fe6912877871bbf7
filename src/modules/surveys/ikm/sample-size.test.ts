import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IkmInputError } from './ikm-error';
import { minimumSample, minimumSampleExact } from './sample-size';

// From this file: ikm -> surveys -> modules -> src -> main -> /work, beside which lies shared/.
const TABLE_URL = new URL('../../../../../shared/data/regulasi/krejcie_morgan_1970.csv', import.meta.url);

const publishedTable = (): { population: number; sample: number }[] =>
  readFileSync(TABLE_URL, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [population, sample] = line.split(',');
      return { population: Number(population), sample: Number(sample) };
    });

describe('minimumSample (Krejcie & Morgan 1970)', () => {
  it('reproduces every entry of the published table', () => {
    const table = publishedTable();
    expect(table.length).toBe(90);
    const mismatches = table.filter(({ population, sample }) => minimumSample(population) !== sample);
    expect(mismatches).toEqual([]);
  });

  it('known entries, written out', () => {
    // N = 10:  0.96025 x 10 / (0.0025 x 9 + 0.96025) = 9.6025 / 0.98275 = 9.7710... -> 10
    expect(minimumSampleExact(10).toFixed(3)).toBe('9.771');
    expect(minimumSample(10)).toBe(10);
    // N = 100: 96.025 / (0.2475 + 0.96025) = 96.025 / 1.20775 = 79.507... -> 80
    expect(minimumSampleExact(100).toFixed(3)).toBe('79.507');
    expect(minimumSample(100)).toBe(80);
    expect(minimumSample(1000)).toBe(278);
    expect(minimumSample(1000000)).toBe(384);
  });

  it('rounds half-up, not up: N = 15 gives 14.472 -> 14', () => {
    expect(minimumSampleExact(15).toFixed(3)).toBe('14.472');
    expect(minimumSample(15)).toBe(14);
  });

  it('never asks for more respondents than the population', () => {
    expect(minimumSample(1)).toBe(1);
    expect(minimumSample(2)).toBe(2);
    expect(minimumSample(5)).toBe(5);
  });

  it('rejects a population that is not a positive whole number', () => {
    for (const bad of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => minimumSample(bad)).toThrow(IkmInputError);
    }
  });
});
