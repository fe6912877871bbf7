// The reads intake and routing need (region, agency, category, routing rules, settings, calendar), each
// made at most once per key within one transaction: a batch of reports about the same place and agency
// costs the reads of one. Nothing outlives the transaction, so an admin's change is seen by the next batch.
import { and, eq, sql } from 'drizzle-orm';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { Queryable } from '../../core/db/client';
import { type ResponsibleAgency, findResponsibleAgency } from '../../core/org/find-responsible-agency';
import { agencies, regions } from '../../core/org/schema';
import type { Calendar } from '../../lib/working-days';
import { categories } from './schema';
import { type AgencyComplaintSettings, FALLBACK_UNIT_NAMES, loadSettings, mergeSettings } from './settings';

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

type AgencyContextRow = {
  id: string;
  name: string;
  active: boolean;
  settingsRow: Parameters<typeof mergeSettings>[0];
  namedUnits: { id: string; name: string }[];
  rules: (Omit<RuleRow, 'createdAt'> & { createdAt: string })[];
};

interface AgencyContext {
  agency: { id: string; name: string; active: boolean };
  settingsRow: AgencyContextRow['settingsRow'];
  namedUnits: AgencyContextRow['namedUnits'];
  rules: RuleRow[];
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
  // An agency's row, settings, active rules and fallback units in one round trip.
  const context = (agencyId: string) =>
    once(`context:${agencyId}`, async (): Promise<AgencyContext | null> => {
      const r = await q.execute<AgencyContextRow>(sql`
        select a.id, a.name, a.active,
               case when s.agency_id is null then null else json_build_object(
                 'settings', s.settings, 'coordinatingUnitId', s.coordinating_unit_id,
                 'onDutyUnitId', s.on_duty_unit_id) end as "settingsRow",
               coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name)) from core_units u
                         where u.agency_id = a.id and u.active
                           and u.name in (${sql.join(
                             FALLBACK_UNIT_NAMES.map((n) => sql`${n}`),
                             sql`, `,
                           )})), '[]'::json) as "namedUnits",
               coalesce((select json_agg(json_build_object(
                           'id', r.id, 'categoryId', r.category_id, 'regionPrefix', r.region_prefix,
                           'targetAgencyId', r.target_agency_id, 'targetUnitId', r.target_unit_id,
                           'createdAt', r.created_at))
                         from complaints_routing_rules r join core_units u on u.id = r.target_unit_id and u.active
                         where r.agency_id = a.id and r.active), '[]'::json) as rules
        from core_agencies a left join complaints_agency_settings s on s.agency_id = a.id
        where a.id = ${agencyId}::uuid`);
      const row = r.rows[0];
      if (!row) return null;
      return {
        agency: { id: row.id, name: row.name, active: row.active },
        settingsRow: row.settingsRow,
        namedUnits: row.namedUnits,
        rules: row.rules.map((x) => ({ ...x, createdAt: new Date(x.createdAt) })),
      };
    });
  return {
    regionLevel: (code) =>
      once(`region:${code}`, async () => {
        const [r] = await q.select({ level: regions.level }).from(regions).where(eq(regions.code, code)).limit(1);
        return r?.level ?? null;
      }),
    agency: async (id) => (await context(id))?.agency ?? null,
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
    rules: async (agencyId) => (await context(agencyId))?.rules ?? [],
    responsibleAgency: (regionCode) => once(`responsible:${regionCode}`, () => findResponsibleAgency(q, regionCode)),
    settings: async (agencyId) => {
      const c = await context(agencyId);
      return c ? mergeSettings(c.settingsRow, c.namedUnits) : loadSettings(q, agencyId);
    },
    calendar: (agencyId) => once(`calendar:${agencyId}`, () => getCalendar(q, agencyId)),
  };
}
