// The payment gateway's webhook: signed (HMAC-SHA256 over the raw body), fresh (timestamp within five
// minutes), never replayed (event ids are remembered), and for exactly the published fee. A payment that
// arrives after every step was approved completes the application.
import type { IncomingHttpHeaders } from 'node:http';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { AppContext } from '../../core/context';
import { AppError, badRequest, conflict } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { loadApplication } from './application-view';
import { completeApplication } from './complete-application';
import { paymentGateway } from './gateway';
import type { PaymentGateway } from './payment-gateway';
import { lockApplication } from './save-application';
import { applicationEvents, payments, webhookEvents } from './schema';

export const WEBHOOK_TOLERANCE_MS = 5 * 60_000;

export async function handlePaymentWebhook(
  ctx: AppContext,
  headers: IncomingHttpHeaders,
  rawBody: string,
  gateway: PaymentGateway = paymentGateway(ctx),
): Promise<{ status: 'paid'; applicationStatus: string }> {
  const now = ctx.clock.now();
  const event = gateway.verifyWebhook(headers, rawBody);
  if (event === 'unsigned') {
    throw badRequest(
      'WEBHOOK_UNSIGNED',
      text('Webhook tanpa tanda tangan atau stempel waktu.', 'The webhook carries no signature or timestamp.'),
    );
  }
  if (event === 'signature') {
    throw new AppError(
      401,
      'WEBHOOK_SIGNATURE',
      text('Tanda tangan webhook tidak valid.', 'Invalid webhook signature.'),
    );
  }
  if (event === 'malformed')
    throw badRequest('WEBHOOK_MALFORMED', text('Isi webhook tidak dikenali.', 'Unrecognised webhook body.'));
  if (Math.abs(now.getTime() - event.sentAt.getTime()) > WEBHOOK_TOLERANCE_MS) {
    throw badRequest(
      'WEBHOOK_STALE',
      text(
        'Stempel waktu webhook terlalu lama atau di masa depan.',
        'The webhook timestamp is too old or in the future.',
      ),
    );
  }
  return ctx.db.transaction(async (tx) => {
    const fresh = await tx
      .insert(webhookEvents)
      .values({ eventId: event.eventId, receivedAt: now })
      .onConflictDoNothing()
      .returning();
    if (fresh.length === 0)
      throw conflict(
        'WEBHOOK_REPLAY',
        text('Peristiwa webhook ini sudah diproses.', 'This webhook event was already processed.'),
      );
    const [payment] = await tx.select().from(payments).where(eq(payments.code, event.paymentCode)).for('update');
    if (!payment) throw badRequest('PAYMENT_UNKNOWN', text('Kode pembayaran tidak dikenal.', 'Unknown payment code.'));
    if (event.amountRupiah !== payment.amountRupiah) {
      throw badRequest(
        'FEE_MISMATCH',
        text(
          `Jumlah pembayaran (Rp${event.amountRupiah}) berbeda dengan tarif yang diumumkan (Rp${payment.amountRupiah}).`,
          `The amount paid (Rp${event.amountRupiah}) differs from the published fee (Rp${payment.amountRupiah}).`,
        ),
      );
    }
    if (payment.status === 'paid')
      throw conflict('ALREADY_PAID', text('Pembayaran ini sudah lunas.', 'This payment is already settled.'));
    await tx.update(payments).set({ status: 'paid', paidAt: now }).where(eq(payments.id, payment.id));
    const app = await lockApplication(tx, payment.applicationId);
    await tx
      .insert(applicationEvents)
      .values({ applicationId: app.id, agencyId: app.agencyId, action: 'paid', at: now });
    await recordAudit(tx, {
      actor: { kind: 'system', name: `payment:${gateway.name}` },
      action: 'services.payment.paid',
      entityType: 'services_application',
      entityId: app.id,
      agencyId: app.agencyId,
      unitId: app.unitId,
      after: { paymentCode: payment.code, amountRupiah: payment.amountRupiah },
      meta: { eventId: event.eventId },
      at: now,
    });
    if (app.status === 'awaiting_payment') {
      const loaded = (await loadApplication(tx, app.id))!;
      await completeApplication(
        ctx,
        tx,
        app,
        loaded.version,
        { name: loaded.serviceName, code: loaded.serviceCode },
        now,
      );
      return { status: 'paid' as const, applicationStatus: 'completed' };
    }
    return { status: 'paid' as const, applicationStatus: app.status };
  });
}
