// An admin-entered population (people served) of a unit in a period; replaces the count of invitations
// as the base of the minimum sample.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { recordAudit } from '../../core/audit/record-audit';
import { requirePeriod } from './periods';
import { assertCanManageUnit, loadUnit } from './policy';
import { surveyPopulations } from './schema';

export async function setPopulation(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  periodKey: string,
  population: number,
) {
  const unit = await loadUnit(ctx.db, unitId);
  const role = assertCanManageUnit(actor, unit);
  const period = requirePeriod(periodKey);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(surveyPopulations)
      .values({ agencyId: unit.agencyId, unitId: unit.id, periodKey: period.key, population, updatedAt: now })
      .onConflictDoUpdate({
        target: [surveyPopulations.unitId, surveyPopulations.periodKey],
        set: { population: sql`excluded.population`, updatedAt: now },
      });
    await recordAudit(tx, {
      actor,
      role,
      action: 'surveys.population.set',
      entityType: 'surveys_population',
      entityId: `${unit.id}/${period.key}`,
      agencyId: unit.agencyId,
      unitId: unit.id,
      after: { periodKey: period.key, population },
      at: now,
    });
  });
  return { periodKey: period.key, population };
}
