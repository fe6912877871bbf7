// The unit tree of an agency. `path` holds the ids from the root down to and including the unit itself
// ('/root/…/self/'), so "this unit and every unit below it" is one prefix match on path.
import { type AnyColumn, type SQL, asc, eq, like, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type UnitKind, units } from './schema';

export interface UnitView {
  id: string;
  agencyId: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  regionCode: string | null;
  depth: number;
  path: string;
  active: boolean;
}

export const unitColumns = {
  id: units.id,
  agencyId: units.agencyId,
  parentId: units.parentId,
  name: units.name,
  kind: units.kind,
  regionCode: units.regionCode,
  depth: units.depth,
  path: units.path,
  active: units.active,
};

/** The materialised path of a unit with id `id` under a parent with path `parentPath` (null: a root). */
export const childPath = (parentPath: string | null, id: string) => `${parentPath ?? '/'}${id}/`;

/** Pure check on two paths: is the unit at `path` the unit at `ancestorPath` or below it? */
export const pathWithin = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);

export async function findUnit(q: Queryable, id: string): Promise<UnitView | null> {
  const [row] = await q.select(unitColumns).from(units).where(eq(units.id, id)).limit(1);
  return row ?? null;
}

/** Ids of the unit and of every unit below it (active or not); empty when the unit does not exist. */
export async function unitSubtreeIds(q: Queryable, unitId: string): Promise<string[]> {
  const unit = await findUnit(q, unitId);
  if (!unit) return [];
  const rows = await q
    .select({ id: units.id })
    .from(units)
    .where(like(units.path, `${unit.path}%`));
  return rows.map((r) => r.id);
}

/** Whether `unitId` is `ancestorId` itself or lies below it (false when either does not exist). */
export async function isUnitWithin(q: Queryable, unitId: string, ancestorId: string): Promise<boolean> {
  const rows = await q.execute<{ ok: boolean }>(sql`
    select exists (
      select 1 from core_units u join core_units a on a.id = ${ancestorId}
      where u.id = ${unitId} and u.agency_id = a.agency_id and starts_with(u.path, a.path)
    ) as ok`);
  return rows.rows[0]?.ok === true;
}

/**
 * A condition for other modules' queries: `unitIdColumn` is the unit `ancestorId` or below it.
 * e.g. `where(unitWithinSql(complaints.unitId, grant.unitId))`.
 */
export function unitWithinSql(unitIdColumn: AnyColumn | SQL, ancestorId: string): SQL {
  return sql`${unitIdColumn} in (
    select d.id from core_units d
    where d.path like (select a.path from core_units a where a.id = ${ancestorId}) || '%')`;
}

/** The units of an agency in tree order (depth first, siblings by name), each with its parent and depth. */
export async function listUnitTree(
  q: Queryable,
  agencyId: string,
  opts: { includeInactive: boolean },
): Promise<UnitView[]> {
  const rows = await q.select(unitColumns).from(units).where(eq(units.agencyId, agencyId)).orderBy(asc(units.depth));
  const visible = opts.includeInactive ? rows : hideInactiveBranches(rows);
  const children = new Map<string | null, UnitView[]>();
  for (const r of visible) {
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
  }
  const byName = (a: UnitView, b: UnitView) => a.name.localeCompare(b.name, 'id');
  const out: UnitView[] = [];
  const walk = (parentId: string | null) => {
    for (const u of (children.get(parentId) ?? []).sort(byName)) {
      out.push(u);
      walk(u.id);
    }
  };
  walk(null);
  return out;
}

/** Active units whose ancestors are all active (rows sorted by depth). */
function hideInactiveBranches(rows: UnitView[]): UnitView[] {
  const shown = new Set<string>();
  return rows.filter((r) => {
    const ok = r.active && (r.parentId === null || shown.has(r.parentId));
    if (ok) shown.add(r.id);
    return ok;
  });
}
