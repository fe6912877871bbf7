// The IKM across consecutive periods (months, quarters, semesters or years) ending with a given one:
// one query for the monthly roll-up of the whole range, folded into the periods.
import type { Queryable } from '../../core/db/client';
import type { Text } from '../../core/i18n/messages';
import { loadAgencyInfo } from './agency-info';
import { resultOf } from './build-report';
import { ELEMENT_KEYS, type MutuGrade, type WeightConvention } from './ikm';
import { type Period, periodContaining, shiftPeriod } from './periods';
import { queryMonthlyTotals, type Scope, type Totals } from './query-totals';

export interface TrendPoint {
  periodKey: string;
  label: Text;
  responses: number;
  ikm: string | null;
  converted: string | null;
  mutu: MutuGrade | null;
}

const emptyTotals = (): Totals => ({
  responses: 0,
  sums: Object.fromEntries(ELEMENT_KEYS.map((k) => [k, 0])) as Totals['sums'],
  profile: {},
});

export async function buildTrend(
  q: Queryable,
  scope: Scope,
  last: Period,
  count: number,
): Promise<{ weight: WeightConvention; points: TrendPoint[] }> {
  const { weight } = await loadAgencyInfo(q, scope.agencyId);
  const periods = Array.from({ length: count }, (_, i) => shiftPeriod(last, i - count + 1));
  const monthly = await queryMonthlyTotals(q, scope, periods[0]!.from, last.to);
  const byPeriod = new Map(periods.map((p) => [p.key, emptyTotals()]));
  for (const [month, totals] of monthly) {
    const acc = byPeriod.get(periodContaining(last.type, `${month}-01`).key);
    if (!acc) continue;
    acc.responses += totals.responses;
    for (const k of ELEMENT_KEYS) acc.sums[k] += totals.sums[k];
  }
  return {
    weight,
    points: periods.map((p) => {
      const r = resultOf(byPeriod.get(p.key)!, weight);
      return {
        periodKey: p.key,
        label: p.label,
        responses: byPeriod.get(p.key)!.responses,
        ikm: r?.ikm ?? null,
        converted: r?.converted ?? null,
        mutu: r?.mutu.grade ?? null,
      };
    }),
  };
}
