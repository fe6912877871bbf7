// The module's periodic job: the escalation ladder and the automatic close.
//   - reminder to the handling unit's operators `reminderBeforeDays` working days before the deadline
//     (emergency lane: halfway through its hours);
//   - the head of unit (kepala_unit) once the deadline has passed;
//   - the inspectorate and pimpinan `escalateAfterDays` working days after it (emergency: its hours again);
//   - closed_by_system `autoCloseDays` (10 HK) after a follow-up the reporter did not answer.
// Each step is recorded once per complaint and deadline (complaints_escalations' primary key), so running
// the job again, or on several servers at once, never repeats a step.
import { and, asc, eq, gt, inArray, isNotNull, lte, not, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { type Calendar, workingDaysBetween } from '../../lib/working-days';
import { withComplaint } from './load-for-change';
import { type StaffNotice, notifyStaff } from './notify-staff';
import { recordChange } from './record-change';
import { complaints, escalations, events } from './schema';
import { type AgencyComplaintSettings, loadSettings } from './settings';
import { CLOCKED_STATUSES } from './states';

const HOUR_MS = 3_600_000;
const BATCH = 500;

type Step = 'reminder' | 'kepala_unit' | 'pimpinan';

export function dueSteps(
  cal: Calendar,
  s: AgencyComplaintSettings,
  c: { dueAt: Date; emergency: boolean },
  now: Date,
): Step[] {
  const steps: Step[] = [];
  if (c.emergency) {
    const half = (s.emergencyHours * HOUR_MS) / 2;
    if (now.getTime() >= c.dueAt.getTime() - half) steps.push('reminder');
    if (now > c.dueAt) steps.push('kepala_unit');
    if (now.getTime() > c.dueAt.getTime() + s.emergencyHours * HOUR_MS) steps.push('pimpinan');
    return steps;
  }
  if (now > c.dueAt || workingDaysBetween(cal, now, c.dueAt) <= s.reminderBeforeDays) steps.push('reminder');
  if (now > c.dueAt) steps.push('kepala_unit');
  if (now > c.dueAt && workingDaysBetween(cal, c.dueAt, now) >= s.escalateAfterDays) steps.push('pimpinan');
  return steps;
}

export interface LadderInfo {
  cal: Calendar;
  s: AgencyComplaintSettings;
}

/** An agency's calendar and settings for dueSteps, read once per agency for the life of the getter. */
export function ladderInfo(): (q: Queryable, agencyId: string) => Promise<LadderInfo> {
  const perAgency = new Map<string, Promise<LadderInfo>>();
  return (q, agencyId) => {
    let hit = perAgency.get(agencyId);
    if (!hit) {
      hit = (async () => ({ cal: await getCalendar(q, agencyId), s: await loadSettings(q, agencyId) }))();
      perAgency.set(agencyId, hit);
    }
    return hit;
  };
}

/** A complaint whose last step for its current deadline is recorded: nothing more to do until it changes. */
const fullyEscalated = sql`exists (select 1 from complaints_escalations e
  where e.complaint_id = ${complaints.id} and e.deadline = ${complaints.dueAt} and e.step = 'pimpinan')`;

export async function runEscalations(
  ctx: AppContext,
  opts: { pageSize?: number } = {},
): Promise<{ escalated: number; autoClosed: number }> {
  const now = ctx.clock.now();
  const pageSize = opts.pageSize ?? BATCH;
  const agencyInfo = ladderInfo();

  let escalated = 0;
  // Every open report with a deadline, a page at a time (keyset on deadline, id): a long backlog of overdue
  // reports (an SP4N-LAPOR! import, say) must not hide the ones behind it.
  let after: { dueAt: Date; id: string } | null = null;
  for (;;) {
    const page = await openPage(ctx, after, pageSize);
    for (const c of page) escalated += await escalate(ctx, c, await agencyInfo(ctx.db, c.agencyId), now);
    if (page.length < pageSize) break;
    const last = page[page.length - 1]!;
    after = { dueAt: last.dueAt!, id: last.id };
  }

  let autoClosed = 0;
  const due = await ctx.db
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(eq(complaints.status, 'selesai_ditindaklanjuti'), lte(complaints.autoCloseAt, now)))
    .limit(BATCH);
  for (const { id } of due) {
    const closed = await withComplaint(ctx, { id }, async (tx, row) => {
      if (row.status !== 'selesai_ditindaklanjuti' || !row.autoCloseAt || row.autoCloseAt > now) return false;
      await recordChange(ctx, tx, row, {
        by: { kind: 'system', name: 'complaints-auto-close' },
        action: 'complaints.close',
        patch: { status: 'ditutup', closeHow: 'closed_by_system', closedAt: now, autoCloseAt: null, dueAt: null },
        meta: { closeHow: 'closed_by_system' },
      });
      return true;
    });
    if (closed) autoClosed++;
  }
  return { escalated, autoClosed };
}

type OpenComplaint = Awaited<ReturnType<typeof openPage>>[number];

function openPage(ctx: AppContext, after: { dueAt: Date; id: string } | null, pageSize: number) {
  return ctx.db
    .select({
      id: complaints.id,
      code: complaints.code,
      agencyId: complaints.agencyId,
      unitId: complaints.unitId,
      dueAt: complaints.dueAt,
      emergency: complaints.emergency,
    })
    .from(complaints)
    .where(
      and(
        inArray(complaints.status, CLOCKED_STATUSES),
        isNotNull(complaints.dueAt),
        not(fullyEscalated),
        after
          ? or(gt(complaints.dueAt, after.dueAt), and(eq(complaints.dueAt, after.dueAt), gt(complaints.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(asc(complaints.dueAt), asc(complaints.id))
    .limit(pageSize);
}

/** Records and sends the steps now due for one report; the number of steps taken this time. */
async function escalate(ctx: AppContext, c: OpenComplaint, { cal, s }: LadderInfo, now: Date): Promise<number> {
  const steps = dueSteps(cal, s, { dueAt: c.dueAt!, emergency: c.emergency }, now);
  if (!steps.length) return 0;
  let taken = 0;
  await ctx.db.transaction(async (tx) => {
    for (const step of steps) {
      const inserted = await tx
        .insert(escalations)
        .values({ complaintId: c.id, step, deadline: c.dueAt!, agencyId: c.agencyId, at: now })
        .onConflictDoNothing()
        .returning({ step: escalations.step });
      if (!inserted.length) continue;
      taken++;
      const sent = await notifyStaff(tx, ctx, { ...c }, step as StaffNotice, c.unitId);
      await tx.insert(events).values({
        complaintId: c.id,
        agencyId: c.agencyId,
        at: now,
        kind: 'escalation',
        visibility: 'internal',
        actorKind: 'system',
        unitId: c.unitId,
        meta: { step, deadline: c.dueAt!.toISOString(), recipients: sent },
      });
      await recordAudit(tx, {
        actor: { kind: 'system', name: 'complaints-escalation' },
        action: `complaints.escalate.${step}`,
        entityType: 'complaint',
        entityId: c.id,
        agencyId: c.agencyId,
        unitId: c.unitId,
        meta: { code: c.code, step, deadline: c.dueAt!.toISOString() },
        at: now,
      });
    }
  });
  return taken;
}
