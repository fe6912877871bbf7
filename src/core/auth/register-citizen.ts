// A citizen account: e-mail (verified by a mailed link), password, optional phone. The answer is the
// same whether or not the address is taken; the owner of a taken address gets a "you already have an
// account" mail instead, so registration cannot be used to probe for accounts.
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import { enqueueEmail } from '../outbox/enqueue';
import { alreadyRegisteredMail, verifyEmailMail } from './auth-mails';
import { HOUR_MS, issueToken, selfActor } from './one-time-token';
import { assertPasswordAcceptable, hashPassword, normalizeEmail } from './password';
import { users } from './schema';
import { findUserByEmail } from './user-queries';

export const verifyLink = (publicUrl: string, token: string) => `${publicUrl}/verify-email?token=${token}`;
export const VERIFY_TTL_MS = 48 * HOUR_MS;

export async function registerCitizen(
  ctx: AppContext,
  input: { name: string; email: string; password: string; phone?: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  const email = normalizeEmail(input.email);
  assertPasswordAcceptable(input.password, email);
  const existing = await findUserByEmail(ctx.db, email);
  const url = ctx.config.publicUrl;
  if (existing) {
    await enqueueEmail(ctx.db, alreadyRegisteredMail(email, `${url}/login`, `${url}/forgot-password`), { now });
    return;
  }
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        kind: 'citizen',
        email,
        name: input.name.trim(),
        phone: input.phone?.trim() || null,
        passwordHash,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!user) {
      // Registered a moment ago by a concurrent request.
      await enqueueEmail(tx, alreadyRegisteredMail(email, `${url}/login`, `${url}/forgot-password`), { now });
      return;
    }
    const token = await issueToken(tx, user.id, 'email_verify', VERIFY_TTL_MS, now);
    await enqueueEmail(tx, verifyEmailMail(email, user.name, verifyLink(url, token)), { now });
    await recordAudit(tx, {
      actor: selfActor(user),
      action: 'auth.citizen_registered',
      entityType: 'user',
      entityId: user.id,
      after: { id: user.id, kind: user.kind, email: user.email, name: user.name, phone: user.phone },
      at: now,
    });
  });
}
