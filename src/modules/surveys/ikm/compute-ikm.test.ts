import { describe, expect, it } from 'vitest';
import {
  aggregateResponses,
  computeIkm,
  computeIkmFromAggregates,
  type IkmAggregates,
  type IkmAnswers,
} from './compute-ikm';
import { ELEMENT_KEYS } from './elements';
import { IkmInputError } from './ikm-error';

/** Aggregates with the same count for every element; sums in the order u1..u9. */
function sameCount(count: number, sums: number[]): IkmAggregates {
  expect(sums).toHaveLength(9);
  return Object.fromEntries(ELEMENT_KEYS.map((k, i) => [k, { sum: sums[i], count }])) as unknown as IkmAggregates;
}

function withCounts(counts: number[], sums: number[]): IkmAggregates {
  return Object.fromEntries(
    ELEMENT_KEYS.map((k, i) => [k, { sum: sums[i], count: counts[i] }]),
  ) as unknown as IkmAggregates;
}

const texts = (r: ReturnType<typeof computeIkm>, field: 'nrr' | 'weightedNrr' | 'converted') =>
  r.elements.map((e) => e[field].text);

// ---------------------------------------------------------------------------------------------------
// Hand-worked example: six respondents; respondent 5 left u4 unanswered.
//
//        u1 u2 u3 u4 u5 u6 u7 u8 u9
//   R1    4  3  3  4  3  3  4  3  3
//   R2    3  3  2  4  3  4  4  3  2
//   R3    4  4  3  4  4  3  4  3  3
//   R4    3  2  2  3  3  3  3  2  2
//   R5    4  3  3  -  3  4  4  3  3
//   R6    3  3  2  4  3  3  4  4  1
//
//   sum   21 18 15 19 19 20 23 18 14
//   count  6  6  6  5  6  6  6  6  6
//   NRR   21/6 = 3.5      18/6 = 3.0      15/6 = 2.5      19/5 = 3.8      19/6 = 3.1666...
//         20/6 = 3.3333.. 23/6 = 3.8333.. 18/6 = 3.0      14/6 = 2.3333..
//   sum of NRR = 3.5 + 3 + 2.5 + 3.8 + 3 + (19 + 20 + 23 + 14)/6 = 15.8 + 76/6 = 427/15 = 28.4666...
//
//   weight 1/9:   IKM = 427/135       = 3.162962...  -> 3.1630; x 25 = 79.074074... -> 79.07 -> B
//                 weighted NRR: 3.5/9 = 0.38888... -> 0.3889, 3/9 -> 0.3333, 2.5/9 -> 0.2778,
//                 3.8/9 -> 0.4222, (19/6)/9 = 19/54 -> 0.3519, 20/54 -> 0.3704, 23/54 -> 0.4259,
//                 3/9 -> 0.3333, 14/54 -> 0.2593
//   weight 0.111: IKM = 0.111 x 427/15 = 47.397/15 = 3.1598 exactly; x 25 = 78.995 -> 79.00 (half-up)
//   weight 0.11:  IKM = 0.11 x 427/15  = 46.97/15  = 3.131333... -> 3.1313; x 25 = 78.28333... -> 78.28
const HAND_RESPONSES: IkmAnswers[] = [
  { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 3, u7: 4, u8: 3, u9: 3 },
  { u1: 3, u2: 3, u3: 2, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 2 },
  { u1: 4, u2: 4, u3: 3, u4: 4, u5: 4, u6: 3, u7: 4, u8: 3, u9: 3 },
  { u1: 3, u2: 2, u3: 2, u4: 3, u5: 3, u6: 3, u7: 3, u8: 2, u9: 2 },
  { u1: 4, u2: 3, u3: 3, u4: null, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 },
  { u1: 3, u2: 3, u3: 2, u4: 4, u5: 3, u6: 3, u7: 4, u8: 4, u9: 1 },
];

describe('computeIkm: hand-worked example', () => {
  it('aggregates the answers per element, skipping an unanswered element', () => {
    expect(aggregateResponses(HAND_RESPONSES)).toEqual({
      u1: { sum: 21, count: 6 },
      u2: { sum: 18, count: 6 },
      u3: { sum: 15, count: 6 },
      u4: { sum: 19, count: 5 },
      u5: { sum: 19, count: 6 },
      u6: { sum: 20, count: 6 },
      u7: { sum: 23, count: 6 },
      u8: { sum: 18, count: 6 },
      u9: { sum: 14, count: 6 },
    });
  });

  it('computes NRR, weighted NRR, IKM, converted IKM and mutu with the exact weight 1/9', () => {
    const r = computeIkm({ responses: HAND_RESPONSES }, { weight: 'exact' });
    expect(r.responseCount).toBe(6);
    expect(r.weight.convention).toBe('exact');
    expect(r.weight.fraction).toBe('1/9');
    expect(r.elements.map((e) => e.key)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    expect(r.elements.map((e) => [e.sum, e.count])).toEqual([
      [21, 6],
      [18, 6],
      [15, 6],
      [19, 5],
      [19, 6],
      [20, 6],
      [23, 6],
      [18, 6],
      [14, 6],
    ]);
    expect(texts(r, 'nrr')).toEqual([
      '3.5000',
      '3.0000',
      '2.5000',
      '3.8000',
      '3.1667',
      '3.3333',
      '3.8333',
      '3.0000',
      '2.3333',
    ]);
    expect(texts(r, 'weightedNrr')).toEqual([
      '0.3889',
      '0.3333',
      '0.2778',
      '0.4222',
      '0.3519',
      '0.3704',
      '0.4259',
      '0.3333',
      '0.2593',
    ]);
    expect(r.ikm.text).toBe('3.1630');
    expect(r.converted.text).toBe('79.07');
    expect(r.mutu.grade).toBe('B');
    expect(r.mutu.kinerja).toEqual({ id: 'Baik', en: 'Good' });
  });

  it('returns the unrounded Decimal values', () => {
    const r = computeIkm({ responses: HAND_RESPONSES }, { weight: 'exact' });
    // 427/135 and 10675/135 to 30 decimals.
    expect(r.ikm.value.toFixed(30)).toBe('3.162962962962962962962962962963');
    expect(r.converted.value.toFixed(30)).toBe('79.074074074074074074074074074074');
    expect(r.elements[4]?.nrr.value.toFixed(20)).toBe('3.16666666666666666667');
    // The exact value times 9 gives back the sum of the NRR, 427/15.
    expect(r.ikm.value.times(9).toFixed(20)).toBe('28.46666666666666666667');
  });

  it('gives the same result from aggregates as from raw responses', () => {
    const fromAggregates = computeIkm(
      { aggregates: withCounts([6, 6, 6, 5, 6, 6, 6, 6, 6], [21, 18, 15, 19, 19, 20, 23, 18, 14]) },
      { weight: 'exact' },
    );
    expect(fromAggregates.ikm.text).toBe('3.1630');
    expect(fromAggregates.converted.text).toBe('79.07');
    expect(fromAggregates.responseCount).toBeUndefined();
  });

  it('reports each element on the converted scale with its mutu', () => {
    const r = computeIkm({ responses: HAND_RESPONSES }, { weight: 'exact' });
    // NRR x 25: 87.5, 75, 62.5, 95, 79.1666.., 83.3333.., 95.8333.., 75, 58.3333..
    expect(texts(r, 'converted')).toEqual([
      '87.50',
      '75.00',
      '62.50',
      '95.00',
      '79.17',
      '83.33',
      '95.83',
      '75.00',
      '58.33',
    ]);
    expect(r.elements.map((e) => e.mutu.grade)).toEqual(['B', 'C', 'D', 'A', 'B', 'B', 'A', 'C', 'D']);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('computeIkm: weight conventions (exact 1/9 vs the printed roundings 0.111 and 0.11)', () => {
  it('the hand-worked example under each weight', () => {
    const exact = computeIkm({ responses: HAND_RESPONSES }, { weight: 'exact' });
    const w111 = computeIkm({ responses: HAND_RESPONSES }, { weight: '0.111' });
    const w11 = computeIkm({ responses: HAND_RESPONSES }, { weight: '0.11' });

    expect([exact.ikm.text, w111.ikm.text, w11.ikm.text]).toEqual(['3.1630', '3.1598', '3.1313']);
    // 0.111: 78.995 exactly, half-up to 79.00 (a binary float would hold 78.99499... and print 78.99).
    expect([exact.converted.text, w111.converted.text, w11.converted.text]).toEqual(['79.07', '79.00', '78.28']);
    expect(w111.converted.value.toString()).toBe('78.995');
    expect([exact.mutu.grade, w111.mutu.grade, w11.mutu.grade]).toEqual(['B', 'B', 'B']);

    // NRR do not depend on the weight; weighted NRR do.
    expect(texts(w111, 'nrr')).toEqual(texts(exact, 'nrr'));
    // 3.5 x 0.111 = 0.3885, 3 x 0.111 = 0.333, 2.5 x 0.111 = 0.2775, 3.8 x 0.111 = 0.4218,
    // 19/6 x 0.111 = 0.3515, 20/6 x 0.111 = 0.37, 23/6 x 0.111 = 0.4255, 14/6 x 0.111 = 0.259
    expect(texts(w111, 'weightedNrr')).toEqual([
      '0.3885',
      '0.3330',
      '0.2775',
      '0.4218',
      '0.3515',
      '0.3700',
      '0.4255',
      '0.3330',
      '0.2590',
    ]);
    expect(texts(w11, 'weightedNrr')).toEqual([
      '0.3850',
      '0.3300',
      '0.2750',
      '0.4180',
      '0.3483',
      '0.3667',
      '0.4217',
      '0.3300',
      '0.2567',
    ]);

    expect(w111.weight).toMatchObject({ convention: '0.111', fraction: '111/1000' });
    expect(w111.weight.value.toString()).toBe('0.111');
    expect(w11.weight).toMatchObject({ convention: '0.11', fraction: '11/100' });
    expect(exact.weight.value.toFixed(10)).toBe('0.1111111111');
  });

  it('the rounded weights can change the mutu: A with 1/9, B with 0.111 and 0.11', () => {
    // 10 answers per element, sums 36 35 35 36 35 35 36 35 35 -> NRR 3.6 3.5 3.5 3.6 3.5 3.5 3.6 3.5 3.5
    // sum of NRR = 3 x 3.6 + 6 x 3.5 = 31.8
    //   1/9:   31.8 / 9     = 3.5333... x 25 = 88.333... -> 88.33 A
    //   0.111: 31.8 x 0.111 = 3.5298      x 25 = 88.245    -> 88.25 B
    //   0.11:  31.8 x 0.11  = 3.498       x 25 = 87.45     -> 87.45 B
    const aggregates = sameCount(10, [36, 35, 35, 36, 35, 35, 36, 35, 35]);
    const exact = computeIkmFromAggregates(aggregates, { weight: 'exact' });
    const w111 = computeIkmFromAggregates(aggregates, { weight: '0.111' });
    const w11 = computeIkmFromAggregates(aggregates, { weight: '0.11' });
    expect([exact.ikm.text, exact.converted.text, exact.mutu.grade]).toEqual(['3.5333', '88.33', 'A']);
    expect([w111.ikm.text, w111.converted.text, w111.mutu.grade]).toEqual(['3.5298', '88.25', 'B']);
    expect([w11.ikm.text, w11.converted.text, w11.mutu.grade]).toEqual(['3.4980', '87.45', 'B']);
  });

  it('all answers 4: 100.00 only with the exact weight', () => {
    const aggregates = sameCount(3, [12, 12, 12, 12, 12, 12, 12, 12, 12]);
    // 9 x 4 = 36; 36/9 = 4 -> 100.00; 36 x 0.111 = 3.996 -> 99.90; 36 x 0.11 = 3.96 -> 99.00
    expect(computeIkmFromAggregates(aggregates, { weight: 'exact' }).converted.text).toBe('100.00');
    expect(computeIkmFromAggregates(aggregates, { weight: '0.111' }).converted.text).toBe('99.90');
    expect(computeIkmFromAggregates(aggregates, { weight: '0.11' }).converted.text).toBe('99.00');
  });

  it('all answers 1: 25.00 with the exact weight; below the table with 0.11, still D', () => {
    const aggregates = sameCount(7, [7, 7, 7, 7, 7, 7, 7, 7, 7]);
    // 9 x 1 = 9; 9/9 = 1 -> 25.00; 9 x 0.111 = 0.999 -> 24.975 -> 24.98; 9 x 0.11 = 0.99 -> 24.75
    const exact = computeIkmFromAggregates(aggregates, { weight: 'exact' });
    expect([exact.ikm.text, exact.converted.text, exact.mutu.grade]).toEqual(['1.0000', '25.00', 'D']);
    const w111 = computeIkmFromAggregates(aggregates, { weight: '0.111' });
    expect([w111.converted.text, w111.mutu.grade]).toEqual(['24.98', 'D']);
    const w11 = computeIkmFromAggregates(aggregates, { weight: '0.11' });
    expect([w11.ikm.text, w11.converted.text, w11.mutu.grade]).toEqual(['0.9900', '24.75', 'D']);
  });
});

// ---------------------------------------------------------------------------------------------------
// Interval boundaries. With the same count n for every element, IKM = (sum of all sums) / (9 n) and
// converted = 25 x that. Each case below gives n, the nine sums and the arithmetic.

describe('computeIkm: mutu at and around every interval boundary (converted scale)', () => {
  const exact = (aggregates: IkmAggregates) => computeIkmFromAggregates(aggregates, { weight: 'exact' });
  const summary = (aggregates: IkmAggregates) => {
    const r = exact(aggregates);
    return [r.ikm.text, r.converted.text, r.mutu.grade];
  };

  it('25.00 (lowest possible): D', () => {
    // n = 4, every answer 1: total 36 = 9 x 4 -> IKM 1 -> 25.00
    expect(summary(sameCount(4, [4, 4, 4, 4, 4, 4, 4, 4, 4]))).toEqual(['1.0000', '25.00', 'D']);
  });

  it('64.99: D (NI 2.5996)', () => {
    // n = 2500; total 6142+5999+6272+5666+6499+6856+7332+6999+6726 = 58491
    // IKM = 58491 / 22500 = 2.5996 exactly -> x 25 = 64.99
    expect(summary(sameCount(2500, [6142, 5999, 6272, 5666, 6499, 6856, 7332, 6999, 6726]))).toEqual([
      '2.5996',
      '64.99',
      'D',
    ]);
  });

  it('64.994...: rounds to 64.99, D', () => {
    // n = 5000; total 116990 -> IKM = 116990 / 45000 = 2.59977... -> x 25 = 64.99444... -> 64.99
    expect(summary(sameCount(5000, [12285, 11999, 12545, 11333, 12999, 13713, 14665, 13999, 13452]))).toEqual([
      '2.5998',
      '64.99',
      'D',
    ]);
  });

  it('64.995: rounds half-up to 65.00, C (between NI 2.5996 and 2.60)', () => {
    // n = 5000; total 116991 -> IKM = 116991 / 45000 = 2.5998 exactly -> x 25 = 64.995 -> 65.00
    expect(summary(sameCount(5000, [12285, 11999, 12545, 11333, 12999, 13713, 14665, 13999, 13453]))).toEqual([
      '2.5998',
      '65.00',
      'C',
    ]);
  });

  it('65.00: C (NI 2.60)', () => {
    // n = 5; total 13+12+13+12+13+13+14+14+13 = 117 -> IKM = 117 / 45 = 2.6 -> 65.00
    expect(summary(sameCount(5, [13, 12, 13, 12, 13, 13, 14, 14, 13]))).toEqual(['2.6000', '65.00', 'C']);
  });

  it('76.60: C (NI 3.064)', () => {
    // n = 125; total 366+358+372+342+383+400+424+408+394 = 3447 -> IKM = 3447 / 1125 = 3.064 -> 76.60
    expect(summary(sameCount(125, [366, 358, 372, 342, 383, 400, 424, 408, 394]))).toEqual(['3.0640', '76.60', 'C']);
  });

  it('76.604...: rounds to 76.60, C', () => {
    // n = 5000; total 137888 -> IKM = 3.06417... -> x 25 = 76.60444... -> 76.60
    expect(summary(sameCount(5000, [14607, 14321, 14867, 13655, 15321, 16035, 16987, 16321, 15774]))).toEqual([
      '3.0642',
      '76.60',
      'C',
    ]);
  });

  it('76.605: rounds half-up to 76.61, B (between NI 3.064 and 3.0644)', () => {
    // n = 5000; total 137889 -> IKM = 137889 / 45000 = 3.0642 exactly -> x 25 = 76.605 -> 76.61
    expect(summary(sameCount(5000, [14607, 14321, 14867, 13655, 15321, 16035, 16987, 16321, 15775]))).toEqual([
      '3.0642',
      '76.61',
      'B',
    ]);
  });

  it('76.61: B (NI 3.0644)', () => {
    // n = 2500; total 7304+7161+7434+6828+7661+8018+8494+8161+7888 = 68949 -> IKM = 68949 / 22500 = 3.0644
    expect(summary(sameCount(2500, [7304, 7161, 7434, 6828, 7661, 8018, 8494, 8161, 7888]))).toEqual([
      '3.0644',
      '76.61',
      'B',
    ]);
  });

  it('88.30: B (NI 3.532)', () => {
    // n = 250; total 848+833+861+800+883+918+966+933+905 = 7947 -> IKM = 7947 / 2250 = 3.532 -> 88.30
    expect(summary(sameCount(250, [848, 833, 861, 800, 883, 918, 966, 933, 905]))).toEqual(['3.5320', '88.30', 'B']);
  });

  it('88.304...: rounds to 88.30, B', () => {
    // n = 5000; total 158948 -> IKM = 3.53217... -> x 25 = 88.30444... -> 88.30
    // (the printed IKM is 3.5322 here and in the next case: the mutu comes from the converted figure)
    expect(summary(sameCount(5000, [16947, 16661, 17207, 15995, 17661, 18375, 19327, 18661, 18114]))).toEqual([
      '3.5322',
      '88.30',
      'B',
    ]);
  });

  it('88.305: rounds half-up to 88.31, A (between NI 3.532 and 3.5324)', () => {
    // n = 5000; total 158949 -> IKM = 158949 / 45000 = 3.5322 exactly -> x 25 = 88.305 -> 88.31
    expect(summary(sameCount(5000, [16947, 16661, 17207, 15995, 17661, 18375, 19327, 18661, 18115]))).toEqual([
      '3.5322',
      '88.31',
      'A',
    ]);
  });

  it('88.31: A (NI 3.5324)', () => {
    // n = 2500; total 8474+8331+8604+7998+8831+9188+9664+9331+9058 = 79479 -> IKM = 79479 / 22500 = 3.5324
    expect(summary(sameCount(2500, [8474, 8331, 8604, 7998, 8831, 9188, 9664, 9331, 9058]))).toEqual([
      '3.5324',
      '88.31',
      'A',
    ]);
  });

  it('88.31 with a different count per element: A', () => {
    // NRR: 40/10 = 4, 7662/2500 = 3.0648, 7/2 = 3.5, 2228/625 = 3.5648, 13/4 = 3.25, 9537/2500 = 3.8148,
    //      8831/2500 = 17662/5000 = 26493/7500 = 3.5324
    // sum = (4 + 3.0648) + (3.5 + 3.5648) + (3.25 + 3.8148) + 3 x 3.5324 = 3 x 7.0648 + 10.5972 = 31.7916
    // IKM = 31.7916 / 9 = 3.5324 -> 88.31
    const r = exact(
      withCounts([10, 2500, 2, 625, 4, 2500, 2500, 5000, 7500], [40, 7662, 7, 2228, 13, 9537, 8831, 17662, 26493]),
    );
    expect(texts(r, 'nrr')).toEqual([
      '4.0000',
      '3.0648',
      '3.5000',
      '3.5648',
      '3.2500',
      '3.8148',
      '3.5324',
      '3.5324',
      '3.5324',
    ]);
    expect([r.ikm.text, r.converted.text, r.mutu.grade]).toEqual(['3.5324', '88.31', 'A']);
    expect(r.converted.value.toString()).toBe('88.31');
  });

  it('100.00 (highest possible): A', () => {
    expect(summary(sameCount(9, [36, 36, 36, 36, 36, 36, 36, 36, 36]))).toEqual(['4.0000', '100.00', 'A']);
  });

  it('a tie survives a million responses with a different count per element', () => {
    // counts 1,000,000 - 5,000k (k = 0..8), each sum = count x 3.5322 (e.g. 1,000,000 x 3.5322 = 3,532,200),
    // as strings as a SQL driver returns them. Every NRR = 3.5322, IKM = 3.5322, x 25 = 88.305 -> 88.31 A.
    const counts = [1000000, 995000, 990000, 985000, 980000, 975000, 970000, 965000, 960000];
    const sums = [3532200, 3514539, 3496878, 3479217, 3461556, 3443895, 3426234, 3408573, 3390912];
    const aggregates = Object.fromEntries(
      ELEMENT_KEYS.map((k, i) => [k, { sum: String(sums[i]), count: BigInt(counts[i] ?? 0) }]),
    ) as unknown as IkmAggregates;
    const r = exact(aggregates);
    expect(r.converted.value.toString()).toBe('88.305');
    expect([r.ikm.text, r.converted.text, r.mutu.grade]).toEqual(['3.5322', '88.31', 'A']);
    expect(r.elements[0]).toMatchObject({ sum: 3532200, count: 1000000 });
  });
});

// ---------------------------------------------------------------------------------------------------

describe('computeIkm: bad input', () => {
  const valid = (): Record<string, { sum: unknown; count: unknown }> =>
    Object.fromEntries(ELEMENT_KEYS.map((k) => [k, { sum: 30, count: 10 }]));
  const run =
    (aggregates: unknown, ...weight: unknown[]) =>
    () =>
      computeIkmFromAggregates(aggregates as IkmAggregates, { weight: weight.length ? weight[0] : 'exact' } as never);
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(IkmInputError);
      return (err as IkmInputError).code;
    }
    return undefined;
  };

  it('an element with zero answers is an error, with a bilingual message', () => {
    const aggregates = { ...valid(), u9: { sum: 0, count: 0 } };
    expect(run(aggregates)).toThrow(IkmInputError);
    try {
      run(aggregates)();
    } catch (err) {
      const e = err as IkmInputError;
      expect(e.name).toBe('IkmInputError');
      expect(e.code).toBe('ELEMENT_WITHOUT_ANSWERS');
      expect(e.details).toEqual({ element: 'u9' });
      expect(e.text.id).toBe('Unsur u9 belum memiliki jawaban; IKM tanpa salah satu unsur bukan IKM.');
      expect(e.text.en).toBe('Element u9 has no answers; an index without one of the elements is not an IKM.');
      expect(e.message).toBe(`${e.text.id} / ${e.text.en}`);
    }
  });

  it('raw responses in which nobody answered an element are an error', () => {
    const responses: IkmAnswers[] = [
      { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4 },
      { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3, u9: null },
    ];
    expect(codeOf(() => computeIkm({ responses }, { weight: 'exact' }))).toBe('ELEMENT_WITHOUT_ANSWERS');
  });

  it('rejects missing or unknown elements', () => {
    const { u5: _dropped, ...withoutU5 } = valid();
    expect(codeOf(run(withoutU5))).toBe('MISSING_ELEMENT');
    expect(codeOf(run({ ...valid(), u10: { sum: 3, count: 1 } }))).toBe('UNKNOWN_ELEMENT');
    expect(codeOf(run(null))).toBe('MISSING_ELEMENT');
  });

  it('rejects counts and sums that are not non-negative safe integers', () => {
    expect(codeOf(run({ ...valid(), u1: { sum: 30, count: 2.5 } }))).toBe('INVALID_COUNT');
    expect(codeOf(run({ ...valid(), u1: { sum: 30, count: -1 } }))).toBe('INVALID_COUNT');
    expect(codeOf(run({ ...valid(), u1: { sum: 30, count: '10.0' } }))).toBe('INVALID_COUNT');
    expect(codeOf(run({ ...valid(), u1: { sum: 30, count: 2n ** 60n } }))).toBe('INVALID_COUNT');
    expect(codeOf(run({ ...valid(), u1: { sum: Number.NaN, count: 10 } }))).toBe('INVALID_SUM');
    expect(codeOf(run({ ...valid(), u1: { sum: 'thirty', count: 10 } }))).toBe('INVALID_SUM');
  });

  it('rejects sums impossible for answers valued 1..4', () => {
    expect(codeOf(run({ ...valid(), u2: { sum: 41, count: 10 } }))).toBe('SUM_OUT_OF_RANGE');
    expect(codeOf(run({ ...valid(), u2: { sum: 9, count: 10 } }))).toBe('SUM_OUT_OF_RANGE');
    // The bounds themselves are fine.
    expect(codeOf(run({ ...valid(), u2: { sum: 40, count: 10 }, u3: { sum: 10, count: 10 } }))).toBeUndefined();
  });

  it('rejects an unknown weight convention', () => {
    expect(codeOf(run(valid(), '0.1111'))).toBe('INVALID_WEIGHT');
    expect(codeOf(run(valid(), undefined))).toBe('INVALID_WEIGHT');
    expect(codeOf(run(valid(), 'toString'))).toBe('INVALID_WEIGHT');
    expect(codeOf(() => computeIkmFromAggregates(valid() as never, undefined as never))).toBe('INVALID_WEIGHT');
  });

  it('rejects bad raw responses', () => {
    const ok = { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 } as const;
    const compute = (responses: unknown[]) => () =>
      computeIkm({ responses: responses as IkmAnswers[] }, { weight: 'exact' });
    expect(codeOf(compute([]))).toBe('NO_RESPONSES');
    expect(codeOf(compute([ok, { ...ok, u3: 5 }]))).toBe('INVALID_ANSWER');
    expect(codeOf(compute([{ ...ok, u3: 0 }]))).toBe('INVALID_ANSWER');
    expect(codeOf(compute([{ ...ok, u3: 2.5 }]))).toBe('INVALID_ANSWER');
    expect(codeOf(compute([{ ...ok, u3: '3' }]))).toBe('INVALID_ANSWER');
    expect(codeOf(compute([{ ...ok, q1: 3 }]))).toBe('UNKNOWN_ELEMENT');
    try {
      compute([ok, { ...ok, u3: 5 }])();
    } catch (err) {
      expect((err as IkmInputError).text).toEqual({
        id: 'Jawaban ke-2, unsur u3: nilai harus 1, 2, 3 atau 4.',
        en: 'Response 2, element u3: the value must be 1, 2, 3 or 4.',
      });
    }
  });
});
