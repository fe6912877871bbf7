// Open311 clients: created by an agency (the api_key is returned once, only its hash is stored).
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import type { Actor } from '../../../core/auth/roles';
import { hashToken, newToken } from '../../../core/auth/session';
import type { AppContext } from '../../../core/context';
import type { Queryable } from '../../../core/db/client';
import { open311Clients } from './schema';

export async function createOpen311Client(
  ctx: AppContext,
  input: { agencyId: string; name: string; actor?: Actor },
): Promise<{ id: string; apiKey: string }> {
  const apiKey = newToken(24);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(open311Clients)
      .values({ agencyId: input.agencyId, name: input.name.trim(), keyHash: hashToken(apiKey), createdAt: now })
      .returning({ id: open311Clients.id });
    await recordAudit(tx, {
      actor: input.actor ?? { kind: 'system', name: 'open311' },
      action: 'complaints.open311_client.create',
      entityType: 'open311_client',
      entityId: row!.id,
      agencyId: input.agencyId,
      at: now,
    });
    return { id: row!.id, apiKey };
  });
}

/** The active client holding this key for this agency, or null. */
export async function findOpen311Client(q: Queryable, agencyId: string, apiKey: string) {
  const [row] = await q
    .select({ id: open311Clients.id, name: open311Clients.name })
    .from(open311Clients)
    .where(
      and(
        eq(open311Clients.keyHash, hashToken(apiKey)),
        eq(open311Clients.agencyId, agencyId),
        eq(open311Clients.active, true),
      ),
    )
    .limit(1);
  return row ?? null;
}
