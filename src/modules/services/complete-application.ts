// Completion: the clock stops, the document is issued, the applicant is told, and `services.completed`
// goes to the outbox for the surveys module (satisfaction-survey invitation).
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import { ROLE_LABELS } from '../../core/auth/roles';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import type { Tx } from '../../core/db/client';
import { enqueue } from '../../core/outbox/enqueue';
import { units } from '../../core/org/schema';
import { clockEvent, clockState } from './application-clock';
import type { ApplicationRow, VersionRow } from './application-view';
import { issueDocument } from './issue-document';
import { notifyApplicant } from './notify-applicant';
import { applicationEvents, applications } from './schema';

/** Stops a running clock and says whether the time used stayed within the budget. */
export function stopClock(
  cal: Awaited<ReturnType<typeof getCalendar>>,
  events: ApplicationRow['clockEvents'],
  budget: number,
  now: Date,
) {
  const last = events[events.length - 1];
  const stopped = last && last.kind !== 'pause' ? [...events, clockEvent('pause', now)] : events;
  const state = clockState(cal, stopped, budget);
  return { events: stopped, onTime: state ? state.usedWorkingDays <= budget : true };
}

export async function completeApplication(
  ctx: AppContext,
  tx: Tx,
  app: ApplicationRow,
  version: VersionRow,
  service: { name: string; code: string },
  now: Date,
): Promise<{ documentId: string }> {
  const cal = await getCalendar(tx, app.agencyId);
  const { events, onTime } = stopClock(cal, app.clockEvents, version.durationDays, now);
  // The official who approved the last step signs the document.
  const lastStep = version.workflow[version.workflow.length - 1]!;
  const [approval] = await tx
    .select({ name: applicationEvents.actorName })
    .from(applicationEvents)
    .where(
      and(
        eq(applicationEvents.applicationId, app.id),
        eq(applicationEvents.action, 'approved'),
        eq(applicationEvents.stepIndex, version.workflow.length - 1),
      ),
    )
    .orderBy(desc(applicationEvents.at))
    .limit(1);
  const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, lastStep.unitId)).limit(1);
  const official = {
    name: approval?.name ?? '',
    position: `${ROLE_LABELS[lastStep.role].id} ${unit?.name ?? ''}`.trim(),
  };
  await tx
    .update(applications)
    .set({
      status: 'completed',
      clockEvents: events,
      deadlineAt: null,
      completedAt: now,
      onTime: onTime ? 1 : 0,
      updatedAt: now,
    })
    .where(eq(applications.id, app.id));
  await tx
    .insert(applicationEvents)
    .values({ applicationId: app.id, agencyId: app.agencyId, stepIndex: null, action: 'completed', at: now });
  const doc = await issueDocument(ctx, tx, app, version, service, official, now);
  await recordAudit(tx, {
    actor: { kind: 'system', name: 'services' },
    action: 'services.application.complete',
    entityType: 'services_application',
    entityId: app.id,
    agencyId: app.agencyId,
    unitId: app.unitId,
    after: { status: 'completed', documentId: doc.id },
    meta: { onTime },
    at: now,
  });
  await enqueue(
    tx,
    'services.completed',
    {
      agencyId: app.agencyId,
      unitId: app.unitId,
      serviceId: app.serviceId,
      transactionType: 'application',
      transactionId: app.id,
      trackingCode: app.trackingCode,
      recipientEmail: app.applicantEmail,
    },
    { now, agencyId: app.agencyId },
  );
  await notifyApplicant(tx, app, service.name, 'completed', {
    now,
    publicUrl: ctx.config.publicUrl,
    detail: { id: `Nomor dokumen: ${doc.number}`, en: `Document number: ${doc.number}` },
  });
  return { documentId: doc.id };
}
