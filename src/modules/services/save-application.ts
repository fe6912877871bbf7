// Citizens file applications: with a verified account, or as a guest (tracking code + secret link token).
// Drafts are kept; submitting checks every field and requirement, starts the clock on the agency's working
// days and issues the payment code for the published fee. A returned application may change only the
// fields the officer named, and resubmitting resumes the clock.
import { randomInt } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { Actor } from '../../core/auth/roles';
import { users } from '../../core/auth/schema';
import { hashToken, newToken } from '../../core/auth/session';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import type { Queryable, Tx } from '../../core/db/client';
import { claimAttachments } from '../../core/files/claim-attachments';
import { attachments, files } from '../../core/files/schema';
import { badRequest, conflict, forbidden } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { isApplicant } from './access-application';
import { clockEvent, clockState } from './application-clock';
import type { FieldValues, FileClaim } from './application-types';
import { type ApplicationRow, type VersionRow, applicationNotFound, loadApplication } from './application-view';
import { paymentGateway } from './gateway';
import { notifyApplicant } from './notify-applicant';
import { serviceNotFound } from './publish-service';
import { applicationEvents, applications, payments, serviceVersions, services } from './schema';
import {
  type FieldProblem,
  checkFile,
  checkValues,
  missingRequired,
  throwFieldProblems,
  unknownField,
} from './validate-form-values';

export const ATTACHMENT_OWNER = 'services_application';

export interface ApplicationChanges {
  values?: FieldValues;
  files?: Record<string, FileClaim>;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const trackingCode = () => {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `LYN-${s.slice(0, 4)}-${s.slice(4)}`;
};

/** Applies value and file changes to `data` (throws a 400 naming the fields on any problem). */
async function applyChanges(
  tx: Tx,
  version: VersionRow,
  data: FieldValues,
  changes: ApplicationChanges,
  owner: { id: string; agencyId: string; now: Date },
  onlyKeys: Set<string> | null,
): Promise<FieldValues> {
  const problems: FieldProblem[] = [];
  const values = changes.values ?? {};
  const fileClaims = changes.files ?? {};
  const byKey = new Map(version.form.map((f) => [f.key, f]));
  if (onlyKeys) {
    for (const key of [...Object.keys(values), ...Object.keys(fileClaims)]) {
      if (byKey.has(key) && !onlyKeys.has(key)) {
        const f = byKey.get(key)!;
        problems.push({
          field: key,
          label: f.label,
          problem: 'not_returned',
          message: text(
            `Isian "${f.label.id}" tidak diminta untuk diperbaiki.`,
            `Field "${f.label.en}" was not returned for correction.`,
          ),
        });
      }
    }
  }
  const checked = await checkValues(tx, version.form, values);
  problems.push(...checked.problems);
  const claims: [string, FileClaim][] = [];
  for (const [key, claim] of Object.entries(fileClaims)) {
    const f = byKey.get(key);
    if (!f) problems.push(unknownField(key));
    else if (f.type !== 'file') {
      problems.push({
        field: key,
        label: f.label,
        problem: 'not_file',
        message: text(`Isian "${f.label.id}" bukan unggahan berkas.`, `Field "${f.label.en}" is not a file upload.`),
      });
    } else claims.push([key, claim]);
  }
  if (problems.length) throwFieldProblems(problems);
  const next: FieldValues = { ...data, ...checked.clean };
  if (claims.length) {
    const ids = claims.map(([, c]) => c.id);
    await claimAttachments(
      tx,
      ids,
      claims.map(([, c]) => c.claimToken),
      { type: ATTACHMENT_OWNER, id: owner.id, agencyId: owner.agencyId, now: owner.now },
    );
    const infos = await tx
      .select({ id: attachments.id, mime: files.mime, size: files.size })
      .from(attachments)
      .innerJoin(files, eq(files.sha256, attachments.fileSha256))
      .where(inArray(attachments.id, ids));
    const byId = new Map(infos.map((i) => [i.id, i]));
    for (const [key, c] of claims) {
      const info = byId.get(c.id)!;
      const p = checkFile(byKey.get(key)!, { mime: info.mime, size: Number(info.size) });
      if (p) problems.push(p);
      else next[key] = c.id;
    }
    if (problems.length) throwFieldProblems(problems);
  }
  return next;
}

async function currentVersion(q: Queryable, serviceId: string) {
  const [row] = await q
    .select({ service: services, version: serviceVersions })
    .from(services)
    .innerJoin(
      serviceVersions,
      and(eq(serviceVersions.serviceId, services.id), eq(serviceVersions.version, services.currentVersion)),
    )
    .where(and(eq(services.id, serviceId), eq(services.active, 1)))
    .limit(1);
  if (!row) throw serviceNotFound();
  return row;
}

export async function createApplication(
  ctx: AppContext,
  actor: Actor,
  input: { serviceId: string; applicant?: { name: string; email?: string }; submit: boolean } & ApplicationChanges,
): Promise<{ id: string; trackingCode: string; accessToken: string | null; status: string }> {
  const now = ctx.clock.now();
  if (actor.kind === 'staff') {
    throw forbidden(
      text('Petugas tidak dapat mengajukan permohonan dari akun petugas.', 'Staff cannot apply from a staff account.'),
    );
  }
  let applicant: { userId: string | null; name: string; email: string | null };
  if (actor.kind === 'citizen') {
    const [u] = await ctx.db
      .select({ email: users.email, name: users.name, verified: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, actor.userId))
      .limit(1);
    if (!u?.verified) {
      throw forbidden(
        text('Verifikasi alamat e-mail akun Anda terlebih dahulu.', 'Verify your account’s e-mail address first.'),
      );
    }
    applicant = { userId: actor.userId, name: u.name, email: u.email };
  } else {
    if (!input.applicant) {
      throw badRequest(
        'APPLICANT_REQUIRED',
        text(
          'Isi nama pemohon (dan e-mail untuk pemberitahuan).',
          'Give the applicant’s name (and an e-mail for notices).',
        ),
      );
    }
    applicant = {
      userId: null,
      name: input.applicant.name.trim(),
      email: input.applicant.email?.trim().toLowerCase() || null,
    };
  }
  const { service, version } = await currentVersion(ctx.db, input.serviceId);
  const accessToken = actor.kind === 'anonymous' ? newToken(24) : null;
  const code = trackingCode();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(applications)
      .values({
        agencyId: service.agencyId,
        unitId: service.unitId,
        serviceId: service.id,
        versionId: version.id,
        trackingCode: code,
        accessTokenHash: accessToken ? hashToken(accessToken) : null,
        applicantUserId: applicant.userId,
        applicantName: applicant.name,
        applicantEmail: applicant.email,
        status: 'draft',
        data: {},
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const app = row!;
    const data = await applyChanges(tx, version, {}, input, { id: app.id, agencyId: app.agencyId, now }, null);
    await tx.update(applications).set({ data }).where(eq(applications.id, app.id));
    await recordAudit(tx, {
      actor,
      action: 'services.application.create',
      entityType: 'services_application',
      entityId: app.id,
      agencyId: app.agencyId,
      unitId: app.unitId,
      after: { data },
      meta: { serviceId: service.id, version: version.version },
      at: now,
    });
    if (input.submit) await submitInTx(ctx, tx, actor, { ...app, data }, version, service.name, now);
    return app.id;
  });
  return { id, trackingCode: code, accessToken, status: input.submit ? 'in_review' : 'draft' };
}

async function loadForApplicant(ctx: AppContext, actor: Actor, id: string, token: string | undefined) {
  const row = await loadApplication(ctx.db, id);
  if (!row || !isApplicant(row.app, actor, token)) throw applicationNotFound();
  return row;
}

const notEditable = () =>
  conflict(
    'NOT_EDITABLE',
    text(
      'Permohonan ini sedang diproses dan tidak dapat diubah.',
      'This application is being processed and cannot be changed.',
    ),
  );

/** Saves changes to a draft, or to the returned fields of a returned application. */
export async function updateApplication(
  ctx: AppContext,
  actor: Actor,
  id: string,
  token: string | undefined,
  changes: ApplicationChanges,
) {
  const { app, version } = await loadForApplicant(ctx, actor, id, token);
  if (app.status !== 'draft' && app.status !== 'returned') throw notEditable();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, id);
    if (locked.status !== app.status) throw notEditable();
    const only = app.status === 'returned' ? new Set((app.returnedFields ?? []).map((f) => f.key)) : null;
    const data = await applyChanges(tx, version, locked.data, changes, { id, agencyId: app.agencyId, now }, only);
    await tx.update(applications).set({ data, updatedAt: now }).where(eq(applications.id, id));
    await recordAudit(tx, {
      actor,
      action: 'services.application.update',
      entityType: 'services_application',
      entityId: id,
      agencyId: app.agencyId,
      unitId: app.unitId,
      before: { data: locked.data },
      after: { data },
      at: now,
    });
  });
}

/** Submits a draft, or resubmits a corrected application (optionally with the last changes). */
export async function submitApplication(
  ctx: AppContext,
  actor: Actor,
  id: string,
  token: string | undefined,
  changes: ApplicationChanges,
) {
  const { app, version, serviceName } = await loadForApplicant(ctx, actor, id, token);
  if (app.status !== 'draft' && app.status !== 'returned') throw notEditable();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, id);
    if (locked.status !== app.status) throw notEditable();
    const only = app.status === 'returned' ? new Set((app.returnedFields ?? []).map((f) => f.key)) : null;
    const data = await applyChanges(tx, version, locked.data, changes, { id, agencyId: app.agencyId, now }, only);
    if (only) {
      const unchanged = [...only].filter((k) => data[k] === locked.data[k]);
      if (unchanged.length) {
        const f = version.form.find((x) => x.key === unchanged[0])!;
        throwFieldProblems(
          unchanged.map((k) => {
            const ff = version.form.find((x) => x.key === k) ?? f;
            return {
              field: k,
              label: ff.label,
              problem: 'not_corrected',
              message: text(
                `Isian "${ff.label.id}" belum diperbaiki.`,
                `Field "${ff.label.en}" has not been corrected.`,
              ),
            };
          }),
        );
      }
    }
    await submitInTx(ctx, tx, actor, { ...locked, data }, version, serviceName, now);
  });
}

export async function lockApplication(tx: Tx, id: string): Promise<ApplicationRow> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw applicationNotFound();
  return row;
}

async function submitInTx(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  app: ApplicationRow,
  version: VersionRow,
  serviceName: string,
  now: Date,
) {
  const missing = missingRequired(version.form, app.data);
  if (missing.length) throwFieldProblems(missing);
  const cal = await getCalendar(tx, app.agencyId);
  const resuming = app.status === 'returned';
  const clock = resuming ? [...app.clockEvents, clockEvent('resume', now)] : [clockEvent('start', now)];
  const stepClock = resuming ? [...app.stepClockEvents, clockEvent('resume', now)] : [clockEvent('start', now)];
  const step = version.workflow[resuming ? app.stepIndex : 0]!;
  await tx
    .update(applications)
    .set({
      data: app.data,
      status: 'in_review',
      stepIndex: resuming ? app.stepIndex : 0,
      clockEvents: clock,
      stepClockEvents: stepClock,
      deadlineAt: clockState(cal, clock, version.durationDays)!.deadline,
      stepDeadlineAt: clockState(cal, stepClock, step.days)!.deadline,
      returnedFields: null,
      submittedAt: app.submittedAt ?? now,
      updatedAt: now,
    })
    .where(eq(applications.id, app.id));
  await tx.insert(applicationEvents).values({
    applicationId: app.id,
    agencyId: app.agencyId,
    stepIndex: resuming ? app.stepIndex : null,
    action: resuming ? 'resubmitted' : 'submitted',
    actorUserId: actor.kind === 'citizen' ? actor.userId : null,
    at: now,
  });
  if (!resuming && version.feeRupiah > 0) {
    const code = `88${String(randomInt(10 ** 6)).padStart(6, '0')}${String(randomInt(10 ** 6)).padStart(6, '0')}`;
    const gateway = paymentGateway(ctx);
    const created = await gateway.createPayment(version.feeRupiah, code);
    await tx.insert(payments).values({
      applicationId: app.id,
      agencyId: app.agencyId,
      code,
      amountRupiah: version.feeRupiah,
      gateway: gateway.name,
      reference: created.reference,
      instructions: JSON.stringify(created.instructions),
      status: 'pending',
      createdAt: now,
    });
  }
  await recordAudit(tx, {
    actor,
    action: resuming ? 'services.application.resubmit' : 'services.application.submit',
    entityType: 'services_application',
    entityId: app.id,
    agencyId: app.agencyId,
    unitId: app.unitId,
    after: { status: 'in_review', data: app.data },
    meta: { version: version.version, stepIndex: resuming ? app.stepIndex : 0 },
    at: now,
  });
  await notifyApplicant(tx, app, serviceName, 'submitted', { now, publicUrl: ctx.config.publicUrl });
}
