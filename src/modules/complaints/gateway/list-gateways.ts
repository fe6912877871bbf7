// The agency's SMS/WhatsApp gateways for its admin, newest first: never any secret (it is derived on demand).
import { count, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context';
import { regions } from '../../../core/org/schema';
import { type StaffActor, assertCoordinator } from '../policy';
import { gateways } from './schema';

/** What the console shows of a gateway (select with a left join on regions). */
export const gatewayColumns = {
  id: gateways.id,
  name: gateways.name,
  channel: gateways.channel,
  defaultRegionCode: gateways.defaultRegionCode,
  defaultRegionName: regions.name,
  active: gateways.active,
  createdAt: gateways.createdAt,
};
export interface GatewayView {
  id: string;
  name: string;
  channel: 'sms' | 'whatsapp';
  defaultRegionCode: string;
  defaultRegionName: string | null;
  active: boolean;
  createdAt: Date;
}

export async function listGateways(
  ctx: AppContext,
  actor: StaffActor,
  agencyId: string,
  paging: { page: number; pageSize: number },
): Promise<{ items: GatewayView[]; total: number }> {
  assertCoordinator(actor, agencyId);
  const where = eq(gateways.agencyId, agencyId);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(gateways).where(where);
  const items = await ctx.db
    .select(gatewayColumns)
    .from(gateways)
    .leftJoin(regions, eq(regions.code, gateways.defaultRegionCode))
    .where(where)
    .orderBy(desc(gateways.createdAt), desc(gateways.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return { items, total: Number(total) };
}
