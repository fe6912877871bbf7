// Rencana tindak lanjut: for an element of a period's result, the action, its owner, due date and status.
// The next period's report shows these with their status.
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { recordAudit } from '../../core/audit/record-audit';
import { badRequest, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { isElementKey } from './ikm';
import { requirePeriod } from './periods';
import { assertCanManageUnit, assertCanReadUnit, loadUnit } from './policy';
import { type FollowUpStatus, surveyFollowUps } from './schema';

export interface FollowUpInput {
  periodKey: string;
  /** u1..u9, or 'lainnya' for something outside the nine elements. */
  element: string;
  action: string;
  owner: string;
  dueDate: string;
  status?: FollowUpStatus;
}

function checkElement(element: string): void {
  if (!isElementKey(element) && element !== 'lainnya') {
    throw badRequest(
      'INVALID_ELEMENT',
      text('Unsur harus u1-u9 atau "lainnya".', 'The element must be u1-u9 or "lainnya".'),
    );
  }
}

function checkDate(day: string): void {
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw badRequest('INVALID_DATE', text('Tanggal tidak valid.', 'Invalid date.'));
  }
}

const view = (r: typeof surveyFollowUps.$inferSelect) => ({
  id: r.id,
  periodKey: r.periodKey,
  element: r.element,
  action: r.action,
  owner: r.owner,
  dueDate: r.dueDate,
  status: r.status,
});

export async function addFollowUp(ctx: AppContext, actor: Actor, unitId: string, input: FollowUpInput) {
  const unit = await loadUnit(ctx.db, unitId);
  const role = assertCanManageUnit(actor, unit);
  const period = requirePeriod(input.periodKey);
  checkElement(input.element);
  checkDate(input.dueDate);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(surveyFollowUps)
      .values({
        agencyId: unit.agencyId,
        unitId: unit.id,
        periodKey: period.key,
        element: input.element,
        action: input.action.trim(),
        owner: input.owner.trim(),
        dueDate: input.dueDate,
        status: input.status ?? 'direncanakan',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      role,
      action: 'surveys.follow_up.add',
      entityType: 'surveys_follow_up',
      entityId: row!.id,
      agencyId: unit.agencyId,
      unitId: unit.id,
      after: view(row!),
      at: now,
    });
    return view(row!);
  });
}

export async function updateFollowUp(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<Omit<FollowUpInput, 'periodKey'>>,
) {
  const [existing] = await ctx.db.select().from(surveyFollowUps).where(eq(surveyFollowUps.id, id)).limit(1);
  if (!existing) throw notFound(text('Rencana tindak lanjut tidak ditemukan.', 'Follow-up plan not found.'));
  const unit = await loadUnit(ctx.db, existing.unitId);
  const role = assertCanManageUnit(actor, unit);
  if (patch.element !== undefined) checkElement(patch.element);
  if (patch.dueDate !== undefined) checkDate(patch.dueDate);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(surveyFollowUps)
      .set({
        ...(patch.element !== undefined ? { element: patch.element } : {}),
        ...(patch.action !== undefined ? { action: patch.action.trim() } : {}),
        ...(patch.owner !== undefined ? { owner: patch.owner.trim() } : {}),
        ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        updatedAt: now,
      })
      .where(eq(surveyFollowUps.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      role,
      action: 'surveys.follow_up.update',
      entityType: 'surveys_follow_up',
      entityId: id,
      agencyId: unit.agencyId,
      unitId: unit.id,
      before: view(existing),
      after: view(row!),
      at: now,
    });
    return view(row!);
  });
}

export async function listFollowUps(ctx: AppContext, actor: Actor, unitId: string, periodKey: string) {
  const unit = await loadUnit(ctx.db, unitId);
  assertCanReadUnit(actor, unit);
  const period = requirePeriod(periodKey);
  const rows = await ctx.db
    .select()
    .from(surveyFollowUps)
    .where(and(eq(surveyFollowUps.unitId, unit.id), eq(surveyFollowUps.periodKey, period.key)))
    .orderBy(asc(surveyFollowUps.dueDate), asc(surveyFollowUps.createdAt));
  return rows.map(view);
}
