// Officers act on the step they hold: approve (the next step, payment, or completion follows), return to
// the applicant naming the fields to fix (both clocks pause), or reject with a reason. Anything out of
// turn (a step not held, a stale step index, an application not under review) is a 4xx and changes nothing.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { Actor, Role } from '../../core/auth/roles';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import type { Queryable, Tx } from '../../core/db/client';
import { badRequest, conflict, forbidden } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { isUnitWithin } from '../../core/org/unit-tree';
import { clockEvent, clockState } from './application-clock';
import type { FieldReturn } from './application-types';
import { applicationNotFound, loadApplication } from './application-view';
import { completeApplication, stopClock } from './complete-application';
import { notifyApplicant } from './notify-applicant';
import { lockApplication } from './save-application';
import { applicationEvents, applications, payments } from './schema';

export type StaffAction =
  | { action: 'approve'; stepIndex: number; note?: string }
  | { action: 'return'; stepIndex: number; note: string; fields: FieldReturn[] }
  | { action: 'reject'; stepIndex: number; reason: string };

/** The role in which the actor holds this step, or null. */
export async function holdsStep(
  tx: Queryable,
  actor: Actor,
  agencyId: string,
  step: { role: Role; unitId: string },
): Promise<Role | null> {
  if (actor.kind !== 'staff') return null;
  for (const g of actor.grants) {
    if (g.role !== step.role || g.agencyId !== agencyId) continue;
    if (g.unitId === null || (await isUnitWithin(tx, step.unitId, g.unitId))) return g.role;
  }
  return null;
}

export async function actOnApplication(ctx: AppContext, actor: Actor, id: string, input: StaffAction): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction((tx) => actInTx(ctx, tx, actor, id, input, now));
}

export async function actOnApplications(
  ctx: AppContext,
  actor: Actor,
  ids: string[],
  input: StaffAction & { stepIndex: number },
) {
  const now = ctx.clock.now();
  // All or nothing: one application out of turn and none is changed.
  await ctx.db.transaction(async (tx) => {
    for (const id of ids) await actInTx(ctx, tx, actor, id, input, now);
  });
}

async function actInTx(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  id: string,
  input: StaffAction,
  now: Date,
): Promise<void> {
  const loaded = await loadApplication(tx, id);
  if (!loaded || actor.kind !== 'staff' || !actor.grants.some((g) => g.agencyId === loaded.app.agencyId))
    throw applicationNotFound();
  const app = await lockApplication(tx, id);
  const { version } = loaded;
  const service = { name: loaded.serviceName, code: loaded.serviceCode };
  if (app.status !== 'in_review') {
    const why =
      app.status === 'returned'
        ? text(
            'Permohonan sedang dikembalikan kepada pemohon untuk diperbaiki; tunggu sampai diajukan kembali.',
            'The application is with the applicant for correction; wait until it is resubmitted.',
          )
        : text('Permohonan tidak sedang dalam pemeriksaan.', 'The application is not under review.');
    throw conflict('NOT_IN_REVIEW', why, { status: app.status });
  }
  if (input.stepIndex !== app.stepIndex) {
    throw conflict(
      'STEP_MISMATCH',
      text(
        `Permohonan sudah berada di tahap ${app.stepIndex + 1}, bukan tahap ${input.stepIndex + 1}.`,
        `The application is at step ${app.stepIndex + 1}, not step ${input.stepIndex + 1}.`,
      ),
      { stepIndex: app.stepIndex },
    );
  }
  const step = version.workflow[app.stepIndex]!;
  const role = await holdsStep(tx, actor, app.agencyId, step);
  if (!role) {
    throw forbidden(
      text('Tahap ini dipegang oleh peran atau unit lain.', 'This step is held by another role or unit.'),
    );
  }
  const cal = await getCalendar(tx, app.agencyId);
  const base = {
    applicationId: id,
    agencyId: app.agencyId,
    stepIndex: app.stepIndex,
    actorUserId: actor.userId,
    actorName: actor.name,
    at: now,
  };
  const audit = (action: string, after: unknown, meta: Record<string, unknown> = {}) =>
    recordAudit(tx, {
      actor,
      role,
      action,
      entityType: 'services_application',
      entityId: id,
      agencyId: app.agencyId,
      unitId: step.unitId,
      before: { status: app.status, stepIndex: app.stepIndex },
      after,
      meta: { stepIndex: app.stepIndex, ...meta },
      at: now,
    });

  if (input.action === 'return') {
    const keys = new Set(version.form.map((f) => f.key));
    const bad = input.fields.find((f) => !keys.has(f.key));
    if (bad)
      throw badRequest(
        'FIELD_UNKNOWN',
        text(
          `Isian "${bad.key}" tidak ada di formulir layanan ini.`,
          `Field "${bad.key}" is not on this service’s form.`,
        ),
      );
    const clock = [...app.clockEvents, clockEvent('pause', now)];
    const stepClock = [...app.stepClockEvents, clockEvent('pause', now)];
    await tx
      .update(applications)
      .set({
        status: 'returned',
        returnedFields: input.fields,
        returnNote: input.note,
        clockEvents: clock,
        stepClockEvents: stepClock,
        deadlineAt: clockState(cal, clock, version.durationDays)!.deadline,
        stepDeadlineAt: clockState(cal, stepClock, step.days)!.deadline,
        updatedAt: now,
      })
      .where(eq(applications.id, id));
    await tx.insert(applicationEvents).values({ ...base, action: 'returned', note: input.note });
    await audit('services.application.return', { status: 'returned' }, { fields: input.fields.map((f) => f.key) });
    const labels = input.fields.map((f) => version.form.find((x) => x.key === f.key)!.label);
    await notifyApplicant(tx, app, service.name, 'returned', {
      now,
      publicUrl: ctx.config.publicUrl,
      detail: {
        id: `Perbaiki: ${labels.map((l) => l.id).join(', ')}. Catatan: ${input.note}`,
        en: `Please fix: ${labels.map((l) => l.en).join(', ')}. Note: ${input.note}`,
      },
    });
    return;
  }

  if (input.action === 'reject') {
    const { events, onTime } = stopClock(cal, app.clockEvents, version.durationDays, now);
    await tx
      .update(applications)
      .set({
        status: 'rejected',
        rejectReason: input.reason,
        clockEvents: events,
        deadlineAt: null,
        stepDeadlineAt: null,
        completedAt: now,
        onTime: onTime ? 1 : 0,
        updatedAt: now,
      })
      .where(eq(applications.id, id));
    await tx.insert(applicationEvents).values({ ...base, action: 'rejected', note: input.reason });
    await audit('services.application.reject', { status: 'rejected' });
    await notifyApplicant(tx, app, service.name, 'rejected', {
      now,
      publicUrl: ctx.config.publicUrl,
      detail: { id: `Alasan: ${input.reason}`, en: `Reason: ${input.reason}` },
    });
    return;
  }

  // approve
  const stepUse = stopClock(cal, app.stepClockEvents, step.days, now);
  const used = clockState(cal, stepUse.events, step.days)!.usedWorkingDays;
  await tx
    .insert(applicationEvents)
    .values({ ...base, action: 'approved', note: input.note ?? null, workingDays: used });
  await audit('services.application.approve', { stepIndex: app.stepIndex + 1 });
  const next = app.stepIndex + 1;
  if (next < version.workflow.length) {
    const stepClock = [clockEvent('start', now)];
    await tx
      .update(applications)
      .set({
        stepIndex: next,
        stepClockEvents: stepClock,
        stepDeadlineAt: clockState(cal, stepClock, version.workflow[next]!.days)!.deadline,
        updatedAt: now,
      })
      .where(eq(applications.id, id));
    await notifyApplicant(tx, app, service.name, 'step_approved', {
      now,
      publicUrl: ctx.config.publicUrl,
      detail: {
        id: `Tahap berikutnya: ${version.workflow[next]!.name.id}`,
        en: `Next step: ${version.workflow[next]!.name.en}`,
      },
    });
    return;
  }
  const [payment] = await tx.select().from(payments).where(eq(payments.applicationId, id)).limit(1);
  const afterStep = { ...app, stepClockEvents: stepUse.events };
  if (payment && payment.status !== 'paid') {
    // All steps done; the fee is still unpaid. Waiting on the applicant does not count against the agency.
    const { events } = stopClock(cal, app.clockEvents, version.durationDays, now);
    await tx
      .update(applications)
      .set({
        status: 'awaiting_payment',
        stepClockEvents: stepUse.events,
        clockEvents: events,
        deadlineAt: null,
        stepDeadlineAt: null,
        updatedAt: now,
      })
      .where(eq(applications.id, id));
    await tx.insert(applicationEvents).values({ ...base, stepIndex: null, action: 'awaiting_payment' });
    await notifyApplicant(tx, app, service.name, 'awaiting_payment', {
      now,
      publicUrl: ctx.config.publicUrl,
      detail: { id: `Kode pembayaran: ${payment.code}`, en: `Payment code: ${payment.code}` },
    });
    return;
  }
  await completeApplication(ctx, tx, afterStep, version, service, now);
}
