// Deadlines of a complaint, in working days of the handling agency's calendar (src/lib/working-days.ts),
// except the emergency lane, whose budget is in hours:
//   - verification + disposition: settings.verifyDays (3 HK) from receipt
//   - coordination / follow-up plan by the unit: settings.planDays (5 HK) from disposition
//   - resolution: the tier's budget (2 / 5 / 14 / 60 HK) from the first disposition, on a clock that pauses
//     while waiting for the reporter (menunggu_kelengkapan) or postponed (ditunda): computeDeadline
// Sources: Perpres 76/2013 (pengelolaan pengaduan pelayanan publik), PermenPANRB 62/2018 on SP4N-LAPOR!
// (replaced by PermenPANRB 5/2025) and the local SOPs of the demo agencies.
import { type Calendar, type ClockEvent, addWorkingDays, computeDeadline } from '../../lib/working-days';
import type { ComplaintRow } from './repository';
import type { ComplaintSettings } from './settings';
import type { ComplaintStatus } from './states';

type DeadlineFields = Pick<
  ComplaintRow,
  | 'dueAt'
  | 'verifyDueAt'
  | 'planDueAt'
  | 'resolutionDueAt'
  | 'clockEvents'
  | 'emergency'
  | 'resolutionDays'
  | 'status'
  | 'receivedAt'
>;

const HOUR_MS = 3_600_000;

/** Emergency lane: one deadline for every stage, `hours` after receipt. */
export const emergencyDeadline = (receivedAt: Date, hours: number) => new Date(receivedAt.getTime() + hours * HOUR_MS);

/** The deadline of the stage a complaint is in; null when nothing is due (paused, finished). */
export function stageDeadline(
  r: Pick<DeadlineFields, 'status' | 'verifyDueAt' | 'planDueAt' | 'resolutionDueAt'>,
  status: ComplaintStatus,
): Date | null {
  const min = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
  switch (status) {
    case 'diterima':
    case 'diverifikasi':
      return r.verifyDueAt;
    case 'didisposisikan':
      return min(r.planDueAt, r.resolutionDueAt);
    case 'ditindaklanjuti':
      return r.resolutionDueAt;
    default:
      return null;
  }
}

/** Deadlines at intake. */
export function intakeDeadlines(cal: Calendar, s: ComplaintSettings, now: Date, emergencyHours: number | null) {
  const verifyDueAt =
    emergencyHours !== null ? emergencyDeadline(now, emergencyHours) : addWorkingDays(cal, now, s.verifyDays);
  return { verifyDueAt, dueAt: verifyDueAt };
}

/** Deadlines when disposed to a unit: the plan deadline restarts; the resolution clock starts once. */
export function dispositionDeadlines(
  cal: Calendar,
  s: ComplaintSettings,
  r: DeadlineFields,
  now: Date,
  emergencyHours: number | null,
) {
  if (r.emergency && emergencyHours !== null) {
    const due = emergencyDeadline(r.receivedAt, emergencyHours);
    return { planDueAt: due, resolutionDueAt: due, clockEvents: r.clockEvents };
  }
  const clockEvents: ClockEvent[] = r.clockEvents.length ? r.clockEvents : [{ kind: 'start', at: now }];
  const resolutionDueAt = computeDeadline(cal, clockEvents, r.resolutionDays ?? s.normatifDays).deadline;
  return { planDueAt: addWorkingDays(cal, now, s.planDays), resolutionDueAt, clockEvents };
}

/** Pausing the resolution clock (waiting for the reporter, postponed). */
export function pauseClock(r: DeadlineFields, now: Date): ClockEvent[] {
  const last = r.clockEvents.at(-1);
  if (!last || last.kind === 'pause') return r.clockEvents;
  return [...r.clockEvents, { kind: 'pause', at: now }];
}

/**
 * Resuming: the resolution clock continues where it stopped; the verification deadline (before
 * disposition) restarts, since the file is only now complete.
 */
export function resumeDeadlines(
  cal: Calendar,
  s: ComplaintSettings,
  r: DeadlineFields,
  now: Date,
  emergencyHours: number | null,
) {
  if (r.emergency && emergencyHours !== null) {
    return { clockEvents: r.clockEvents, resolutionDueAt: r.resolutionDueAt, verifyDueAt: r.verifyDueAt };
  }
  const last = r.clockEvents.at(-1);
  const clockEvents: ClockEvent[] =
    last?.kind === 'pause' ? [...r.clockEvents, { kind: 'resume', at: now }] : r.clockEvents;
  const resolutionDueAt = clockEvents.length
    ? computeDeadline(cal, clockEvents, r.resolutionDays ?? s.normatifDays).deadline
    : null;
  const verifyDueAt = clockEvents.length ? r.verifyDueAt : addWorkingDays(cal, now, s.verifyDays);
  return { clockEvents, resolutionDueAt, verifyDueAt };
}
