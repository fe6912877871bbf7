// The public catalogue: published services per agency and unit, searchable, each with its current standard,
// fee, time limit and on-time record (share of finished applications decided within the time limit).
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { ROLE_LABELS } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { agencies, units } from '../../core/org/schema';
import { serviceNotFound } from './publish-service';
import { applications, serviceVersions, services } from './schema';

export interface OnTimeRecord {
  submitted: number;
  finished: number;
  onTime: number;
  /** null until something has finished. */
  onTimePct: number | null;
}

export async function onTimeRecords(q: Queryable, serviceIds: string[]): Promise<Map<string, OnTimeRecord>> {
  const out = new Map<string, OnTimeRecord>();
  if (serviceIds.length === 0) return out;
  const rows = await q
    .select({
      serviceId: applications.serviceId,
      submitted: sql<number>`count(*) filter (where ${applications.status} <> 'draft')::int`,
      finished: sql<number>`count(*) filter (where ${applications.status} in ('completed', 'rejected'))::int`,
      onTime: sql<number>`count(*) filter (where ${applications.status} in ('completed', 'rejected') and ${applications.onTime} = 1)::int`,
    })
    .from(applications)
    .where(inArray(applications.serviceId, serviceIds))
    .groupBy(applications.serviceId);
  for (const id of serviceIds) out.set(id, { submitted: 0, finished: 0, onTime: 0, onTimePct: null });
  for (const r of rows) {
    const finished = Number(r.finished);
    const onTime = Number(r.onTime);
    out.set(r.serviceId, {
      submitted: Number(r.submitted),
      finished,
      onTime,
      onTimePct: finished === 0 ? null : Math.round((onTime / finished) * 1000) / 10,
    });
  }
  return out;
}

const listColumns = {
  id: services.id,
  code: services.code,
  name: services.name,
  summary: services.summary,
  agencySlug: agencies.slug,
  agencyName: agencies.name,
  unitId: units.id,
  unitName: units.name,
  version: serviceVersions.version,
  feeRupiah: serviceVersions.feeRupiah,
  durationDays: serviceVersions.durationDays,
};

export async function listCatalogue(
  ctx: AppContext,
  query: { q?: string; agency?: string; unitId?: string; limit: number; offset: number },
) {
  const conds = [eq(services.active, 1)];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(services.name, like), ilike(services.summary, like), ilike(units.name, like))!);
  }
  if (query.agency) conds.push(eq(agencies.slug, query.agency));
  if (query.unitId) conds.push(eq(services.unitId, query.unitId));
  const where = and(...conds);
  const base = ctx.db
    .select(listColumns)
    .from(services)
    .innerJoin(
      serviceVersions,
      and(eq(serviceVersions.serviceId, services.id), eq(serviceVersions.version, services.currentVersion)),
    )
    .innerJoin(agencies, eq(agencies.id, services.agencyId))
    .innerJoin(units, eq(units.id, services.unitId));
  const rows = await base
    .where(where)
    .orderBy(asc(agencies.name), asc(units.name), asc(services.name))
    .limit(query.limit)
    .offset(query.offset);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(services)
    .innerJoin(agencies, eq(agencies.id, services.agencyId))
    .innerJoin(units, eq(units.id, services.unitId))
    .where(where);
  const records = await onTimeRecords(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { total: Number(count?.n ?? 0), items: rows.map((r) => ({ ...r, record: records.get(r.id)! })) };
}

/** One service as the public sees it: the current version's full standard, form and workflow. */
export async function getCatalogueService(ctx: AppContext, id: string, opts: { includeInactive?: boolean } = {}) {
  const [row] = await ctx.db
    .select({
      ...listColumns,
      agencyId: services.agencyId,
      active: services.active,
      versionId: serviceVersions.id,
      standard: serviceVersions.standard,
      form: serviceVersions.form,
      workflow: serviceVersions.workflow,
      publishedAt: serviceVersions.publishedAt,
    })
    .from(services)
    .innerJoin(
      serviceVersions,
      and(eq(serviceVersions.serviceId, services.id), eq(serviceVersions.version, services.currentVersion)),
    )
    .innerJoin(agencies, eq(agencies.id, services.agencyId))
    .innerJoin(units, eq(units.id, services.unitId))
    .where(eq(services.id, id))
    .limit(1);
  if (!row || (!row.active && !opts.includeInactive)) throw serviceNotFound();
  const record = (await onTimeRecords(ctx.db, [id])).get(id)!;
  const steps = await describeSteps(ctx.db, row.workflow);
  const { workflow, active, ...rest } = row;
  return { ...rest, active: active === 1, steps, record };
}

export async function describeSteps(
  q: Queryable,
  workflow: { name: { id: string; en: string }; role: string; unitId: string; days: number }[],
) {
  const ids = [...new Set(workflow.map((s) => s.unitId))];
  const names = new Map(
    (ids.length
      ? await q.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))
      : []
    ).map((u) => [u.id, u.name]),
  );
  return workflow.map((s, index) => ({
    index,
    name: s.name,
    role: s.role,
    roleLabel: ROLE_LABELS[s.role as keyof typeof ROLE_LABELS],
    unitId: s.unitId,
    unitName: names.get(s.unitId) ?? '',
    days: s.days,
  }));
}
