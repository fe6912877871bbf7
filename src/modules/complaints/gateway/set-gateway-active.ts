// Revokes (active = false) or re-enables one of the agency's gateways. A revoked gateway's signed messages
// are refused; another agency's gateway is not found. Audited with the change.
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import type { AppContext } from '../../../core/context';
import { notFound } from '../../../core/http/errors';
import { text } from '../../../core/i18n/messages';
import { regions } from '../../../core/org/schema';
import { type StaffActor, assertCoordinator } from '../policy';
import { type GatewayView, gatewayColumns } from './list-gateways';
import { gateways } from './schema';

export async function setGatewayActive(
  ctx: AppContext,
  actor: StaffActor,
  agencyId: string,
  id: string,
  active: boolean,
): Promise<GatewayView> {
  const role = assertCoordinator(actor, agencyId);
  const mine = and(eq(gateways.id, id), eq(gateways.agencyId, agencyId));
  return ctx.db.transaction(async (tx) => {
    const view = async () =>
      (
        await tx
          .select(gatewayColumns)
          .from(gateways)
          .leftJoin(regions, eq(regions.code, gateways.defaultRegionCode))
          .where(mine)
          .limit(1)
      )[0];
    const before = await view();
    if (!before) throw notFound(text('Gateway tidak ditemukan.', 'No such gateway.'));
    if (before.active === active) return before;
    await tx.update(gateways).set({ active }).where(mine);
    await recordAudit(tx, {
      actor,
      role,
      action: active ? 'complaints.gateway.reactivate' : 'complaints.gateway.revoke',
      entityType: 'complaints_gateway',
      entityId: id,
      agencyId,
      before: { active: before.active },
      after: { active },
      at: ctx.clock.now(),
    });
    return { ...before, active };
  });
}
