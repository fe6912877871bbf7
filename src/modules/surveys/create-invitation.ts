// One satisfaction-survey invitation per finished transaction, on the domain events `complaints.closed`
// and `services.completed`. Delivered at least once: a second delivery of the same event finds the
// invitation already there and does nothing (no second e-mail).
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { enqueueEmail } from '../../core/outbox/enqueue';
import { findUnit } from '../../core/org/unit-tree';
import { loadAgencyInfo } from './agency-info';
import { invitationUrl } from './links';
import { dayIn } from './periods';
import { surveyInvitations } from './schema';
import { newLinkToken } from './tokens';

/** How long an invitation link stays open. */
export const INVITATION_DAYS = 30;

export interface FinishedTransaction {
  agencyId: string;
  unitId: string;
  serviceId: string | null;
  transactionType: 'complaint' | 'application';
  transactionId: string;
  trackingCode: string;
  recipientEmail: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The event payload as agreed between modules, or undefined when it is not one. */
export function readFinishedTransaction(payload: Record<string, unknown>): FinishedTransaction | undefined {
  const { agencyId, unitId, serviceId, transactionType, transactionId, trackingCode, recipientEmail } = payload;
  const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
  if (!str(agencyId, 36) || !UUID.test(agencyId) || !str(unitId, 36) || !UUID.test(unitId)) return undefined;
  if (transactionType !== 'complaint' && transactionType !== 'application') return undefined;
  if (!str(transactionId, 100) || !str(trackingCode, 100)) return undefined;
  if (serviceId != null && !(str(serviceId, 36) && UUID.test(serviceId))) return undefined;
  if (recipientEmail != null && !(str(recipientEmail, 320) && recipientEmail.includes('@'))) return undefined;
  return {
    agencyId,
    unitId,
    serviceId: (serviceId as string | null | undefined) ?? null,
    transactionType,
    transactionId,
    trackingCode,
    recipientEmail: (recipientEmail as string | null | undefined) ?? null,
  };
}

/** Creates the invitation (once) and e-mails its link when the event carries an address. */
export async function createInvitation(ctx: AppContext, q: Queryable, event: FinishedTransaction): Promise<boolean> {
  const unit = await findUnit(q, event.unitId);
  if (!unit || unit.agencyId !== event.agencyId) {
    ctx.log.warn({ transactionType: event.transactionType }, 'survey invitation skipped: unit not in agency');
    return false;
  }
  const agency = await loadAgencyInfo(q, event.agencyId);
  const now = ctx.clock.now();
  const token = newLinkToken();
  const inserted = await q
    .insert(surveyInvitations)
    .values({
      agencyId: event.agencyId,
      unitId: event.unitId,
      serviceId: event.serviceId,
      transactionType: event.transactionType,
      transactionId: event.transactionId,
      token,
      finishedOn: dayIn(now, agency.timeZone),
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    })
    .onConflictDoNothing({ target: [surveyInvitations.transactionType, surveyInvitations.transactionId] })
    .returning({ id: surveyInvitations.id });
  if (inserted.length === 0) return false;
  if (event.recipientEmail) {
    const url = invitationUrl(ctx.config.publicUrl, token);
    const what =
      event.transactionType === 'complaint'
        ? { id: 'pengaduan', en: 'complaint' }
        : { id: 'permohonan layanan', en: 'service application' };
    await enqueueEmail(
      q,
      {
        to: event.recipientEmail,
        subject: `Survei kepuasan: ${unit.name} / Satisfaction survey`,
        text: [
          `Terima kasih. ${what.id[0]!.toUpperCase()}${what.id.slice(1)} Anda (${event.trackingCode}) di ${unit.name}, ${agency.name}, telah selesai.`,
          'Mohon luangkan dua menit untuk menilai pelayanan kami. Jawaban Anda tanpa nama dan hanya dapat dikirim sekali:',
          url,
          `Tautan berlaku ${INVITATION_DAYS} hari.`,
          '',
          `Thank you. Your ${what.en} (${event.trackingCode}) at ${unit.name}, ${agency.name}, is finished.`,
          'Please take two minutes to rate our service. Your answers are anonymous and can be sent once:',
          url,
          `The link is valid for ${INVITATION_DAYS} days.`,
        ].join('\n'),
      },
      { now, agencyId: event.agencyId },
    );
  }
  return true;
}
