// Figures per service for the console and the command centre: volume, status counts, on-time share of
// finished applications, and the median working days each step took.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import { applicationEvents, applications, serviceVersions, services } from './schema';

export async function computeServiceStats(
  ctx: AppContext,
  q: { agencyId: string; from?: Date; to?: Date; serviceId?: string },
) {
  const conds = [eq(services.agencyId, q.agencyId)];
  if (q.serviceId) conds.push(eq(services.id, q.serviceId));
  const appConds = [sql`${applications.status} <> 'draft'`];
  if (q.from) appConds.push(gte(applications.submittedAt, q.from));
  if (q.to) appConds.push(lt(applications.submittedAt, q.to));
  const rows = await ctx.db
    .select({
      serviceId: services.id,
      name: services.name,
      workflow: serviceVersions.workflow,
      submitted: sql<number>`count(${applications.id})::int`,
      inReview: sql<number>`count(*) filter (where ${applications.status} = 'in_review')::int`,
      returned: sql<number>`count(*) filter (where ${applications.status} = 'returned')::int`,
      awaitingPayment: sql<number>`count(*) filter (where ${applications.status} = 'awaiting_payment')::int`,
      completed: sql<number>`count(*) filter (where ${applications.status} = 'completed')::int`,
      rejected: sql<number>`count(*) filter (where ${applications.status} = 'rejected')::int`,
      onTime: sql<number>`count(*) filter (where ${applications.status} in ('completed','rejected') and ${applications.onTime} = 1)::int`,
    })
    .from(services)
    .innerJoin(
      serviceVersions,
      and(eq(serviceVersions.serviceId, services.id), eq(serviceVersions.version, services.currentVersion)),
    )
    .leftJoin(applications, and(eq(applications.serviceId, services.id), ...appConds))
    .where(and(...conds))
    .groupBy(services.id, services.name, serviceVersions.workflow)
    .orderBy(services.name);
  const medians = await ctx.db
    .select({
      serviceId: applications.serviceId,
      stepIndex: applicationEvents.stepIndex,
      median: sql<number>`percentile_cont(0.5) within group (order by ${applicationEvents.workingDays})::float8`,
      count: sql<number>`count(*)::int`,
    })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .where(and(eq(applicationEvents.agencyId, q.agencyId), eq(applicationEvents.action, 'approved'), ...appConds))
    .groupBy(applications.serviceId, applicationEvents.stepIndex);
  return rows.map((r) => {
    const finished = Number(r.completed) + Number(r.rejected);
    const onTime = Number(r.onTime);
    return {
      serviceId: r.serviceId,
      name: r.name,
      submitted: Number(r.submitted),
      inReview: Number(r.inReview),
      returned: Number(r.returned),
      awaitingPayment: Number(r.awaitingPayment),
      completed: Number(r.completed),
      rejected: Number(r.rejected),
      finished,
      onTime,
      onTimePct: finished === 0 ? null : Math.round((onTime / finished) * 1000) / 10,
      steps: r.workflow.map((s, i) => {
        const m = medians.find((x) => x.serviceId === r.serviceId && x.stepIndex === i);
        return {
          index: i,
          name: s.name,
          days: s.days,
          approvals: Number(m?.count ?? 0),
          medianWorkingDays: m ? Number(m.median) : null,
        };
      }),
    };
  });
}
