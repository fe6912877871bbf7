// E-mail notices to the applicant at each step, through the outbox (sent only if the change commits).
import type { Queryable } from '../../core/db/client';
import { enqueueEmail } from '../../core/outbox/enqueue';

export type NoticeKind = 'submitted' | 'step_approved' | 'returned' | 'rejected' | 'awaiting_payment' | 'completed';

const SUBJECTS: Record<NoticeKind, [string, string]> = {
  submitted: ['Permohonan diterima', 'Application received'],
  step_approved: ['Permohonan maju ke tahap berikutnya', 'Application moved to the next step'],
  returned: ['Permohonan dikembalikan untuk diperbaiki', 'Application returned for correction'],
  rejected: ['Permohonan ditolak', 'Application rejected'],
  awaiting_payment: ['Menunggu pembayaran retribusi', 'Awaiting payment of the fee'],
  completed: ['Permohonan selesai, dokumen terbit', 'Application completed, document issued'],
};

export async function notifyApplicant(
  q: Queryable,
  app: { applicantEmail: string | null; trackingCode: string; agencyId: string },
  serviceName: string,
  kind: NoticeKind,
  opts: { now: Date; publicUrl: string; detail?: { id: string; en: string } },
): Promise<void> {
  if (!app.applicantEmail) return;
  const [sid, sen] = SUBJECTS[kind];
  const link = `${opts.publicUrl}/lacak/${app.trackingCode}`;
  const detail = opts.detail ? [`\n${opts.detail.id}`, `\n${opts.detail.en}`] : ['', ''];
  await enqueueEmail(
    q,
    {
      to: app.applicantEmail,
      subject: `[${app.trackingCode}] ${sid} / ${sen}`,
      text:
        `${sid}: ${serviceName}.\nKode lacak: ${app.trackingCode}${detail[0]}\nLacak: ${link}\n\n` +
        `${sen}: ${serviceName}.\nTracking code: ${app.trackingCode}${detail[1]}\nTrack: ${link}\n`,
    },
    { now: opts.now, agencyId: app.agencyId },
  );
}
