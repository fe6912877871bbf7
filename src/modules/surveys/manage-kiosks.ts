// Kiosks of a unit: a tablet at the counter that opens the survey without a login.
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { recordAudit } from '../../core/audit/record-audit';
import { notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { kioskUrl } from './links';
import { assertCanManageUnit, loadUnit } from './policy';
import { surveyKiosks } from './schema';
import { newLinkToken } from './tokens';

export interface KioskView {
  id: string;
  name: string;
  active: boolean;
  url: string;
  createdAt: string;
}

const view = (publicUrl: string, k: typeof surveyKiosks.$inferSelect): KioskView => ({
  id: k.id,
  name: k.name,
  active: k.active,
  url: kioskUrl(publicUrl, k.token),
  createdAt: k.createdAt.toISOString(),
});

export async function listKiosks(ctx: AppContext, actor: Actor, unitId: string): Promise<KioskView[]> {
  const unit = await loadUnit(ctx.db, unitId);
  assertCanManageUnit(actor, unit);
  const rows = await ctx.db
    .select()
    .from(surveyKiosks)
    .where(eq(surveyKiosks.unitId, unit.id))
    .orderBy(asc(surveyKiosks.createdAt));
  return rows.map((k) => view(ctx.config.publicUrl, k));
}

export async function createKiosk(ctx: AppContext, actor: Actor, unitId: string, name: string): Promise<KioskView> {
  const unit = await loadUnit(ctx.db, unitId);
  const role = assertCanManageUnit(actor, unit);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(surveyKiosks)
      .values({ agencyId: unit.agencyId, unitId: unit.id, name: name.trim(), token: newLinkToken(), createdAt: now })
      .returning();
    await recordAudit(tx, {
      actor,
      role,
      action: 'surveys.kiosk.create',
      entityType: 'surveys_kiosk',
      entityId: row!.id,
      agencyId: unit.agencyId,
      unitId: unit.id,
      after: { name: row!.name, active: row!.active },
      at: now,
    });
    return view(ctx.config.publicUrl, row!);
  });
}

export async function setKioskActive(
  ctx: AppContext,
  actor: Actor,
  kioskId: string,
  active: boolean,
): Promise<KioskView> {
  const [existing] = await ctx.db.select().from(surveyKiosks).where(eq(surveyKiosks.id, kioskId)).limit(1);
  if (!existing) throw notFound(text('Kios tidak ditemukan.', 'Kiosk not found.'));
  const unit = await loadUnit(ctx.db, existing.unitId);
  const role = assertCanManageUnit(actor, unit);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(surveyKiosks).set({ active }).where(eq(surveyKiosks.id, kioskId)).returning();
    await recordAudit(tx, {
      actor,
      role,
      action: active ? 'surveys.kiosk.activate' : 'surveys.kiosk.deactivate',
      entityType: 'surveys_kiosk',
      entityId: kioskId,
      agencyId: unit.agencyId,
      unitId: unit.id,
      before: { active: existing.active },
      after: { active },
      at: now,
    });
    return view(ctx.config.publicUrl, row!);
  });
}
