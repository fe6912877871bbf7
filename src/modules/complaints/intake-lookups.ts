// The reads intake and routing need (region, agency, category, routing rules, settings, calendar), each
// made at most once per key within one transaction: a batch of reports about the same place and agency
// costs the reads of one. Nothing outlives the transaction, so an admin's change is seen by the next batch.
import { and, eq } from 'drizzle-orm';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { Queryable } from '../../core/db/client';
import { type ResponsibleAgency, findResponsibleAgency } from '../../core/org/find-responsible-agency';
import { agencies, regions, units } from '../../core/org/schema';
import type { Calendar } from '../../lib/working-days';
import { categories, routingRules } from './schema';
import { type AgencyComplaintSettings, loadSettings } from './settings';

export type CategoryRow = typeof categories.$inferSelect;

/** An active routing rule whose target unit is active. */
export interface RuleRow {
  id: string;
  categoryId: string | null;
  regionPrefix: string | null;
  targetAgencyId: string;
  targetUnitId: string;
  createdAt: Date;
}

export interface IntakeLookups {
  regionLevel(code: string): Promise<number | null>;
  agency(id: string): Promise<{ id: string; name: string; active: boolean } | null>;
  agencyIdBySlug(slug: string): Promise<string | null>;
  category(id: string): Promise<CategoryRow | null>;
  /** The active category with this code in an agency. */
  categoryByCode(agencyId: string, code: string): Promise<CategoryRow | null>;
  rules(agencyId: string): Promise<RuleRow[]>;
  responsibleAgency(regionCode: string): Promise<ResponsibleAgency | null>;
  settings(agencyId: string): Promise<AgencyComplaintSettings>;
  calendar(agencyId: string): Promise<Calendar>;
}

export function createIntakeLookups(q: Queryable): IntakeLookups {
  const memo = new Map<string, Promise<unknown>>();
  // `load` must be an async function: a Drizzle query builder is a thenable that runs again on every await.
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let hit = memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      memo.set(key, hit);
    }
    return hit;
  };
  return {
    regionLevel: (code) =>
      once(`region:${code}`, async () => {
        const [r] = await q.select({ level: regions.level }).from(regions).where(eq(regions.code, code)).limit(1);
        return r?.level ?? null;
      }),
    agency: (id) =>
      once(`agency:${id}`, async () => {
        const [a] = await q
          .select({ id: agencies.id, name: agencies.name, active: agencies.active })
          .from(agencies)
          .where(eq(agencies.id, id))
          .limit(1);
        return a ?? null;
      }),
    agencyIdBySlug: (slug) =>
      once(`agency-slug:${slug}`, async () => {
        const [a] = await q.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug)).limit(1);
        return a?.id ?? null;
      }),
    category: (id) =>
      once(`category:${id}`, async () => {
        const [c] = await q.select().from(categories).where(eq(categories.id, id)).limit(1);
        return c ?? null;
      }),
    categoryByCode: (agencyId, code) =>
      once(`category-code:${agencyId}:${code}`, async () => {
        const [c] = await q
          .select()
          .from(categories)
          .where(and(eq(categories.agencyId, agencyId), eq(categories.code, code), eq(categories.active, true)))
          .limit(1);
        return c ?? null;
      }),
    rules: (agencyId) =>
      once(`rules:${agencyId}`, async () =>
        q
          .select({
            id: routingRules.id,
            categoryId: routingRules.categoryId,
            regionPrefix: routingRules.regionPrefix,
            targetAgencyId: routingRules.targetAgencyId,
            targetUnitId: routingRules.targetUnitId,
            createdAt: routingRules.createdAt,
          })
          .from(routingRules)
          .innerJoin(units, and(eq(units.id, routingRules.targetUnitId), eq(units.active, true)))
          .where(and(eq(routingRules.agencyId, agencyId), eq(routingRules.active, true))),
      ),
    responsibleAgency: (regionCode) => once(`responsible:${regionCode}`, () => findResponsibleAgency(q, regionCode)),
    settings: (agencyId) => once(`settings:${agencyId}`, () => loadSettings(q, agencyId)),
    calendar: (agencyId) => once(`calendar:${agencyId}`, () => getCalendar(q, agencyId)),
  };
}
