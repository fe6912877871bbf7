// The application's two clocks (whole time limit and current step), kept as start/pause/resume events and
// turned into deadlines only through src/lib/working-days.ts with the agency's calendar.
import { type Calendar, computeDeadline } from '../../lib/working-days';
import type { ClockEventRow } from './application-types';

export const clockEvent = (kind: ClockEventRow['kind'], at: Date): ClockEventRow => ({ kind, at: at.toISOString() });

const toEvents = (rows: ClockEventRow[]) => rows.map((r) => ({ kind: r.kind, at: new Date(r.at) }));

export function clockState(cal: Calendar, rows: ClockEventRow[], budgetDays: number) {
  if (rows.length === 0) return null;
  return computeDeadline(cal, toEvents(rows), budgetDays);
}
