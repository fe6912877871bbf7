// One SMS/WhatsApp message into the one intake queue: the same record as every other door, with the
// gateway's channel as its source. The sender's number becomes the (encrypted) reporter phone; the
// report is rahasia by default, as from every door.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context';
import { text } from '../../../core/i18n/messages';
import { AppError, notFound } from '../../../core/http/errors';
import { gatewaySecret } from '../identity-crypto';
import { submitComplaint } from '../submit-complaint';
import { gatewayMessages, gateways } from './schema';
import { verifyGatewaySignature } from './verify-signature';

export interface GatewayMessage {
  messageId: string;
  from: string;
  text: string;
  regionCode?: string;
}

const SIGNATURE_PROBLEMS = {
  missing: text('Tanda tangan (X-Pamong-Timestamp, X-Pamong-Signature) tidak ada.', 'Signature headers are missing.'),
  stale: text('Stempel waktu terlalu lama atau tidak valid.', 'The timestamp is too old or invalid.'),
  bad_signature: text('Tanda tangan tidak cocok.', 'The signature does not match.'),
};

export async function receiveGatewayMessage(
  ctx: AppContext,
  gatewayId: string,
  signed: { timestamp?: string; signature?: string; rawBody: string },
  message: GatewayMessage,
): Promise<{ code: string; duplicate: boolean }> {
  const [gateway] = await ctx.db
    .select()
    .from(gateways)
    .where(and(eq(gateways.id, gatewayId), eq(gateways.active, true)))
    .limit(1);
  if (!gateway) throw notFound(text('Gateway tidak dikenal.', 'Unknown gateway.'));
  const check = verifyGatewaySignature(gatewaySecret(ctx.config, gateway.id), signed, signed.rawBody, ctx.clock.now());
  if (check !== 'ok') throw new AppError(401, 'BAD_SIGNATURE', SIGNATURE_PROBLEMS[check]);

  // A gateway re-sends until it sees a 2xx: the same message id answers with the report already filed.
  const [seen] = await ctx.db
    .select({ code: gatewayMessages.code })
    .from(gatewayMessages)
    .where(and(eq(gatewayMessages.gatewayId, gateway.id), eq(gatewayMessages.messageId, message.messageId)))
    .limit(1);
  if (seen) return { code: seen.code, duplicate: true };

  const body = message.text.trim();
  const firstLine = body.split('\n')[0]!.trim();
  const filed = await submitComplaint(
    ctx,
    {
      agencyId: gateway.agencyId,
      kind: 'pengaduan',
      title: firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine,
      description: body,
      regionCode: message.regionCode ?? gateway.defaultRegionCode,
      visibility: 'rahasia',
      reporter: { phone: message.from },
    },
    gateway.channel,
  );
  // A concurrent re-send of the same message can only add a duplicate that officers merge; the unique
  // index keeps the mapping single.
  await ctx.db
    .insert(gatewayMessages)
    .values({
      gatewayId: gateway.id,
      messageId: message.messageId,
      complaintId: filed.id,
      code: filed.code,
      receivedAt: ctx.clock.now(),
    })
    .onConflictDoNothing();
  return { code: filed.code, duplicate: false };
}
