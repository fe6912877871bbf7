// A citizen opens the link from the registration mail; a new link can be asked for (same answer for any address).
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import { enqueueEmail } from '../outbox/enqueue';
import { verifyEmailMail } from './auth-mails';
import { consumeToken, invalidToken, issueToken, selfActor } from './one-time-token';
import { VERIFY_TTL_MS, verifyLink } from './register-citizen';
import { users } from './schema';
import { findUserByEmail, findUserById } from './user-queries';

export async function verifyEmail(ctx: AppContext, token: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, 'email_verify', now);
    const user = userId ? await findUserById(tx, userId) : undefined;
    if (!user) throw invalidToken();
    if (user.emailVerifiedAt) return;
    await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt)));
    await recordAudit(tx, {
      actor: selfActor(user),
      action: 'auth.email_verified',
      entityType: 'user',
      entityId: user.id,
      at: now,
    });
  });
}

export async function resendVerification(ctx: AppContext, email: string): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, email);
  if (user?.kind !== 'citizen' || user.emailVerifiedAt || !user.active) return;
  await ctx.db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'email_verify', VERIFY_TTL_MS, now);
    await enqueueEmail(tx, verifyEmailMail(user.email, user.name, verifyLink(ctx.config.publicUrl, token)), { now });
  });
}
