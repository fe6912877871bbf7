// The seam to a payment provider (bank virtual account, QRIS aggregator). Pamong asks it for payment
// instructions for the published fee only, and accepts its webhook only when the signature, timestamp
// and event id check out.
import type { IncomingHttpHeaders } from 'node:http';

export interface PaymentInstructions {
  /** The provider's reference for this payment. */
  reference: string;
  /** What the applicant is told to do, in both languages. */
  instructions: { id: string; en: string };
}

export interface PaymentEvent {
  /** Unique per event: a replay carries the same id. */
  eventId: string;
  paymentCode: string;
  amountRupiah: number;
  status: 'paid';
  /** When the provider says the event was sent. */
  sentAt: Date;
}

export type WebhookRejection = 'unsigned' | 'signature' | 'malformed';

export interface PaymentGateway {
  readonly name: string;
  createPayment(amountRupiah: number, paymentCode: string): Promise<PaymentInstructions>;
  /** Checks the signature over the raw body; returns the event or why it was refused. */
  verifyWebhook(headers: IncomingHttpHeaders, rawBody: string): PaymentEvent | WebhookRejection;
}
