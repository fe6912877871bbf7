// Sets a new password from a reset (or invitation) link. Every session of the account ends, older links
// die, and the address's lockout is cleared: whoever holds the link controls the mailbox.
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import { clearLoginFailures } from './login-throttle';
import { consumeToken, invalidToken, peekToken, selfActor, spendAllTokens } from './one-time-token';
import { assertPasswordAcceptable, hashPassword } from './password';
import { sessions, users } from './schema';
import { findUserById } from './user-queries';

export async function confirmPasswordReset(ctx: AppContext, input: { token: string; password: string }): Promise<void> {
  const now = ctx.clock.now();
  const userId = await peekToken(ctx.db, input.token, 'password_reset', now);
  const user = userId ? await findUserById(ctx.db, userId) : undefined;
  if (!user?.active) throw invalidToken();
  assertPasswordAcceptable(input.password, user.email);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    if ((await consumeToken(tx, input.token, 'password_reset', now)) !== user.id) throw invalidToken();
    await spendAllTokens(tx, user.id, 'password_reset', now);
    await tx
      .update(users)
      .set({
        passwordHash,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await recordAudit(tx, {
      actor: selfActor(user),
      action: 'auth.password_reset',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
      at: now,
    });
  });
  await clearLoginFailures(ctx.db, user.email);
}
