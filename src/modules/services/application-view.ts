// An application as its applicant and as staff see it: the version's form and steps (with each step's share
// of the time limit and who holds it), values, files, corrections asked for, payment and document.
import { asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { attachments, files } from '../../core/files/schema';
import { describeSteps } from './read-catalogue';
import { applicationEvents, applications, documents, payments, serviceVersions, services } from './schema';

export type ApplicationRow = typeof applications.$inferSelect;
export type VersionRow = typeof serviceVersions.$inferSelect;

export const applicationNotFound = () => notFound(text('Permohonan tidak ditemukan.', 'Application not found.'));

export async function loadApplication(q: Queryable, id: string) {
  const [row] = await q
    .select({ app: applications, version: serviceVersions, serviceName: services.name, serviceCode: services.code })
    .from(applications)
    .innerJoin(serviceVersions, eq(serviceVersions.id, applications.versionId))
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(eq(applications.id, id))
    .limit(1);
  return row ?? null;
}

export async function viewApplication(ctx: AppContext, id: string, audience: 'applicant' | 'staff') {
  const row = await loadApplication(ctx.db, id);
  if (!row) throw applicationNotFound();
  const { app, version } = row;
  const steps = (await describeSteps(ctx.db, version.workflow)).map((s) => ({
    ...s,
    state:
      app.status === 'draft' || s.index > app.stepIndex
        ? ('pending' as const)
        : s.index < app.stepIndex || app.status === 'completed' || app.status === 'awaiting_payment'
          ? ('done' as const)
          : app.status === 'rejected'
            ? ('rejected' as const)
            : ('current' as const),
  }));
  const fileIds = version.form
    .filter((f) => f.type === 'file')
    .map((f) => app.data[f.key])
    .filter((v): v is string => typeof v === 'string');
  const fileRows = fileIds.length
    ? await ctx.db
        .select({ id: attachments.id, name: attachments.originalName, mime: files.mime, size: files.size })
        .from(attachments)
        .innerJoin(files, eq(files.sha256, attachments.fileSha256))
        .where(inArray(attachments.id, fileIds))
    : [];
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.applicationId, id)).limit(1);
  const [doc] = await ctx.db
    .select({
      id: documents.id,
      number: documents.number,
      issuedAt: documents.issuedAt,
      revokedAt: documents.revokedAt,
      revokeReason: documents.revokeReason,
    })
    .from(documents)
    .where(eq(documents.applicationId, id))
    .limit(1);
  const events = await ctx.db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  return {
    id: app.id,
    trackingCode: app.trackingCode,
    status: app.status,
    agencyId: app.agencyId,
    unitId: app.unitId,
    service: { id: app.serviceId, name: row.serviceName, code: row.serviceCode, version: version.version },
    feeRupiah: version.feeRupiah,
    durationDays: version.durationDays,
    form: version.form,
    data: app.data,
    files: fileRows.map((f) => ({ ...f, size: Number(f.size) })),
    steps,
    stepIndex: app.stepIndex,
    returnedFields: app.returnedFields ?? [],
    returnNote: app.returnNote,
    rejectReason: app.rejectReason,
    deadlineAt: app.deadlineAt?.toISOString() ?? null,
    stepDeadlineAt: app.stepDeadlineAt?.toISOString() ?? null,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    completedAt: app.completedAt?.toISOString() ?? null,
    onTime: app.onTime === null ? null : app.onTime === 1,
    applicant:
      audience === 'staff'
        ? { name: app.applicantName, email: app.applicantEmail, hasAccount: app.applicantUserId !== null }
        : { name: app.applicantName, email: app.applicantEmail, hasAccount: app.applicantUserId !== null },
    payment: payment
      ? {
          code: payment.code,
          amountRupiah: payment.amountRupiah,
          status: payment.status,
          instructions: JSON.parse(payment.instructions) as { id: string; en: string },
          paidAt: payment.paidAt?.toISOString() ?? null,
        }
      : null,
    document: doc
      ? {
          id: doc.id,
          number: doc.number,
          issuedAt: doc.issuedAt.toISOString(),
          revoked: doc.revokedAt !== null,
          revokeReason: doc.revokeReason,
        }
      : null,
    events: events.map((e) => ({
      action: e.action,
      stepIndex: e.stepIndex,
      at: e.at.toISOString(),
      note: e.note,
      actorName: audience === 'staff' ? e.actorName : null,
      workingDays: e.workingDays,
    })),
  };
}
export type ApplicationView = Awaited<ReturnType<typeof viewApplication>>;
