// The one intake use case. Every door (web form, Android, SMS/WhatsApp webhook, Open311, SP4N-LAPOR!
// import, counter staff) calls submitComplaint with its `source`; routing, deadlines, the reporter's
// tracking code and secret link, the timeline, statistics and the ledger all follow from here.
// Reports arriving together are validated and written as one batch (group commit): one transaction,
// one insert per table, each reporter answered only after the batch committed.
import { randomUUID } from 'node:crypto';
import { type AuditInput, auditInsertSql, chainAuditRows } from '../../core/audit/record-audit';
import type { Actor } from '../../core/auth/roles';
import { hashToken, newToken } from '../../core/auth/session';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { Batcher, type Outcome } from '../../core/db/batcher';
import { insertJsonSql, writeTogether } from '../../core/db/insert-json-rows';
import { claimAttachments } from '../../core/files/claim-attachments';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { outboxInsertSql } from '../../core/outbox/enqueue';
import { toLocalDate } from '../../lib/working-days';
import { intakeDeadlines } from './deadlines';
import { encryptIdentity } from './identity-crypto';
import { type CategoryRow, type IntakeLookups, createIntakeLookups } from './intake-lookups';
import { notifyStaff } from './notify-staff';
import { auditActor, reporterNotice } from './record-change';
import type { ComplaintRow } from './repository';
import { type RouteDecision, decideRoute } from './route-complaint';
import { complaints, events } from './schema';
import { tierDays } from './settings';
import type { ComplaintKind, Source, Visibility } from './states';
import { newComplaintStatsSql } from './stats';
import { newTrackingCode } from './tracking-code';

/** Indonesia's extent (with a margin for its seas): Sabang to Merauke, Miangas to Rote. */
export const INDONESIA_BOUNDS = { minLat: -11.5, maxLat: 6.5, minLon: 94.5, maxLon: 141.5 };

/** The door's agency (the portal the report was filed at), by id or, from a public form, by slug. */
export type IntakeAgency = { agencyId: string; agencySlug?: never } | { agencySlug: string; agencyId?: never };

export type SubmitComplaintInput = IntakeAgency & IntakeFields;

/** A report whose door's agency is known by id. */
type ResolvedInput = IntakeFields & { agencyId: string };

export interface IntakeFields {
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
  /** Imports of an agency's own history stay in that agency (no forwarding by region). */
  keepAtIntakeAgency?: boolean;
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

/** Checks that need no database: before a report joins a batch. */
function checkPoint(input: IntakeFields): void {
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
}

async function resolveAgency(l: IntakeLookups, input: SubmitComplaintInput): Promise<ResolvedInput> {
  const agencyId = input.agencyId ?? (await l.agencyIdBySlug(input.agencySlug!));
  if (!agencyId) throw invalid('UNKNOWN_AGENCY', 'Instansi tidak ditemukan.', 'No such agency.');
  return { ...input, agencyId };
}

async function validate(l: IntakeLookups, input: ResolvedInput, now: Date): Promise<CategoryRow | null> {
  if ((await l.regionLevel(input.regionCode)) !== 4) {
    throw invalid('UNKNOWN_REGION', 'Kode desa/kelurahan tidak dikenal.', 'Unknown desa/kelurahan code.');
  }
  checkPoint(input);
  const agency = await l.agency(input.agencyId);
  if (!agency?.active) throw invalid('UNKNOWN_AGENCY', 'Instansi tidak ditemukan.', 'No such agency.');
  let category: CategoryRow | null = null;
  if (input.categoryId) {
    category = await l.category(input.categoryId);
    if (!category || category.agencyId !== input.agencyId || !category.active)
      throw invalid(
        'UNKNOWN_CATEGORY',
        'Kategori tidak ditemukan di instansi ini.',
        'No such category at this agency.',
      );
  }
  if (input.incidentDate) {
    const cal = await l.calendar(input.agencyId);
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

const clean = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

interface IntakeItem {
  input: SubmitComplaintInput;
  source: Source;
  now: Date;
}

/** A report ready to write: its row and what the rest of the intake needs to know about it. */
interface Prepared {
  input: ResolvedInput;
  row: ComplaintRow;
  secret: string;
  route: RouteDecision;
  agencyName: string;
  onDutyUnitId: string | null;
  item: IntakeItem;
}

export async function submitComplaint(
  ctx: AppContext,
  input: SubmitComplaintInput,
  source: Source,
): Promise<SubmittedComplaint> {
  checkPoint(input);
  const result = await intakeQueue(ctx).submit({ input, source, now: input.receivedAt ?? ctx.clock.now() });
  logReceived(ctx, result, source);
  return result;
}

/** The same intake inside a caller's transaction (the SP4N-LAPOR! import adds to it before committing). */
export async function submitComplaintIn(
  ctx: AppContext,
  tx: Queryable,
  input: SubmitComplaintInput,
  source: Source,
): Promise<SubmittedComplaint> {
  const [outcome] = await writeIntake(ctx, tx, [{ input, source, now: input.receivedAt ?? ctx.clock.now() }]);
  if (!outcome!.ok) throw outcome!.error;
  logReceived(ctx, outcome!.value, source);
  return outcome!.value;
}

function logReceived(ctx: AppContext, r: SubmittedComplaint, source: Source): void {
  ctx.log.info({ code: r.code, source, agencyId: r.agencyId, forwarded: r.forwarded }, 'complaint received');
}

// Group commit (core/db/batcher.ts): reports arriving together are written in one transaction.
// PGlite has one connection, so one batch at a time; PostgreSQL overlaps a batch's reads with the
// previous batch's commit.
const queues = new WeakMap<object, Batcher<IntakeItem, SubmittedComplaint>>();
const MAX_BATCH = 100;

function intakeQueue(ctx: AppContext): Batcher<IntakeItem, SubmittedComplaint> {
  let queue = queues.get(ctx.db);
  if (!queue) {
    queue = new Batcher({
      maxBatch: MAX_BATCH,
      maxConcurrent: ctx.database.kind === 'pglite' ? 1 : 2,
      run: (items) => writeBatch(ctx, items),
    });
    queues.set(ctx.db, queue);
  }
  return queue;
}

/** A drawn tracking code that is already taken (about one in 10^9): the whole batch is drawn again. */
function isCodeClash(e: unknown): boolean {
  // Drizzle wraps the driver's error in `cause`.
  const err = ((e as { cause?: unknown })?.cause ?? e) as { code?: string; constraint?: string } | undefined;
  return err?.code === '23505' && err.constraint === 'complaints_code_idx';
}

async function writeBatch(ctx: AppContext, items: IntakeItem[]): Promise<Outcome<SubmittedComplaint>[]> {
  const attempt = (batch: IntakeItem[]) => ctx.db.transaction((tx) => writeIntake(ctx, tx, batch));
  try {
    return await retryOnCodeClash(() => attempt(items));
  } catch (error) {
    if (items.length === 1) throw error;
    // One report's failure while writing (a spent attachment token, …) must not fail the others.
    const outcomes: Outcome<SubmittedComplaint>[] = [];
    for (const item of items) {
      try {
        outcomes.push(...(await retryOnCodeClash(() => attempt([item]))));
      } catch (e) {
        outcomes.push({ ok: false, error: e });
      }
    }
    return outcomes;
  }
}

async function retryOnCodeClash<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= 3 || !isCodeClash(e)) throw e;
    }
  }
}

/**
 * Validates, routes and writes a batch of reports in `tx`: one read for the whole batch (intake-lookups),
 * then one insert per table for the whole batch. A report that fails validation gets its error and is
 * left out; the others are written.
 */
async function writeIntake(
  ctx: AppContext,
  tx: Queryable,
  items: IntakeItem[],
): Promise<Outcome<SubmittedComplaint>[]> {
  const lookups = createIntakeLookups(tx);
  const inputs = items.map((i) => i.input);
  await lookups.preload({
    agencyIds: inputs.flatMap((i) => (i.agencyId ? [i.agencyId] : [])),
    slugs: inputs.flatMap((i) => (i.agencySlug ? [i.agencySlug] : [])),
    regionCodes: inputs.map((i) => i.regionCode),
    categoryIds: inputs.flatMap((i) => (i.categoryId ? [i.categoryId] : [])),
  });
  // One after the other: a transaction is one connection, and the lookups make repeated keys free.
  const settled: PromiseSettledResult<Prepared>[] = [];
  for (const item of items) {
    try {
      settled.push({ status: 'fulfilled', value: await prepare(ctx, lookups, item) });
    } catch (reason) {
      settled.push({ status: 'rejected', reason });
    }
  }
  const ready = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (ready.length > 0) await writePrepared(ctx, tx, ready);
  return settled.map((s) =>
    s.status === 'rejected'
      ? { ok: false, error: s.reason }
      : {
          ok: true,
          value: {
            id: s.value.row.id,
            code: s.value.row.code,
            secret: s.value.secret,
            status: 'diterima',
            agencyId: s.value.route.agencyId,
            agencyName: s.value.agencyName,
            unitId: s.value.route.unitId,
            forwarded: s.value.route.forwarded,
            dueAt: s.value.row.dueAt,
          },
        },
  );
}

async function prepare(ctx: AppContext, l: IntakeLookups, item: IntakeItem): Promise<Prepared> {
  const { source, now } = item;
  const input = await resolveAgency(l, item.input);
  const category = await validate(l, input, now);
  const emergency = category?.emergency ?? false;
  const visibility: Visibility = category?.forceConfidential ? 'rahasia' : (input.visibility ?? 'rahasia');
  const route = await decideRoute(l, {
    intakeAgencyId: input.agencyId,
    categoryId: category?.id ?? null,
    regionCode: input.regionCode,
    emergency,
    keepAtIntakeAgency: input.keepAtIntakeAgency ?? false,
  });
  const settings = await l.settings(route.agencyId);
  const cal = await l.calendar(route.agencyId);
  const agency = await l.agency(route.agencyId);
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
  const actor: Actor = input.actor ?? { kind: 'anonymous' };
  const row: ComplaintRow = {
    id,
    code: newTrackingCode(),
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
  return {
    input,
    row,
    secret,
    route,
    agencyName: agency!.name,
    onDutyUnitId: settings.onDutyUnitId ?? route.unitId,
    item,
  };
}

async function writePrepared(ctx: AppContext, tx: Queryable, ready: Prepared[]): Promise<void> {
  for (const { row, item, onDutyUnitId } of ready) {
    const attached = item.input.attachments;
    if (attached?.length) {
      await claimAttachments(
        tx,
        attached.map((a) => a.id),
        attached.map((a) => a.claimToken),
        { type: 'complaint', id: row.id, agencyId: row.agencyId, now: item.now },
      );
    }
    if (row.emergency) await notifyStaff(tx, ctx, row, 'emergency', onDutyUnitId);
  }
  // The ledger's lock and the shared counters last, and every row in one statement: the hot spots are
  // held for one round trip and the commit.
  const audit = await chainAuditRows(tx, ready.map(auditEntryOf));
  const rows = ready.map((p) => p.row);
  await writeTogether(tx, [
    insertJsonSql(complaints, rows),
    insertJsonSql(events, ready.flatMap(timelineOf)),
    outboxInsertSql(ready.flatMap((p) => reporterNotice(p.row, p.item.now) ?? [])),
    newComplaintStatsSql(rows),
    auditInsertSql(audit),
  ]);
}

function timelineOf({ input, row, route, item }: Prepared) {
  const entry = (kind: string, visibility: 'public' | 'internal', meta: Record<string, unknown> | null = null) => ({
    complaintId: row.id,
    agencyId: row.agencyId,
    at: item.now,
    kind,
    visibility,
    actorKind: kind === 'submitted' ? 'reporter' : 'system',
    actorUserId: null,
    fromStatus: null,
    toStatus: kind === 'submitted' ? ('diterima' as const) : null,
    unitId: row.unitId,
    body: null,
    meta,
  });
  return [
    entry('submitted', 'public', { source: item.source }),
    ...(route.forwarded
      ? [entry('forwarded', 'public', { fromAgencyId: input.agencyId, toAgencyId: route.agencyId })]
      : []),
    entry('routed', 'internal', { reason: route.reason, ruleId: route.ruleId }),
  ];
}

function auditEntryOf({ input, row, route, item }: Prepared): AuditInput {
  const audit = auditActor({ kind: 'reporter', actor: input.actor ?? { kind: 'anonymous' } }, row.visibility);
  return {
    actor: audit.actor,
    action: 'complaints.submit',
    entityType: 'complaint',
    entityId: row.id,
    agencyId: route.agencyId,
    unitId: route.unitId,
    after: { status: 'diterima', unitId: route.unitId, agencyId: route.agencyId },
    meta: {
      code: row.code,
      source: item.source,
      kind: input.kind,
      visibility: row.visibility,
      route: route.reason,
      forwarded: route.forwarded,
      emergency: row.emergency,
    },
    at: item.now,
  };
}
