// Registers an SMS/WhatsApp gateway for an agency; returns the shared secret once (it is derived, not stored).
import { recordAudit } from '../../../core/audit/record-audit';
import type { Actor } from '../../../core/auth/roles';
import type { AppContext } from '../../../core/context';
import { gatewaySecret } from '../identity-crypto';
import { gateways } from './schema';

export async function createGateway(
  ctx: AppContext,
  input: { agencyId: string; name: string; channel: 'sms' | 'whatsapp'; defaultRegionCode: string; actor?: Actor },
): Promise<{ id: string; secret: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(gateways)
      .values({
        agencyId: input.agencyId,
        name: input.name.trim(),
        channel: input.channel,
        defaultRegionCode: input.defaultRegionCode,
        createdAt: now,
      })
      .returning({ id: gateways.id });
    await recordAudit(tx, {
      actor: input.actor ?? { kind: 'system', name: 'complaints-gateway' },
      action: 'complaints.gateway.create',
      entityType: 'complaints_gateway',
      entityId: row!.id,
      agencyId: input.agencyId,
      meta: { channel: input.channel },
      at: now,
    });
    return { id: row!.id, secret: gatewaySecret(ctx.config, row!.id) };
  });
}
