// Open311 clients of an agency: created by its admin (the api_key is returned once, only its hash is
// stored), listed without any key material, revoked and re-enabled. Each change is audited.
import { and, count, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import type { Actor, Role } from '../../../core/auth/roles';
import { hashToken, newToken } from '../../../core/auth/session';
import type { AppContext } from '../../../core/context';
import type { Queryable } from '../../../core/db/client';
import { badRequest, notFound } from '../../../core/http/errors';
import { text } from '../../../core/i18n/messages';
import { type StaffActor, assertCoordinator } from '../policy';
import { open311Clients } from './schema';

/** What the console shows of a client: never the key nor its hash. */
const publicColumns = {
  id: open311Clients.id,
  name: open311Clients.name,
  active: open311Clients.active,
  createdAt: open311Clients.createdAt,
};
export type Open311ClientView = { id: string; name: string; active: boolean; createdAt: Date };

/** Staff act as the agency admin (checked here); seeds and tests act as the system. */
function actingRole(actor: Actor | undefined, agencyId: string): Role | null {
  return actor?.kind === 'staff' ? assertCoordinator(actor, agencyId) : null;
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 2)
    throw badRequest(
      'BAD_NAME',
      text('Nama klien minimal 2 karakter (selain spasi).', 'The client name needs at least 2 non-space characters.'),
    );
  return trimmed;
}

export async function createOpen311Client(
  ctx: AppContext,
  input: { agencyId: string; name: string; actor?: Actor },
): Promise<Open311ClientView & { apiKey: string }> {
  const role = actingRole(input.actor, input.agencyId);
  const name = cleanName(input.name);
  const apiKey = newToken(24);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(open311Clients)
      .values({ agencyId: input.agencyId, name, keyHash: hashToken(apiKey), createdAt: now })
      .returning(publicColumns);
    await recordAudit(tx, {
      actor: input.actor ?? { kind: 'system', name: 'open311' },
      role,
      action: 'complaints.open311_client.create',
      entityType: 'open311_client',
      entityId: row!.id,
      agencyId: input.agencyId,
      at: now,
    });
    return { ...row!, apiKey };
  });
}

/** The agency's clients, newest first, one page at a time. */
export async function listOpen311Clients(
  ctx: AppContext,
  actor: StaffActor,
  agencyId: string,
  paging: { page: number; pageSize: number },
): Promise<{ items: Open311ClientView[]; total: number }> {
  assertCoordinator(actor, agencyId);
  const where = eq(open311Clients.agencyId, agencyId);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: count() }).from(open311Clients).where(where);
  const items = await ctx.db
    .select(publicColumns)
    .from(open311Clients)
    .where(where)
    .orderBy(desc(open311Clients.createdAt), desc(open311Clients.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return { items, total: Number(total) };
}

/** Revokes (active = false) or re-enables a client of the agency; another agency's client is not found. */
export async function setOpen311ClientActive(
  ctx: AppContext,
  actor: StaffActor,
  agencyId: string,
  id: string,
  active: boolean,
): Promise<Open311ClientView> {
  const role = assertCoordinator(actor, agencyId);
  return ctx.db.transaction(async (tx) => {
    const mine = and(eq(open311Clients.id, id), eq(open311Clients.agencyId, agencyId));
    const [before] = await tx.select(publicColumns).from(open311Clients).where(mine).limit(1);
    if (!before) throw notFound(text('Klien Open311 tidak ditemukan.', 'No such Open311 client.'));
    if (before.active === active) return before;
    const [after] = await tx.update(open311Clients).set({ active }).where(mine).returning(publicColumns);
    await recordAudit(tx, {
      actor,
      role,
      action: active ? 'complaints.open311_client.reactivate' : 'complaints.open311_client.revoke',
      entityType: 'open311_client',
      entityId: id,
      agencyId,
      before: { active: before.active },
      after: { active },
      at: ctx.clock.now(),
    });
    return after!;
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
