// Reading applications: public tracking by code (status and steps only), a citizen's own list, the
// applicant's and staff's full views, payment instructions, and the issued PDF.
import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { filePath } from '../../core/files/file-store';
import { badRequest, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { isApplicant } from './access-application';
import { applicationNotFound, loadApplication, viewApplication } from './application-view';
import { describeSteps } from './read-catalogue';
import { applications, documents, payments, services } from './schema';
import { staffAgencyIds } from './staff-scope';

export async function trackApplication(ctx: AppContext, code: string) {
  const [row] = await ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.trackingCode, code.toUpperCase()))
    .limit(1);
  const loaded = row ? await loadApplication(ctx.db, row.id) : null;
  if (!loaded || loaded.app.status === 'draft')
    throw notFound(text('Kode lacak tidak ditemukan.', 'Tracking code not found.'));
  const { app, version } = loaded;
  const [doc] = await ctx.db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.applicationId, app.id))
    .limit(1);
  const steps = (await describeSteps(ctx.db, version.workflow)).map((s) => ({
    ...s,
    state:
      s.index < app.stepIndex || ['completed', 'awaiting_payment'].includes(app.status)
        ? 'done'
        : s.index === app.stepIndex
          ? app.status
          : 'pending',
  }));
  return {
    trackingCode: app.trackingCode,
    serviceName: loaded.serviceName,
    status: app.status,
    stepIndex: app.stepIndex,
    steps,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    deadlineAt: app.deadlineAt?.toISOString() ?? null,
    completedAt: app.completedAt?.toISOString() ?? null,
    documentId: doc?.id ?? null,
  };
}

export async function listMyApplications(ctx: AppContext, userId: string) {
  const rows = await ctx.db
    .select({
      id: applications.id,
      trackingCode: applications.trackingCode,
      serviceName: services.name,
      status: applications.status,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(services, eq(services.id, applications.serviceId))
    .where(eq(applications.applicantUserId, userId))
    .orderBy(desc(applications.updatedAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The applicant's view; anyone else gets a 404. */
export async function viewAsApplicant(ctx: AppContext, actor: Actor, id: string, token: string | undefined) {
  const row = await loadApplication(ctx.db, id);
  if (!row || !isApplicant(row.app, actor, token)) throw applicationNotFound();
  return viewApplication(ctx, id, 'applicant');
}

/** Staff of the application's agency see it in full. */
export async function viewAsStaff(ctx: AppContext, actor: Actor, id: string) {
  const row = await loadApplication(ctx.db, id);
  if (!row || !staffAgencyIds(actor).includes(row.app.agencyId)) throw applicationNotFound();
  return viewApplication(ctx, id, 'staff');
}

/** Payment instructions for the published fee; any other amount is refused. */
export async function paymentFor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  token: string | undefined,
  amountRupiah: number | undefined,
) {
  const row = await loadApplication(ctx.db, id);
  if (!row || !isApplicant(row.app, actor, token)) throw applicationNotFound();
  const [p] = await ctx.db.select().from(payments).where(eq(payments.applicationId, id)).limit(1);
  if (!p) {
    throw badRequest(
      'NO_FEE',
      text(
        'Layanan ini gratis atau permohonan belum diajukan: tidak ada yang perlu dibayar.',
        'This service is free or the application is not submitted yet: there is nothing to pay.',
      ),
    );
  }
  if (amountRupiah !== undefined && amountRupiah !== p.amountRupiah) {
    throw badRequest(
      'FEE_MISMATCH',
      text(
        `Hanya tarif yang diumumkan (Rp${p.amountRupiah}) yang dapat dibayar.`,
        `Only the published fee (Rp${p.amountRupiah}) can be paid.`,
      ),
    );
  }
  return {
    code: p.code,
    amountRupiah: p.amountRupiah,
    status: p.status,
    instructions: JSON.parse(p.instructions) as { id: string; en: string },
  };
}

export async function openDocumentFile(ctx: AppContext, actor: Actor, id: string, token: string | undefined) {
  const row = await loadApplication(ctx.db, id);
  if (!row || !(isApplicant(row.app, actor, token) || staffAgencyIds(actor).includes(row.app.agencyId)))
    throw applicationNotFound();
  const [doc] = await ctx.db.select().from(documents).where(eq(documents.applicationId, id)).limit(1);
  if (!doc) throw notFound(text('Dokumen belum terbit.', 'No document has been issued yet.'));
  return { path: filePath(ctx.config.dataDir, doc.fileSha256), name: `${doc.number.replace(/\//g, '-')}.pdf` };
}
