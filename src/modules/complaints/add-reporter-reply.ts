// The reporter answers, or adds information. A report waiting for information resumes at once (the
// deadline clock runs again); a completed follow-up the reporter answers gets a fresh auto-close window.
import { getCalendar } from '../../core/calendar/get-calendar';
import type { AppContext } from '../../core/context';
import { claimAttachments } from '../../core/files/claim-attachments';
import { conflict } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { addWorkingDays } from '../../lib/working-days';
import { resumeDeadlines, stageDeadline } from './deadlines';
import { withComplaint } from './load-for-change';
import { recordChange } from './record-change';
import type { ComplaintRow } from './repository';
import { assertReporter, type ReporterProof } from './reporter-access';
import { loadSettings } from './settings';

export interface ReporterReplyInput {
  body: string;
  attachments?: { id: string; claimToken: string }[];
}

export async function addReporterReply(ctx: AppContext, code: string, proof: ReporterProof, input: ReporterReplyInput) {
  return withComplaint(ctx, { code }, async (tx, row) => {
    assertReporter(row, proof);
    if (['diarsipkan', 'digabung', 'ditutup'].includes(row.status)) {
      throw conflict(
        'REPORT_CLOSED',
        text(
          'Laporan ini sudah ditutup. Buka kembali laporan untuk menambahkan tanggapan.',
          'This report is closed. Reopen it to add a reply.',
        ),
      );
    }
    const now = ctx.clock.now();
    const attachmentIds = input.attachments?.length
      ? await claimAttachments(
          tx,
          input.attachments.map((a) => a.id),
          input.attachments.map((a) => a.claimToken),
          { type: 'complaint', id: row.id, agencyId: row.agencyId, now },
        )
      : [];
    let patch: Partial<ComplaintRow> = {};
    if (row.status === 'menunggu_kelengkapan') {
      const settings = await loadSettings(tx, row.agencyId);
      const cal = await getCalendar(tx, row.agencyId);
      const to = row.resumeStatus ?? 'diterima';
      const d = resumeDeadlines(cal, settings, row, now, row.emergency ? settings.emergencyHours : null);
      patch = { status: to, resumeStatus: null, ...d, dueAt: stageDeadline({ ...row, ...d }, to) };
    } else if (row.status === 'selesai_ditindaklanjuti') {
      const settings = await loadSettings(tx, row.agencyId);
      patch = { autoCloseAt: addWorkingDays(await getCalendar(tx, row.agencyId), now, settings.autoCloseDays) };
    }
    await recordChange(ctx, tx, row, {
      by: { kind: 'reporter', actor: proof.actor },
      action: 'complaints.reporter_reply',
      patch,
      timeline: [
        {
          kind: 'reporter_reply',
          visibility: 'reporter',
          body: input.body.trim(),
          meta: attachmentIds.length ? { attachmentIds } : undefined,
        },
      ],
    });
    return { ok: true as const };
  });
}
