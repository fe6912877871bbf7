// The one way a complaint changes: update the row, keep the statistics in step, add the timeline entry,
// append to the audit ledger, and queue the reporter's notification and domain events — all in the
// caller's transaction.
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../core/auth/roles';
import { recordAudit } from '../../core/audit/record-audit';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { enqueue } from '../../core/outbox/enqueue';
import { decryptIdentity } from './identity-crypto';
import type { ComplaintRow } from './repository';
import { complaints, events, type EventVisibility } from './schema';
import { applyStats } from './stats';
import { assertTransition } from './states';

export type ChangeActor =
  | { kind: 'staff'; actor: Extract<Actor, { kind: 'staff' }>; role: Role }
  | { kind: 'reporter'; actor: Actor }
  | { kind: 'system'; name: string };

export interface TimelineInput {
  kind: string;
  visibility: EventVisibility;
  body?: string | null;
  unitId?: string | null;
  meta?: Record<string, unknown>;
}

export interface ChangeInput {
  by: ChangeActor;
  /** Audit action, e.g. 'complaints.dispose'. */
  action: string;
  patch?: Partial<ComplaintRow>;
  /** Timeline entries; a change of status without one gets a 'status' entry. */
  timeline?: TimelineInput[];
  /** Skip the transition check (forwarding re-enters diterima at another agency). */
  skipTransitionCheck?: boolean;
  /** Non-personal facts for the ledger. */
  meta?: Record<string, unknown>;
}

export const REPORTER_NOTICE_TOPIC = 'complaints.reporter_notice';
export const CLOSED_TOPIC = 'complaints.closed';

export function auditActor(by: ChangeActor, visibility: ComplaintRow['visibility']) {
  if (by.kind === 'staff') return { actor: by.actor, role: by.role };
  if (by.kind === 'system') return { actor: { kind: 'system' as const, name: by.name }, role: null };
  // An anonim reporter's account is not linked to the report in the ledger either.
  return { actor: visibility === 'anonim' ? ({ kind: 'anonymous' } as const) : by.actor, role: null };
}

export async function recordChange(
  ctx: AppContext,
  tx: Queryable,
  before: ComplaintRow,
  input: ChangeInput,
): Promise<ComplaintRow> {
  const now = ctx.clock.now();
  const patch = { ...(input.patch ?? {}) };
  const statusChanged = patch.status !== undefined && patch.status !== before.status;
  if (statusChanged && !input.skipTransitionCheck) assertTransition(before.status, patch.status!);
  if (input.by.kind === 'staff' && before.firstResponseAt === null && patch.firstResponseAt === undefined)
    patch.firstResponseAt = now;
  if (patch.status === 'ditutup' && before.firstClosedAt === null) patch.firstClosedAt = now;
  const after: ComplaintRow = { ...before, ...patch, updatedAt: now };
  const { id: _id, ...values } = after;
  await tx.update(complaints).set(values).where(eq(complaints.id, before.id));
  await applyStats(tx, before, after);

  const entries = [...(input.timeline ?? [])];
  if (statusChanged && !entries.some((e) => e.kind === 'status'))
    entries.unshift({ kind: 'status', visibility: 'public' });
  for (const e of entries) {
    await tx.insert(events).values({
      complaintId: before.id,
      agencyId: after.agencyId,
      at: now,
      kind: e.kind,
      visibility: e.visibility,
      actorKind: input.by.kind,
      actorUserId: input.by.kind === 'staff' ? input.by.actor.userId : null,
      fromStatus: e.kind === 'status' ? before.status : null,
      toStatus: e.kind === 'status' || statusChanged ? after.status : null,
      unitId: e.unitId ?? after.unitId,
      body: e.body ?? null,
      meta:
        e.meta ??
        (e.kind === 'status' && after.status === 'ditutup' && after.closeHow ? { closeHow: after.closeHow } : null),
    });
  }

  const { actor, role } = auditActor(input.by, after.visibility);
  await recordAudit(tx, {
    actor,
    role,
    action: input.action,
    entityType: 'complaint',
    entityId: before.id,
    agencyId: after.agencyId,
    unitId: after.unitId,
    before: { status: before.status, unitId: before.unitId, agencyId: before.agencyId },
    after: { status: after.status, unitId: after.unitId, agencyId: after.agencyId },
    meta: { code: after.code, from: before.status, to: after.status, ...(input.meta ?? {}) },
    at: now,
  });

  if (statusChanged) await queueReporterNotice(tx, after, now);
  if (statusChanged && after.status === 'ditutup') await queueClosedEvent(ctx, tx, after, now);
  return after;
}

/** Queues "your report changed" for the reporter: the payload names the complaint, never an address. */
export async function queueReporterNotice(tx: Queryable, r: ComplaintRow, now: Date): Promise<void> {
  const m = reporterNotice(r, now);
  if (m) await enqueue(tx, m.topic, m.payload, m);
}

/** The outbox message of queueReporterNotice (null: the reporter gave no address), for batch inserts. */
export function reporterNotice(r: ComplaintRow, now: Date) {
  if (!r.reporterHasEmail) return null;
  return { topic: REPORTER_NOTICE_TOPIC, payload: { complaintId: r.id, status: r.status }, agencyId: r.agencyId, now };
}

async function queueClosedEvent(ctx: AppContext, tx: Queryable, r: ComplaintRow, now: Date): Promise<void> {
  // The address only for reporters who chose 'biasa'; null for anonim and rahasia.
  const recipientEmail =
    r.visibility === 'biasa' && r.reporterHasEmail && r.reporterIdentityEnc
      ? decryptIdentity(ctx.config, r.id, r.reporterIdentityEnc).email
      : null;
  await enqueue(
    tx,
    CLOSED_TOPIC,
    {
      agencyId: r.agencyId,
      unitId: r.unitId,
      serviceId: null,
      transactionType: 'complaint',
      transactionId: r.id,
      trackingCode: r.code,
      recipientEmail,
    },
    { now, agencyId: r.agencyId },
  );
}
