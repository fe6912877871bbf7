// The one intake use case. Every door (web form, Android, SMS/WhatsApp webhook, Open311, SP4N-LAPOR!
// import, counter staff) calls submitComplaint with its `source`; routing, deadlines, the reporter's
// tracking code and secret link, the timeline, statistics and the ledger all follow from here.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { Actor } from '../../core/auth/roles';
import { hashToken, newToken } from '../../core/auth/session';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { claimAttachments } from '../../core/files/claim-attachments';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { agencies, regions } from '../../core/org/schema';
import { toLocalDate } from '../../lib/working-days';
import { intakeDeadlines } from './deadlines';
import { encryptIdentity } from './identity-crypto';
import { notifyStaff } from './notify-staff';
import { auditActor, queueReporterNotice } from './record-change';
import type { ComplaintRow } from './repository';
import { decideRoute } from './route-complaint';
import { categories, complaints, events } from './schema';
import { loadSettings, tierDays } from './settings';
import type { ComplaintKind, Source, Visibility } from './states';
import { applyStats } from './stats';
import { newTrackingCode } from './tracking-code';

/** Indonesia's extent (with a margin for its seas): Sabang to Merauke, Miangas to Rote. */
export const INDONESIA_BOUNDS = { minLat: -11.5, maxLat: 6.5, minLon: 94.5, maxLon: 141.5 };

export interface SubmitComplaintInput {
  /** The door's agency (the portal the report was filed at). */
  agencyId: string;
  kind: ComplaintKind;
  title: string;
  description: string;
  categoryId?: string | null;
  /** Desa/kelurahan code (Kepmendagri), e.g. 36.73.01.1001. */
  regionCode: string;
  lat?: number | null;
  lon?: number | null;
  /** 'YYYY-MM-DD'. */
  incidentDate?: string | null;
  /** Secure by default: rahasia. */
  visibility?: Visibility;
  reporter?: { name?: string | null; email?: string | null; phone?: string | null };
  attachments?: { id: string; claimToken: string }[];
  /** Who filed it: a signed-in citizen (the report then appears in their list), staff at a counter, or nobody. */
  actor?: Actor;
  /** Imports keep the original date of receipt. */
  receivedAt?: Date;
}

export interface SubmittedComplaint {
  id: string;
  code: string;
  /** Shown once: the secret link's token. Only its hash is stored. */
  secret: string;
  status: 'diterima';
  agencyId: string;
  agencyName: string;
  unitId: string | null;
  forwarded: boolean;
  dueAt: Date | null;
}

const invalid = (code: string, id: string, en: string) => badRequest(code, text(id, en));

async function validate(q: Queryable, input: SubmitComplaintInput, now: Date) {
  const [region] = await q
    .select({ level: regions.level })
    .from(regions)
    .where(eq(regions.code, input.regionCode))
    .limit(1);
  if (region?.level !== 4) {
    throw invalid('UNKNOWN_REGION', 'Kode desa/kelurahan tidak dikenal.', 'Unknown desa/kelurahan code.');
  }
  const hasLat = input.lat !== undefined && input.lat !== null;
  const hasLon = input.lon !== undefined && input.lon !== null;
  if (hasLat !== hasLon)
    throw invalid('BAD_POINT', 'Titik peta perlu lintang dan bujur.', 'A map point needs both latitude and longitude.');
  if (hasLat) {
    const b = INDONESIA_BOUNDS;
    if (input.lat! < b.minLat || input.lat! > b.maxLat || input.lon! < b.minLon || input.lon! > b.maxLon) {
      throw invalid(
        'POINT_OUTSIDE_INDONESIA',
        'Titik peta berada di luar wilayah Indonesia.',
        'The map point lies outside Indonesia.',
      );
    }
  }
  const [agency] = await q
    .select({ id: agencies.id, active: agencies.active })
    .from(agencies)
    .where(eq(agencies.id, input.agencyId))
    .limit(1);
  if (!agency?.active) throw invalid('UNKNOWN_AGENCY', 'Instansi tidak ditemukan.', 'No such agency.');
  let category: typeof categories.$inferSelect | null = null;
  if (input.categoryId) {
    [category = null] = await q
      .select()
      .from(categories)
      .where(
        and(eq(categories.id, input.categoryId), eq(categories.agencyId, input.agencyId), eq(categories.active, true)),
      )
      .limit(1);
    if (!category)
      throw invalid(
        'UNKNOWN_CATEGORY',
        'Kategori tidak ditemukan di instansi ini.',
        'No such category at this agency.',
      );
  }
  if (input.incidentDate) {
    const cal = await getCalendar(q, input.agencyId);
    if (input.incidentDate > toLocalDate(cal, now)) {
      throw invalid(
        'FUTURE_DATE',
        'Tanggal kejadian tidak boleh di masa depan.',
        'The date of the incident cannot be in the future.',
      );
    }
  }
  return category;
}

async function uniqueCode(q: Queryable): Promise<string> {
  for (;;) {
    const code = newTrackingCode();
    const [hit] = await q.select({ id: complaints.id }).from(complaints).where(eq(complaints.code, code)).limit(1);
    if (!hit) return code;
  }
}

const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export async function submitComplaint(
  ctx: AppContext,
  input: SubmitComplaintInput,
  source: Source,
): Promise<SubmittedComplaint> {
  const result = await intake(ctx, input, source);
  ctx.log.info(
    { code: result.code, source, agencyId: result.agencyId, forwarded: result.forwarded },
    'complaint received',
  );
  return result;
}

async function intake(ctx: AppContext, input: SubmitComplaintInput, source: Source): Promise<SubmittedComplaint> {
  const now = input.receivedAt ?? ctx.clock.now();
  const actor: Actor = input.actor ?? { kind: 'anonymous' };
  return ctx.db.transaction(async (tx) => {
    const category = await validate(tx, input, now);
    const emergency = category?.emergency ?? false;
    const visibility: Visibility = category?.forceConfidential ? 'rahasia' : (input.visibility ?? 'rahasia');
    const route = await decideRoute(tx, {
      intakeAgencyId: input.agencyId,
      categoryId: category?.id ?? null,
      regionCode: input.regionCode,
      emergency,
    });
    const settings = await loadSettings(tx, route.agencyId);
    const cal = await getCalendar(tx, route.agencyId);
    const tier = category?.tier ?? 'normatif';
    const emergencyHours = emergency ? (category?.emergencyHours ?? settings.emergencyHours) : null;
    const deadlines = intakeDeadlines(cal, settings, now, emergencyHours);

    const id = randomUUID();
    const secret = newToken(24);
    const identity = {
      name: clean(input.reporter?.name),
      email: clean(input.reporter?.email)?.toLowerCase() ?? null,
      phone: clean(input.reporter?.phone),
    };
    const hasIdentity = identity.name !== null || identity.email !== null || identity.phone !== null;
    const row: ComplaintRow = {
      id,
      code: await uniqueCode(tx),
      agencyId: route.agencyId,
      intakeAgencyId: input.agencyId,
      unitId: route.unitId,
      supportUnitIds: [],
      kind: input.kind,
      title: input.title.trim(),
      description: input.description.trim(),
      categoryId: route.categoryId,
      tier,
      emergency,
      regionCode: input.regionCode,
      lat: input.lat ?? null,
      lon: input.lon ?? null,
      incidentDate: input.incidentDate ?? null,
      visibility,
      source,
      status: 'diterima',
      resumeStatus: null,
      closeHow: null,
      reason: null,
      mergedIntoId: null,
      reporterUserId: actor.kind === 'citizen' ? actor.userId : null,
      reporterIdentityEnc: hasIdentity ? encryptIdentity(ctx.config, id, identity) : null,
      reporterHasEmail: identity.email !== null,
      secretHash: hashToken(secret),
      receivedAt: now,
      verifiedAt: null,
      disposedAt: null,
      firstResponseAt: null,
      completedAt: null,
      completedOnTime: null,
      closedAt: null,
      firstClosedAt: null,
      dueAt: deadlines.dueAt,
      verifyDueAt: deadlines.verifyDueAt,
      planDueAt: null,
      resolutionDueAt: null,
      resolutionDays: category?.resolutionDays ?? tierDays(settings, tier),
      clockEvents: [],
      autoCloseAt: null,
      ratingScore: null,
      ratingComment: null,
      ratedAt: null,
      updatedAt: now,
    };
    await tx.insert(complaints).values(row);

    const by = { kind: 'reporter' as const, actor };
    const entry = (
      kind: string,
      visibility: 'public' | 'internal',
      meta: Record<string, unknown> | null = null,
      unitId = route.unitId,
    ) => ({
      complaintId: id,
      agencyId: route.agencyId,
      at: now,
      kind,
      visibility,
      actorKind: kind === 'submitted' ? 'reporter' : 'system',
      actorUserId: null,
      fromStatus: null,
      toStatus: kind === 'submitted' ? ('diterima' as const) : null,
      unitId,
      body: null,
      meta,
    });
    await tx
      .insert(events)
      .values([
        entry('submitted', 'public', { source }),
        ...(route.forwarded
          ? [entry('forwarded', 'public', { fromAgencyId: input.agencyId, toAgencyId: route.agencyId })]
          : []),
        entry('routed', 'internal', { reason: route.reason, ruleId: route.ruleId }),
      ]);
    if (input.attachments?.length) {
      await claimAttachments(
        tx,
        input.attachments.map((a) => a.id),
        input.attachments.map((a) => a.claimToken),
        { type: 'complaint', id, agencyId: route.agencyId, now },
      );
    }
    await queueReporterNotice(tx, row, now);
    if (emergency) await notifyStaff(tx, ctx, row, 'emergency', settings.onDutyUnitId ?? route.unitId);
    const [agency] = await tx
      .select({ name: agencies.name })
      .from(agencies)
      .where(eq(agencies.id, route.agencyId))
      .limit(1);
    // Shared hot rows last: the stats counters and the ledger's lock are then held only until commit.
    await applyStats(tx, null, row);
    const audit = auditActor(by, visibility);
    await recordAudit(tx, {
      actor: audit.actor,
      action: 'complaints.submit',
      entityType: 'complaint',
      entityId: id,
      agencyId: route.agencyId,
      unitId: route.unitId,
      after: { status: 'diterima', unitId: route.unitId, agencyId: route.agencyId },
      meta: {
        code: row.code,
        source,
        kind: input.kind,
        visibility,
        route: route.reason,
        forwarded: route.forwarded,
        emergency,
      },
      at: now,
    });

    return {
      id,
      code: row.code,
      secret,
      status: 'diterima' as const,
      agencyId: route.agencyId,
      agencyName: agency!.name,
      unitId: route.unitId,
      forwarded: route.forwarded,
      dueAt: row.dueAt,
    };
  });
}
