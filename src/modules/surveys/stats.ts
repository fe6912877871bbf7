// The figure the command centre shows: the agency's IKM over a range of days.
import type { AppContext } from '../../core/context';
import { loadAgencyInfo } from './agency-info';
import { resultOf } from './build-report';
import { dayIn } from './periods';
import { queryTotals } from './query-totals';

export async function agencyIkmStat(ctx: AppContext, q: { agencyId: string; from?: Date; to?: Date }) {
  const agency = await loadAgencyInfo(ctx.db, q.agencyId);
  const from = q.from ? dayIn(q.from, agency.timeZone) : '2000-01-01';
  // `to` is exclusive: the day after the last day with data.
  const to = q.to ? dayIn(q.to, agency.timeZone) : '2101-01-01';
  const totals = await queryTotals(ctx.db, { agencyId: q.agencyId, unitId: null, serviceId: null }, from, to);
  const r = resultOf(totals, agency.weight);
  return {
    responses: totals.responses,
    weight: agency.weight,
    ikm: r?.ikm ?? null,
    converted: r?.converted ?? null,
    mutu: r?.mutu.grade ?? null,
  };
}
