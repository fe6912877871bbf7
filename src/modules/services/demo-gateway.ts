// An in-process payment gateway for tests and the demo. Its webhooks are signed exactly as a real provider's
// would be checked: HMAC-SHA256 over `${timestamp}.${rawBody}` with the shared secret, hex, in
// x-pamong-signature; the Unix timestamp (seconds) in x-pamong-timestamp.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { PaymentEvent, PaymentGateway, PaymentInstructions, WebhookRejection } from './payment-gateway';

export const SIGNATURE_HEADER = 'x-pamong-signature';
export const TIMESTAMP_HEADER = 'x-pamong-timestamp';

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export class TestDoubleGateway implements PaymentGateway {
  readonly name = 'test-double';
  constructor(private readonly secret: string) {}

  async createPayment(amountRupiah: number, paymentCode: string): Promise<PaymentInstructions> {
    return {
      reference: `TD-${randomBytes(6).toString('hex').toUpperCase()}`,
      instructions: {
        id: `Bayar ${rupiah(amountRupiah)} ke rekening virtual ${paymentCode} (gerbang pembayaran uji).`,
        en: `Pay ${rupiah(amountRupiah)} to virtual account ${paymentCode} (test payment gateway).`,
      },
    };
  }

  verifyWebhook(headers: IncomingHttpHeaders, rawBody: string): PaymentEvent | WebhookRejection {
    const sig = headers[SIGNATURE_HEADER];
    const ts = headers[TIMESTAMP_HEADER];
    if (typeof sig !== 'string' || typeof ts !== 'string') return 'unsigned';
    if (!/^\d{1,12}$/.test(ts) || !/^[0-9a-f]{64}$/.test(sig)) return 'signature';
    const expected = Buffer.from(signWebhook(this.secret, Number(ts), rawBody), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return 'signature';
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return 'malformed';
    }
    const b = body as { id?: unknown; paymentCode?: unknown; amount?: unknown; status?: unknown };
    if (
      typeof b.id !== 'string' ||
      b.id.length < 1 ||
      b.id.length > 100 ||
      typeof b.paymentCode !== 'string' ||
      b.paymentCode.length > 40 ||
      typeof b.amount !== 'number' ||
      !Number.isSafeInteger(b.amount) ||
      b.amount < 0 ||
      b.status !== 'paid'
    ) {
      return 'malformed';
    }
    return {
      eventId: b.id,
      paymentCode: b.paymentCode,
      amountRupiah: b.amount,
      status: 'paid',
      sentAt: new Date(Number(ts) * 1000),
    };
  }

  /** What the provider would send when the applicant pays (used by tests and the demo's "pay" button). */
  paidEvent(paymentCode: string, amountRupiah: number, at: Date, eventId = `evt_${randomBytes(8).toString('hex')}`) {
    const rawBody = JSON.stringify({ id: eventId, paymentCode, amount: amountRupiah, status: 'paid' });
    const timestamp = Math.floor(at.getTime() / 1000);
    return {
      rawBody,
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signWebhook(this.secret, timestamp, rawBody),
        [TIMESTAMP_HEADER]: String(timestamp),
      },
    };
  }
}
