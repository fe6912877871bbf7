// Deactivates (every session ends at once) or reactivates a staff account.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import { type AdminUserView, auditableUser, toAdminUserView } from './admin-user-view';
import { staffNotFound } from './grant-role';
import { type StaffActor, adminRoleOf, assertCanChangeAccount } from './policy';
import { sessions, users } from './schema';
import { findUserById, grantsOf } from './user-queries';

export async function setUserActive(
  ctx: AppContext,
  actor: StaffActor,
  userId: string,
  active: boolean,
): Promise<AdminUserView> {
  const now = ctx.clock.now();
  const user = await findUserById(ctx.db, userId);
  if (user?.kind !== 'staff' || !user.agencyId) throw staffNotFound();
  const grants = (await grantsOf(ctx.db, [userId])).get(userId) ?? [];
  assertCanChangeAccount(actor, user.agencyId, userId, grants);
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ active }).where(eq(users.id, userId)).returning();
    if (!active) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, {
      actor,
      role: adminRoleOf(actor),
      action: active ? 'user.reactivated' : 'user.deactivated',
      entityType: 'user',
      entityId: userId,
      agencyId: user.agencyId,
      before: auditableUser(user),
      after: auditableUser(row!),
      at: now,
    });
    return row!;
  });
  return toAdminUserView(updated, grants);
}
