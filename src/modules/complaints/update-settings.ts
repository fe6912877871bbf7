// An agency admin changes the deadlines, windows, escalation ladder and coordinating/on-duty units.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { AppContext } from '../../core/context';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { units } from '../../core/org/schema';
import { type StaffActor, assertCoordinator } from './policy';
import { agencySettings } from './schema';
import { type ComplaintSettings, loadSettings } from './settings';

export interface SettingsInput extends Partial<ComplaintSettings> {
  coordinatingUnitId?: string | null;
  onDutyUnitId?: string | null;
}

export async function updateSettings(ctx: AppContext, actor: StaffActor, agencyId: string, input: SettingsInput) {
  const role = assertCoordinator(actor, agencyId);
  return ctx.db.transaction(async (tx) => {
    for (const unitId of [input.coordinatingUnitId, input.onDutyUnitId]) {
      if (!unitId) continue;
      const [u] = await tx.select({ agencyId: units.agencyId }).from(units).where(eq(units.id, unitId)).limit(1);
      if (u?.agencyId !== agencyId)
        throw badRequest('UNKNOWN_UNIT', text('Unit tidak ditemukan di instansi ini.', 'No such unit at this agency.'));
    }
    const before = await loadSettings(tx, agencyId);
    const [existing] = await tx.select().from(agencySettings).where(eq(agencySettings.agencyId, agencyId)).limit(1);
    const { coordinatingUnitId, onDutyUnitId, ...numbers } = input;
    const settings = { ...(existing?.settings ?? {}), ...numbers } as Record<string, number>;
    const now = ctx.clock.now();
    const values = {
      agencyId,
      coordinatingUnitId:
        coordinatingUnitId === undefined ? (existing?.coordinatingUnitId ?? null) : coordinatingUnitId,
      onDutyUnitId: onDutyUnitId === undefined ? (existing?.onDutyUnitId ?? null) : onDutyUnitId,
      settings,
      updatedAt: now,
    };
    await tx.insert(agencySettings).values(values).onConflictDoUpdate({ target: agencySettings.agencyId, set: values });
    const after = await loadSettings(tx, agencyId);
    await recordAudit(tx, {
      actor,
      role,
      action: 'complaints.settings.update',
      entityType: 'agency',
      entityId: agencyId,
      agencyId,
      before,
      after,
      at: now,
    });
    return after;
  });
}
