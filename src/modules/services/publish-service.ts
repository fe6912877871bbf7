// Admins publish a service: its standard, fee, time limit, form and workflow. Every publication is a new,
// immutable version; applications keep the version they were filed under.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { badRequest, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { assertCanManageAgency } from '../../core/org/policy';
import { units } from '../../core/org/schema';
import type { ServiceDefinition } from './definition';
import { serviceVersions, services } from './schema';

export interface NewService {
  unitId: string;
  code: string;
  name: string;
  summary: string;
  definition: ServiceDefinition;
}

export const serviceNotFound = () => notFound(text('Layanan tidak ditemukan.', 'Service not found.'));

/** Rules the schema cannot state: unique keys, options for choices, step shares adding up, units of this agency. */
export async function checkDefinition(q: Queryable, agencyId: string, def: ServiceDefinition): Promise<void> {
  const keys = new Set<string>();
  for (const f of def.form) {
    if (keys.has(f.key))
      throw badRequest(
        'FORM_INVALID',
        text(`Kunci isian "${f.key}" dipakai dua kali.`, `Field key "${f.key}" is used twice.`),
      );
    keys.add(f.key);
    if (f.type === 'choice' && !f.options?.length) {
      throw badRequest(
        'FORM_INVALID',
        text(`Isian pilihan "${f.label.id}" belum punya pilihan.`, `Choice field "${f.label.en}" has no options.`),
      );
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      throw badRequest(
        'FORM_INVALID',
        text(
          `Isian "${f.label.id}": batas bawah melebihi batas atas.`,
          `Field "${f.label.en}": minimum exceeds maximum.`,
        ),
      );
    }
  }
  const total = def.workflow.reduce((s, st) => s + st.days, 0);
  if (total !== def.durationDays) {
    throw badRequest(
      'WORKFLOW_INVALID',
      text(
        `Jumlah hari kerja tiap tahap (${total}) harus sama dengan jangka waktu layanan (${def.durationDays} hari kerja).`,
        `The steps' working days (${total}) must add up to the service's time limit (${def.durationDays} working days).`,
      ),
    );
  }
  const unitIds = [...new Set(def.workflow.map((s) => s.unitId))];
  const found = await q
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, unitIds), eq(units.agencyId, agencyId), eq(units.active, true)));
  if (found.length !== unitIds.length) {
    throw badRequest(
      'WORKFLOW_INVALID',
      text(
        'Unit pemegang tahap harus unit aktif instansi ini.',
        'Each step must be held by an active unit of this agency.',
      ),
    );
  }
}

async function unitAgency(q: Queryable, unitId: string): Promise<string> {
  const [u] = await q
    .select({ agencyId: units.agencyId })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.active, true)))
    .limit(1);
  if (!u)
    throw badRequest('UNIT_UNKNOWN', text('Unit tidak ditemukan atau tidak aktif.', 'Unit not found or inactive.'));
  return u.agencyId;
}

export async function createService(
  ctx: AppContext,
  actor: Actor,
  input: NewService,
): Promise<{ id: string; version: number }> {
  const agencyId = await unitAgency(ctx.db, input.unitId);
  const role = assertCanManageAgency(actor, agencyId);
  await checkDefinition(ctx.db, agencyId, input.definition);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [dupe] = await tx
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.agencyId, agencyId), eq(services.code, input.code)))
      .limit(1);
    if (dupe)
      throw badRequest(
        'CODE_TAKEN',
        text(`Kode layanan "${input.code}" sudah dipakai.`, `Service code "${input.code}" is already in use.`),
      );
    const [s] = await tx
      .insert(services)
      .values({
        agencyId,
        unitId: input.unitId,
        code: input.code,
        name: input.name,
        summary: input.summary,
        currentVersion: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: services.id });
    const versionId = await insertVersion(tx, s!.id, agencyId, 1, input.definition, actor, now);
    await recordAudit(tx, {
      actor,
      role,
      action: 'services.service.publish',
      entityType: 'services_service',
      entityId: s!.id,
      agencyId,
      unitId: input.unitId,
      after: { ...input, versionId },
      meta: { version: 1 },
      at: now,
    });
    return { id: s!.id, version: 1 };
  });
}

export async function publishVersion(
  ctx: AppContext,
  actor: Actor,
  serviceId: string,
  input: { name?: string; summary?: string; definition: ServiceDefinition },
): Promise<{ id: string; version: number }> {
  const [svc] = await ctx.db.select().from(services).where(eq(services.id, serviceId)).limit(1);
  if (!svc) throw serviceNotFound();
  const role = assertCanManageAgency(actor, svc.agencyId);
  await checkDefinition(ctx.db, svc.agencyId, input.definition);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(services)
      .set({
        currentVersion: sql`${services.currentVersion} + 1`,
        name: input.name ?? svc.name,
        summary: input.summary ?? svc.summary,
        updatedAt: now,
      })
      .where(eq(services.id, serviceId))
      .returning({ version: services.currentVersion });
    const version = row!.version;
    const versionId = await insertVersion(tx, serviceId, svc.agencyId, version, input.definition, actor, now);
    await recordAudit(tx, {
      actor,
      role,
      action: 'services.service.publish',
      entityType: 'services_service',
      entityId: serviceId,
      agencyId: svc.agencyId,
      unitId: svc.unitId,
      after: { ...input, versionId },
      meta: { version },
      at: now,
    });
    return { id: serviceId, version };
  });
}

async function insertVersion(
  q: Queryable,
  serviceId: string,
  agencyId: string,
  version: number,
  def: ServiceDefinition,
  actor: Actor,
  now: Date,
) {
  const [v] = await q
    .insert(serviceVersions)
    .values({
      serviceId,
      agencyId,
      version,
      standard: def.standard,
      feeRupiah: def.feeRupiah,
      durationDays: def.durationDays,
      form: def.form.map((f) =>
        f.type === 'file' ? { ...f, allowedTypes: f.allowedTypes ?? ['application/pdf'] } : f,
      ),
      workflow: def.workflow,
      publishedAt: now,
      publishedBy: actor.kind === 'staff' ? actor.userId : null,
    })
    .returning({ id: serviceVersions.id });
  return v!.id;
}
