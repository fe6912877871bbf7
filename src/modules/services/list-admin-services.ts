// The services of the actor's agencies, for the console (every service, active or not).
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { units } from '../../core/org/schema';
import { services } from './schema';
import { staffAgencyIds } from './staff-scope';

export async function listAdminServices(ctx: AppContext, actor: Actor) {
  const agencyIds = staffAgencyIds(actor);
  if (agencyIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: services.id,
      code: services.code,
      name: services.name,
      unitId: services.unitId,
      unitName: units.name,
      version: services.currentVersion,
      active: services.active,
    })
    .from(services)
    .innerJoin(units, eq(units.id, services.unitId))
    .where(inArray(services.agencyId, agencyIds))
    .orderBy(asc(units.name), asc(services.name));
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}
