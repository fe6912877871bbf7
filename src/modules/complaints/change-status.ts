// The rest of the lifecycle, by staff: follow-up started, follow-up completed, waiting for information
// (clock paused), postponed, resumed, archived (spam / not a complaint) and closed (with how).
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import { badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { addWorkingDays } from '../../lib/working-days';
import { pauseClock, resumeDeadlines, stageDeadline } from './deadlines';
import { withComplaint } from './load-for-change';
import { type StaffActor, assertCanHandle } from './policy';
import { type ChangeInput, recordChange } from './record-change';
import type { ComplaintRow } from './repository';
import { loadSettings } from './settings';
import { assertTransition, type CloseHow } from './states';

export const STAFF_ACTIONS = [
  'follow_up',
  'complete',
  'request_info',
  'postpone',
  'resume',
  'archive',
  'close',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
export const STAFF_CLOSE_HOWS = ['resolved', 'not_resolved', 'closed_by_officer'] as const;

export interface ChangeStatusInput {
  action: StaffAction;
  /** Shown to the reporter: the follow-up, what is missing, why postponed/archived/closed. */
  message?: string;
  closeHow?: (typeof STAFF_CLOSE_HOWS)[number];
}

const needMessage = () =>
  badRequest('MESSAGE_REQUIRED', text('Tuliskan keterangan untuk pelapor.', 'Write an explanation for the reporter.'));

export async function changeStatus(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: ChangeStatusInput,
): Promise<ComplaintRow> {
  return withComplaint(ctx, { id }, async (tx, row) => {
    const role = await assertCanHandle(tx, actor, row);
    const now = ctx.clock.now();
    const settings = await loadSettings(tx, row.agencyId);
    const cal = await getCalendar(tx, row.agencyId);
    const emergencyHours = row.emergency ? settings.emergencyHours : null;
    const msg = input.message?.trim() || null;
    const reply = msg ? [{ kind: 'reply', visibility: 'reporter' as const, body: msg }] : [];
    const by = { kind: 'staff' as const, actor, role };
    let change: Omit<ChangeInput, 'by'>;
    switch (input.action) {
      case 'follow_up': {
        const paused = row.status === 'menunggu_kelengkapan' || row.status === 'ditunda';
        const d = paused ? resumeDeadlines(cal, settings, row, now, emergencyHours) : {};
        change = {
          action: 'complaints.follow_up',
          patch: {
            status: 'ditindaklanjuti',
            resumeStatus: null,
            ...d,
            dueAt: stageDeadline({ ...row, ...d }, 'ditindaklanjuti'),
            autoCloseAt: null,
            closeHow: null,
            closedAt: null,
          },
        };
        break;
      }
      case 'complete': {
        if (!msg) throw needMessage();
        assertTransition(row.status, 'selesai_ditindaklanjuti');
        const onTime = row.resolutionDueAt === null || now <= row.resolutionDueAt;
        change = {
          action: 'complaints.complete',
          patch: {
            status: 'selesai_ditindaklanjuti',
            completedAt: now,
            completedOnTime: row.completedOnTime ?? onTime,
            dueAt: null,
            // SP4N-LAPOR!: closed by the system 10 HK after the follow-up unless the reporter replies.
            autoCloseAt: addWorkingDays(cal, now, settings.autoCloseDays),
          },
        };
        break;
      }
      case 'request_info':
      case 'postpone': {
        if (!msg) throw needMessage();
        const to = input.action === 'request_info' ? 'menunggu_kelengkapan' : 'ditunda';
        assertTransition(row.status, to);
        change = {
          action: `complaints.${input.action}`,
          patch: { status: to, resumeStatus: row.status, reason: msg, clockEvents: pauseClock(row, now), dueAt: null },
        };
        break;
      }
      case 'resume': {
        if (row.status !== 'menunggu_kelengkapan' && row.status !== 'ditunda')
          assertTransition(row.status, 'ditindaklanjuti');
        const to = row.resumeStatus ?? 'diverifikasi';
        const d = resumeDeadlines(cal, settings, row, now, emergencyHours);
        change = {
          action: 'complaints.resume',
          patch: { status: to, resumeStatus: null, ...d, dueAt: stageDeadline({ ...row, ...d }, to) },
        };
        break;
      }
      case 'archive':
        if (!msg) throw needMessage();
        change = {
          action: 'complaints.archive',
          patch: { status: 'diarsipkan', reason: msg, dueAt: null, autoCloseAt: null },
        };
        break;
      case 'close': {
        const how: CloseHow = input.closeHow ?? 'closed_by_officer';
        change = {
          action: 'complaints.close',
          patch: { status: 'ditutup', closeHow: how, closedAt: now, dueAt: null, autoCloseAt: null },
          meta: { closeHow: how },
        };
        break;
      }
    }
    return recordChange(ctx, tx, row, {
      ...change,
      by,
      timeline: [{ kind: 'status', visibility: 'public' }, ...reply],
    });
  });
}
