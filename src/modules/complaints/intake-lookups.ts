// The reads intake and routing need (region, agency, category, routing rules, settings, calendar), made
// within one transaction. `preload` reads all of them for a whole batch in one round trip: the agencies
// by slug, each region's level and responsible agency, then every agency involved (the doors' agencies,
// the responsible ones, the targets of their rules) with its settings, rules, fallback units and time
// zone, and the categories asked for with their namesakes in those agencies. A key that was not preloaded
// is read alone by the same query. Nothing outlives the transaction, so an admin's change is seen by the
// next batch.
import { type SQL, and, eq, sql } from 'drizzle-orm';
import { calendarFromState } from '../../core/calendar/get-calendar';
import type { Queryable } from '../../core/db/client';
import { executePrepared } from '../../core/db/prepared-query';
import { type ResponsibleAgency, responsibleAgencySql } from '../../core/org/find-responsible-agency';
import type { TimeZone } from '../../core/org/schema';
import type { Calendar } from '../../lib/working-days';
import { categories } from './schema';
import { type AgencyComplaintSettings, FALLBACK_UNIT_NAMES, mergeSettings } from './settings';

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

/** What a batch will ask for. */
export interface IntakeKeys {
  agencyIds?: readonly string[];
  slugs?: readonly string[];
  regionCodes?: readonly string[];
  categoryIds?: readonly string[];
}

export interface IntakeLookups {
  /** Reads what these keys need in one round trip; asking for them afterwards costs nothing. */
  preload(keys: IntakeKeys): Promise<void>;
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

interface AgencyContext {
  agency: { id: string; name: string; active: boolean };
  settingsRow: Parameters<typeof mergeSettings>[0];
  namedUnits: { id: string; name: string }[];
  rules: RuleRow[];
  timeZone: TimeZone;
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

interface PreloadRow {
  slugs: Record<string, string>;
  levels: Record<string, number>;
  responsible: (ResponsibleAgency & { code: string })[];
  contexts: (Omit<AgencyContext, 'rules'> & { rules: Json<RuleRow>[] })[];
  categories: Json<CategoryRow>[];
  calendarToken: string | null;
}

// Ids reach the query as uuid casts; anything else is left to the per-key fallback (and its error).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const jsonArray = (values: readonly string[] = []) => sql`${JSON.stringify([...new Set(values)])}::json`;

function preloadSql(keys: IntakeKeys): SQL {
  const agencyIds = (keys.agencyIds ?? []).filter((id) => UUID.test(id));
  const categoryIds = (keys.categoryIds ?? []).filter((id) => UUID.test(id));
  return sql`
    with by_slug as (
      select a.slug, a.id from core_agencies a
      where a.slug in (select json_array_elements_text(${jsonArray(keys.slugs)}))
    ), region_in as (
      select distinct json_array_elements_text(${jsonArray(keys.regionCodes)}) as code
    ), responsible as (
      select r.code, x.* from region_in r cross join lateral (${responsibleAgencySql(sql`r.code`)}) x
    ), intake as (
      select json_array_elements_text(${jsonArray(agencyIds)})::uuid as id union select id from by_slug
    ), involved as (
      select id from intake
      union select id from responsible
      union select target_agency_id from complaints_routing_rules
            where agency_id in (select id from intake) and active
    ), asked as (
      select c.* from complaints_categories c
      where c.id in (select json_array_elements_text(${jsonArray(categoryIds)})::uuid)
    )
    select
      (select coalesce(json_object_agg(slug, id), '{}') from by_slug) as slugs,
      (select coalesce(json_object_agg(g.code, g.level), '{}') from core_regions g
        where g.code in (select code from region_in)) as levels,
      (select coalesce(json_agg(r), '[]') from responsible r) as responsible,
      (select coalesce(json_agg(json_build_object(
          'agency', json_build_object('id', a.id, 'name', a.name, 'active', a.active),
          'timeZone', a.time_zone,
          'settingsRow', case when s.agency_id is null then null else json_build_object(
             'settings', s.settings, 'coordinatingUnitId', s.coordinating_unit_id,
             'onDutyUnitId', s.on_duty_unit_id) end,
          'namedUnits', coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name)) from core_units u
                    where u.agency_id = a.id and u.active
                      and u.name in (${sql.join(
                        FALLBACK_UNIT_NAMES.map((n) => sql`${n}`),
                        sql`, `,
                      )})), '[]'::json),
          'rules', coalesce((select json_agg(json_build_object(
                      'id', r.id, 'categoryId', r.category_id, 'regionPrefix', r.region_prefix,
                      'targetAgencyId', r.target_agency_id, 'targetUnitId', r.target_unit_id,
                      'createdAt', r.created_at))
                    from complaints_routing_rules r join core_units u on u.id = r.target_unit_id and u.active
                    where r.agency_id = a.id and r.active), '[]'::json))), '[]')
        from core_agencies a left join complaints_agency_settings s on s.agency_id = a.id
        where a.id in (select id from involved)) as contexts,
      (select coalesce(json_agg(json_build_object(
          'id', c.id, 'agencyId', c.agency_id, 'parentId', c.parent_id, 'code', c.code, 'nameId', c.name_id,
          'nameEn', c.name_en, 'tier', c.tier, 'emergency', c.emergency, 'forceConfidential', c.force_confidential,
          'resolutionDays', c.resolution_days, 'emergencyHours', c.emergency_hours, 'active', c.active,
          'createdAt', c.created_at)), '[]')
        from complaints_categories c
        where c.id in (select id from asked)
           or (c.active and c.agency_id in (select id from involved) and c.code in (select code from asked))
      ) as categories,
      (select token::text from core_calendar_state where id = 1) as "calendarToken"`;
}

export function createIntakeLookups(q: Queryable): IntakeLookups {
  const slugs = new Map<string, string | null>();
  const levels = new Map<string, number | null>();
  const responsible = new Map<string, ResponsibleAgency | null>();
  const contexts = new Map<string, AgencyContext | null>();
  const categoriesById = new Map<string, CategoryRow | null>();
  const byCode = new Map<string, CategoryRow | null>();
  const calendars = new Map<string, Promise<Calendar>>();
  let calendarToken: string | null = null;

  const preload = async (keys: IntakeKeys): Promise<void> => {
    const r = await executePrepared<PreloadRow & Record<string, unknown>>(q, preloadSql(keys));
    const row = r.rows[0]!;
    calendarToken = row.calendarToken;
    for (const s of keys.slugs ?? []) slugs.set(s, row.slugs[s] ?? null);
    for (const c of keys.regionCodes ?? []) {
      levels.set(c, row.levels[c] ?? null);
      responsible.set(c, null);
    }
    for (const { code, ...agency } of row.responsible) responsible.set(code, agency);
    const involved = new Set<string>();
    for (const c of row.contexts) {
      involved.add(c.agency.id);
      contexts.set(c.agency.id, {
        ...c,
        rules: c.rules.map((x) => ({ ...x, createdAt: new Date(x.createdAt) })),
      });
    }
    for (const id of keys.agencyIds ?? []) if (!contexts.has(id)) contexts.set(id, null);
    for (const id of keys.categoryIds ?? []) categoriesById.set(id, null);
    const rows = row.categories.map((c) => ({ ...c, createdAt: new Date(c.createdAt) }));
    for (const c of rows) if ((keys.categoryIds ?? []).includes(c.id)) categoriesById.set(c.id, c);
    // Namesakes: for every involved agency, the active category with each asked category's code, or none.
    const askedCodes = new Set(rows.filter((c) => categoriesById.get(c.id) === c).map((c) => c.code));
    for (const agencyId of involved) for (const code of askedCodes) byCode.set(`${agencyId}:${code}`, null);
    for (const c of rows) if (c.active && involved.has(c.agencyId)) byCode.set(`${c.agencyId}:${c.code}`, c);
  };

  /** The value for a key, read (with the same query) if the batch's preload did not cover it. */
  const get = async <K, V>(map: Map<K, V>, key: K, keys: IntakeKeys): Promise<V> => {
    if (!map.has(key)) await preload(keys);
    return map.get(key) as V;
  };
  const context = (agencyId: string) => get(contexts, agencyId, { agencyIds: [agencyId] });

  return {
    preload,
    regionLevel: (code) => get(levels, code, { regionCodes: [code] }),
    responsibleAgency: (code) => get(responsible, code, { regionCodes: [code] }),
    agencyIdBySlug: (slug) => get(slugs, slug, { slugs: [slug] }),
    category: (id) => get(categoriesById, id, { categoryIds: [id] }),
    categoryByCode: async (agencyId, code) => {
      const key = `${agencyId}:${code}`;
      if (!byCode.has(key)) {
        const [c] = await q
          .select()
          .from(categories)
          .where(and(eq(categories.agencyId, agencyId), eq(categories.code, code), eq(categories.active, true)))
          .limit(1);
        byCode.set(key, c ?? null);
      }
      return byCode.get(key)!;
    },
    agency: async (id) => (await context(id))?.agency ?? null,
    rules: async (agencyId) => (await context(agencyId))?.rules ?? [],
    settings: async (agencyId) => {
      const c = await context(agencyId);
      return mergeSettings(c?.settingsRow, c?.namedUnits ?? []);
    },
    calendar: (agencyId) => {
      let hit = calendars.get(agencyId);
      if (!hit) {
        hit = context(agencyId).then((c) => calendarFromState(q, agencyId, calendarToken, c?.timeZone ?? null));
        calendars.set(agencyId, hit);
      }
      return hit;
    },
  };
}
