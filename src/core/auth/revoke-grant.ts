// Revokes one role grant. Nobody revokes their own grants (an admin cannot lock the agency out by accident).
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import { forbidden, notFound } from '../http/errors';
import { text } from '../i18n/messages';
import { resolveGrantTarget } from './grant-role';
import { type StaffActor, adminRoleOf, assertCanManageUsers } from './policy';
import type { Role } from './roles';
import { roleGrants } from './schema';

export async function revokeGrant(ctx: AppContext, actor: StaffActor, userId: string, grantId: string): Promise<void> {
  const now = ctx.clock.now();
  const [grant] = await ctx.db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)))
    .limit(1);
  if (!grant) throw notFound(text('Peran tidak ditemukan.', 'No such role grant.'));
  assertCanManageUsers(actor, grant.agencyId);
  if (userId === actor.userId) {
    throw forbidden(text('Anda tidak dapat mencabut peran Anda sendiri.', 'You cannot revoke your own roles.'));
  }
  const role = grant.role as Role;
  await resolveGrantTarget(ctx.db, actor, grant.agencyId, role, grant.unitId);
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx.delete(roleGrants).where(eq(roleGrants.id, grantId)).returning({ id: roleGrants.id });
    if (!deleted.length) throw notFound(text('Peran tidak ditemukan.', 'No such role grant.'));
    await recordAudit(tx, {
      actor,
      role: adminRoleOf(actor),
      action: 'user.role_revoked',
      entityType: 'user',
      entityId: userId,
      agencyId: grant.agencyId,
      unitId: grant.unitId,
      before: { grantId, role, agencyId: grant.agencyId, unitId: grant.unitId },
      meta: { role, grantId },
      at: now,
    });
  });
}
