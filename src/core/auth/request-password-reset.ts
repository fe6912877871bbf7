// "Forgot password": always the same answer; a reset link is mailed only when an active account has the address.
import type { AppContext } from '../context';
import { enqueueEmail } from '../outbox/enqueue';
import { passwordResetMail } from './auth-mails';
import { HOUR_MS, issueToken } from './one-time-token';
import { findUserByEmail } from './user-queries';

export const resetLink = (publicUrl: string, token: string) => `${publicUrl}/reset-password?token=${token}`;

export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, email);
  if (!user?.active) return;
  await ctx.db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'password_reset', HOUR_MS, now);
    await enqueueEmail(tx, passwordResetMail(user.email, resetLink(ctx.config.publicUrl, token)), {
      now,
      agencyId: user.agencyId,
    });
  });
}
