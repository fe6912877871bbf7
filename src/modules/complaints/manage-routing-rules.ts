// Routing rules of an agency (admin-editable): category × region prefix → handling agency and unit.
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { AppContext } from '../../core/context';
import { badRequest, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { agencies, regions, units } from '../../core/org/schema';
import { type StaffActor, assertCoordinator } from './policy';
import { categories, routingRules } from './schema';

export interface RoutingRuleInput {
  categoryId?: string | null;
  regionPrefix?: string | null;
  targetUnitId: string;
}

const ruleColumns = {
  id: routingRules.id,
  categoryId: routingRules.categoryId,
  categoryName: categories.nameId,
  regionPrefix: routingRules.regionPrefix,
  targetAgencyId: routingRules.targetAgencyId,
  targetAgencyName: agencies.name,
  targetUnitId: routingRules.targetUnitId,
  targetUnitName: units.name,
  active: routingRules.active,
};

export async function listRoutingRules(ctx: AppContext, agencyId: string) {
  return ctx.db
    .select(ruleColumns)
    .from(routingRules)
    .leftJoin(categories, eq(categories.id, routingRules.categoryId))
    .innerJoin(agencies, eq(agencies.id, routingRules.targetAgencyId))
    .innerJoin(units, eq(units.id, routingRules.targetUnitId))
    .where(eq(routingRules.agencyId, agencyId))
    .orderBy(asc(routingRules.createdAt));
}

export async function createRoutingRule(ctx: AppContext, actor: StaffActor, agencyId: string, input: RoutingRuleInput) {
  const role = assertCoordinator(actor, agencyId);
  return ctx.db.transaction(async (tx) => {
    if (input.categoryId) {
      const [c] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.id, input.categoryId), eq(categories.agencyId, agencyId)))
        .limit(1);
      if (!c)
        throw badRequest(
          'UNKNOWN_CATEGORY',
          text('Kategori tidak ditemukan di instansi ini.', 'No such category at this agency.'),
        );
    }
    if (input.regionPrefix) {
      const [r] = await tx
        .select({ code: regions.code })
        .from(regions)
        .where(eq(regions.code, input.regionPrefix))
        .limit(1);
      if (!r) throw badRequest('UNKNOWN_REGION', text('Kode wilayah tidak dikenal.', 'Unknown region code.'));
    }
    const [unit] = await tx
      .select({ agencyId: units.agencyId, active: units.active })
      .from(units)
      .where(eq(units.id, input.targetUnitId))
      .limit(1);
    if (!unit?.active) throw badRequest('UNKNOWN_UNIT', text('Unit tujuan tidak ditemukan.', 'No such target unit.'));
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(routingRules)
      .values({
        agencyId,
        categoryId: input.categoryId ?? null,
        regionPrefix: input.regionPrefix ?? null,
        targetAgencyId: unit.agencyId,
        targetUnitId: input.targetUnitId,
        createdAt: now,
      })
      .returning({ id: routingRules.id });
    await recordAudit(tx, {
      actor,
      role,
      action: 'complaints.routing_rule.create',
      entityType: 'complaint_routing_rule',
      entityId: row!.id,
      agencyId,
      after: input,
      at: now,
    });
    return row!;
  });
}

export async function deleteRoutingRule(ctx: AppContext, actor: StaffActor, agencyId: string, id: string) {
  const role = assertCoordinator(actor, agencyId);
  return ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(routingRules)
      .where(and(eq(routingRules.id, id), eq(routingRules.agencyId, agencyId)))
      .returning({ id: routingRules.id });
    if (!gone.length) throw notFound(text('Aturan tidak ditemukan.', 'No such rule.'));
    await recordAudit(tx, {
      actor,
      role,
      action: 'complaints.routing_rule.delete',
      entityType: 'complaint_routing_rule',
      entityId: id,
      agencyId,
      at: ctx.clock.now(),
    });
  });
}
