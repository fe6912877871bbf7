// The officers' queue: open applications of the actor's agencies with their current step, who holds it,
// and its deadline; overdue first. Filters: service, unit of the step, status, only steps I hold, overdue.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { units } from '../../core/org/schema';
import { holdsStep } from './act-on-application';
import { type ApplicationStatus, applications, serviceVersions, services } from './schema';
import { staffAgencyIds } from './staff-scope';

export interface QueueQuery {
  serviceId?: string;
  unitId?: string;
  status?: ApplicationStatus;
  mine?: boolean;
  overdue?: boolean;
  limit: number;
  offset: number;
}

const OPEN: ApplicationStatus[] = ['in_review', 'returned', 'awaiting_payment'];

export async function listQueue(ctx: AppContext, actor: Actor, query: QueueQuery) {
  const agencyIds = staffAgencyIds(actor);
  if (agencyIds.length === 0) return { total: 0, items: [] };
  const now = ctx.clock.now();
  const conds = [
    inArray(applications.agencyId, agencyIds),
    query.status ? eq(applications.status, query.status) : inArray(applications.status, OPEN),
  ];
  if (query.serviceId) conds.push(eq(applications.serviceId, query.serviceId));
  const rows = await ctx.db
    .select({
      id: applications.id,
      trackingCode: applications.trackingCode,
      status: applications.status,
      agencyId: applications.agencyId,
      serviceId: services.id,
      serviceName: services.name,
      applicantName: applications.applicantName,
      stepIndex: applications.stepIndex,
      workflow: serviceVersions.workflow,
      submittedAt: applications.submittedAt,
      deadlineAt: applications.deadlineAt,
      stepDeadlineAt: applications.stepDeadlineAt,
    })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .innerJoin(serviceVersions, eq(serviceVersions.id, applications.versionId))
    .where(and(...conds))
    .orderBy(
      sql`(${applications.deadlineAt} is not null and ${applications.deadlineAt} < ${now}) desc`,
      asc(sql`coalesce(${applications.deadlineAt}, 'infinity'::timestamptz)`),
      asc(applications.submittedAt),
    )
    .limit(2000);
  const unitIds = [...new Set(rows.map((r) => r.workflow[r.stepIndex]?.unitId).filter((x): x is string => !!x))];
  const unitNames = new Map(
    (unitIds.length
      ? await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const items = [];
  for (const r of rows) {
    const step = r.workflow[r.stepIndex]!;
    if (query.unitId && step.unitId !== query.unitId) continue;
    const overdue = r.deadlineAt !== null && r.deadlineAt < now;
    if (query.overdue && !overdue) continue;
    const mine = r.status === 'in_review' && (await holdsStep(ctx.db, actor, r.agencyId, step)) !== null;
    if (query.mine && !mine) continue;
    items.push({
      id: r.id,
      trackingCode: r.trackingCode,
      status: r.status,
      serviceId: r.serviceId,
      serviceName: r.serviceName,
      applicantName: r.applicantName,
      stepIndex: r.stepIndex,
      stepName: step.name,
      stepRole: step.role,
      stepUnitId: step.unitId,
      stepUnitName: unitNames.get(step.unitId) ?? '',
      stepCount: r.workflow.length,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      deadlineAt: r.deadlineAt?.toISOString() ?? null,
      stepDeadlineAt: r.stepDeadlineAt?.toISOString() ?? null,
      overdue,
      mine,
    });
  }
  return { total: items.length, items: items.slice(query.offset, query.offset + query.limit) };
}
