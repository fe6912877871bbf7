// An administrator clears a staff member's authenticator (a lost phone): the next sign-in enrols anew.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import { staffNotFound } from './grant-role';
import { type StaffActor, adminRoleOf, assertCanChangeAccount } from './policy';
import { sessions, users } from './schema';
import { findUserById, grantsOf } from './user-queries';

export async function resetUserTotp(ctx: AppContext, actor: StaffActor, userId: string): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserById(ctx.db, userId);
  if (user?.kind !== 'staff' || !user.agencyId) throw staffNotFound();
  const grants = (await grantsOf(ctx.db, [userId])).get(userId) ?? [];
  assertCanChangeAccount(actor, user.agencyId, userId, grants);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: null })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, {
      actor,
      role: adminRoleOf(actor),
      action: 'user.totp_reset',
      entityType: 'user',
      entityId: userId,
      agencyId: user.agencyId,
      at: now,
    });
  });
}
