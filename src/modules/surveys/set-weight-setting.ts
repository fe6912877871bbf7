// The agency's weight convention (exact 1/9, or the printed roundings 0.111 / 0.11): every report of the
// agency uses it and says which it is.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { recordAudit } from '../../core/audit/record-audit';
import { loadAgencyInfo } from './agency-info';
import type { WeightConvention } from './ikm';
import { assertCanConfigureAgency, staffAgency } from './policy';
import { surveySettings } from './schema';

export async function setWeightSetting(ctx: AppContext, actor: Actor, weight: WeightConvention) {
  const agencyId = staffAgency(actor);
  assertCanConfigureAgency(actor, agencyId);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await loadAgencyInfo(tx, agencyId);
    await tx
      .insert(surveySettings)
      .values({ agencyId, weight, updatedAt: now })
      .onConflictDoUpdate({ target: surveySettings.agencyId, set: { weight, updatedAt: now } });
    await recordAudit(tx, {
      actor,
      role: 'admin_instansi',
      action: 'surveys.settings.weight',
      entityType: 'surveys_settings',
      entityId: agencyId,
      agencyId,
      before: { weight: before.weight },
      after: { weight },
      at: now,
    });
  });
  return { weight };
}

export async function getWeightSetting(ctx: AppContext, actor: Actor) {
  const agencyId = staffAgency(actor);
  const [row] = await ctx.db
    .select({ weight: surveySettings.weight })
    .from(surveySettings)
    .where(eq(surveySettings.agencyId, agencyId));
  return { weight: row?.weight ?? ('exact' as WeightConvention) };
}
