// The reporter reopens a closed report within the window (settings.reopenDays working days after closing,
// 10 HK by default) or closes a completed one themselves.
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import { conflict } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { addWorkingDays, workingDaysBetween } from '../../lib/working-days';
import { withComplaint } from './load-for-change';
import { recordChange } from './record-change';
import { assertReporter, type ReporterProof } from './reporter-access';
import { loadSettings } from './settings';
import { assertTransition } from './states';

export async function reopenComplaint(ctx: AppContext, code: string, proof: ReporterProof, reason: string) {
  return withComplaint(ctx, { code }, async (tx, row) => {
    assertReporter(row, proof);
    assertTransition(row.status, 'ditindaklanjuti');
    if (row.status !== 'ditutup' || !row.closedAt) {
      throw conflict(
        'NOT_CLOSED',
        text('Hanya laporan yang sudah ditutup yang dapat dibuka kembali.', 'Only a closed report can be reopened.'),
      );
    }
    const now = ctx.clock.now();
    const settings = await loadSettings(tx, row.agencyId);
    const cal = await getCalendar(tx, row.agencyId);
    if (workingDaysBetween(cal, row.closedAt, now) > settings.reopenDays) {
      throw conflict(
        'REOPEN_WINDOW_PASSED',
        text(
          `Laporan hanya dapat dibuka kembali dalam ${settings.reopenDays} hari kerja setelah ditutup.`,
          `A report can only be reopened within ${settings.reopenDays} working days after closing.`,
        ),
      );
    }
    // A fresh follow-up budget: the unit plans again (settings.planDays).
    const due = addWorkingDays(cal, now, settings.planDays);
    await recordChange(ctx, tx, row, {
      by: { kind: 'reporter', actor: proof.actor },
      action: 'complaints.reopen',
      patch: {
        status: 'ditindaklanjuti',
        closeHow: null,
        closedAt: null,
        resolutionDueAt: due,
        dueAt: due,
        autoCloseAt: null,
      },
      timeline: [
        { kind: 'status', visibility: 'public' },
        { kind: 'reopened', visibility: 'reporter', body: reason.trim() },
      ],
    });
    return { ok: true as const };
  });
}

export async function closeAsReporter(ctx: AppContext, code: string, proof: ReporterProof) {
  return withComplaint(ctx, { code }, async (tx, row) => {
    assertReporter(row, proof);
    assertTransition(row.status, 'ditutup');
    const now = ctx.clock.now();
    await recordChange(ctx, tx, row, {
      by: { kind: 'reporter', actor: proof.actor },
      action: 'complaints.close',
      patch: { status: 'ditutup', closeHow: 'closed_by_reporter', closedAt: now, dueAt: null, autoCloseAt: null },
      meta: { closeHow: 'closed_by_reporter' },
    });
    return { ok: true as const };
  });
}
