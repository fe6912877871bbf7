// Registers an SMS/WhatsApp gateway for an agency; returns the shared secret once (it is derived, not stored).
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import type { Actor } from '../../../core/auth/roles';
import type { AppContext } from '../../../core/context';
import { badRequest } from '../../../core/http/errors';
import { text } from '../../../core/i18n/messages';
import { regions } from '../../../core/org/schema';
import { gatewaySecret } from '../identity-crypto';
import { assertCoordinator } from '../policy';
import { type GatewayView, gatewayColumns } from './list-gateways';
import { gateways } from './schema';

export async function createGateway(
  ctx: AppContext,
  input: { agencyId: string; name: string; channel: 'sms' | 'whatsapp'; defaultRegionCode: string; actor?: Actor },
): Promise<GatewayView & { secret: string }> {
  // Staff act as the agency admin (checked here); seeds and tests act as the system.
  const role = input.actor?.kind === 'staff' ? assertCoordinator(input.actor, input.agencyId) : null;
  const name = input.name.trim();
  if (name.length < 2)
    throw badRequest(
      'BAD_NAME',
      text(
        'Nama gateway minimal 2 karakter (selain spasi).',
        'The gateway name needs at least 2 non-space characters.',
      ),
    );
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [desa] = await tx
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.code, input.defaultRegionCode), eq(regions.level, 4)))
      .limit(1);
    if (!desa)
      throw badRequest(
        'UNKNOWN_REGION',
        text('Kode desa/kelurahan bawaan tidak dikenal.', 'Unknown default desa/kelurahan code.'),
      );
    const [row] = await tx
      .insert(gateways)
      .values({ agencyId: input.agencyId, name, channel: input.channel, defaultRegionCode: desa.code, createdAt: now })
      .returning({ id: gateways.id });
    await recordAudit(tx, {
      actor: input.actor ?? { kind: 'system', name: 'complaints-gateway' },
      role,
      action: 'complaints.gateway.create',
      entityType: 'complaints_gateway',
      entityId: row!.id,
      agencyId: input.agencyId,
      meta: { channel: input.channel },
      at: now,
    });
    const [view] = await tx
      .select(gatewayColumns)
      .from(gateways)
      .leftJoin(regions, eq(regions.code, gateways.defaultRegionCode))
      .where(eq(gateways.id, row!.id));
    return { ...view!, secret: gatewaySecret(ctx.config, row!.id) };
  });
}
