// When days off change, the working-day deadlines still ahead move with them, in the same transaction:
// a day declared off tomorrow gives every report due after it one more working day, and nobody is
// escalated for a day the office is closed. A deadline keeps the number of working days it had left
// after today; only days after today (the agency's local date) move anything, since every deadline's
// start lies at or before today. Deadlines already passed, and the emergency lane's deadlines in hours,
// stay as they are. Each moved report gets an internal timeline entry.
import { type SQL, sql } from 'drizzle-orm';
import { type CalendarChange, calendarBefore } from '../../core/calendar/calendar-change';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { Queryable } from '../../core/db/client';
import { type Calendar, addWorkingDays, toLocalDate, workingDaysBetween } from '../../lib/working-days';
import { OPEN_STATUSES } from './states';

const WORKING_DAY_DEADLINES = ['dueAt', 'verifyDueAt', 'planDueAt', 'resolutionDueAt', 'autoCloseAt'] as const;
type Field = (typeof WORKING_DAY_DEADLINES)[number];
type Deadlines = Record<Field, Date | null>;

/** `deadline` (counted on `before`) counted on `after`: the same number of working days after `today`. */
export function moveDeadline(before: Calendar, after: Calendar, at: Date, deadline: Date): Date {
  const today = toLocalDate(after, at);
  if (toLocalDate(after, deadline) <= today) return deadline;
  const left = workingDaysBetween(before, at, deadline);
  return left === 0 ? deadline : addWorkingDays(after, at, left);
}

type OpenRow = Deadlines & {
  id: string;
  agencyId: string;
  emergency: boolean;
  unitId: string | null;
};

export async function moveDeadlinesWithCalendar(tx: Queryable, change: CalendarChange): Promise<void> {
  const first = [...change.dates].sort()[0]!;
  // Reports whose latest deadline is on or after the earliest changed day (with a day's margin for time zones).
  const rows = await tx.execute<OpenRow>(sql`
    select id, agency_id as "agencyId", emergency, unit_id as "unitId", due_at as "dueAt",
      verify_due_at as "verifyDueAt", plan_due_at as "planDueAt", resolution_due_at as "resolutionDueAt",
      auto_close_at as "autoCloseAt"
    from complaints
    where status in (${sql.join(
      [...OPEN_STATUSES, 'selesai_ditindaklanjuti'].map((s) => sql`${s}`),
      sql`, `,
    )})
      ${change.agencyId === null ? sql`` : sql`and agency_id = ${change.agencyId}::uuid`}
      and greatest(due_at, verify_due_at, plan_due_at, resolution_due_at, auto_close_at) >= ${first}::date - 1`);
  const byAgency = new Map<string, OpenRow[]>();
  for (const r of rows.rows) {
    const list = byAgency.get(r.agencyId);
    if (list) list.push(r);
    else byAgency.set(r.agencyId, [r]);
  }

  const moved: { id: string; agencyId: string; unitId: string | null; from: Deadlines; to: Deadlines }[] = [];
  for (const [agencyId, list] of byAgency) {
    const after = await getCalendar(tx, agencyId);
    const before = calendarBefore(after, change, agencyId);
    for (const r of list) {
      const to = { ...r } as Deadlines;
      let changed = false;
      for (const f of WORKING_DAY_DEADLINES) {
        const d = toDate(r[f]);
        // The emergency lane counts hours, except the automatic close after a follow-up.
        if (!d || (r.emergency && f !== 'autoCloseAt')) continue;
        to[f] = moveDeadline(before, after, change.at, d);
        if (to[f]!.getTime() !== d.getTime()) changed = true;
      }
      if (changed) moved.push({ id: r.id, agencyId, unitId: r.unitId, from: r, to });
    }
  }
  if (moved.length === 0) return;
  const iso = (d: Date | null) => (d ? toDate(d)!.toISOString() : null);
  const updates = moved.map((m) => ({
    id: m.id,
    ...Object.fromEntries(WORKING_DAY_DEADLINES.map((f) => [f, iso(m.to[f])])),
  }));
  const col = (f: Field): SQL => sql.raw(`u."${f}"::timestamptz`);
  await tx.execute(sql`
    update complaints c set due_at = ${col('dueAt')}, verify_due_at = ${col('verifyDueAt')},
      plan_due_at = ${col('planDueAt')}, resolution_due_at = ${col('resolutionDueAt')},
      auto_close_at = ${col('autoCloseAt')}, updated_at = ${change.at}
    from json_to_recordset(${JSON.stringify(updates)}::json)
      as u(id uuid, "dueAt" text, "verifyDueAt" text, "planDueAt" text, "resolutionDueAt" text, "autoCloseAt" text)
    where c.id = u.id`);
  const entries = moved.map((m) => ({
    complaintId: m.id,
    agencyId: m.agencyId,
    unitId: m.unitId,
    meta: {
      reason: 'calendar',
      dates: change.dates,
      ...Object.fromEntries(
        WORKING_DAY_DEADLINES.filter((f) => iso(m.from[f]) !== iso(m.to[f])).map((f) => [
          f,
          { from: iso(m.from[f]), to: iso(m.to[f]) },
        ]),
      ),
    },
  }));
  await tx.execute(sql`
    insert into complaints_events (complaint_id, agency_id, at, kind, visibility, actor_kind, unit_id, meta)
    select e."complaintId", e."agencyId", ${change.at}, 'deadline_moved', 'internal', 'system', e."unitId", e.meta
    from json_to_recordset(${JSON.stringify(entries)}::json) as e("complaintId" uuid, "agencyId" uuid, "unitId" uuid, meta jsonb)`);
}

// Raw SQL reads give timestamps as Date on node-postgres and as strings or Dates elsewhere.
function toDate(v: Date | string | null): Date | null {
  return v === null ? null : v instanceof Date ? v : new Date(v);
}
