// A signed-in staff member replaces all recovery codes (the old ones stop working), confirming with a
// current TOTP code. The new codes are shown once.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import type { StaffActor } from './policy';
import { users } from './schema';
import { matchTotp, newRecoveryCodes } from './totp';
import { openTotpSecret } from './totp-secret';
import { findUserById } from './user-queries';
import { invalidCode } from './verify-totp';

export async function regenerateRecoveryCodes(
  ctx: AppContext,
  actor: StaffActor,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const now = ctx.clock.now();
  const user = await findUserById(ctx.db, actor.userId);
  if (!user?.totpSecret || !user.totpEnabledAt) throw invalidCode();
  const secret = openTotpSecret(ctx.config, user.id, user.totpSecret);
  const step = await matchTotp(secret, code.replace(/\s/g, ''), now, user.totpLastStep);
  if (step === null) throw invalidCode();
  const recovery = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ totpLastStep: step, recoveryCodes: recovery.digests })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    if (!row) throw invalidCode();
    await recordAudit(tx, {
      actor,
      action: 'auth.recovery_codes_regenerated',
      entityType: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
      at: now,
    });
  });
  return { recoveryCodes: recovery.codes };
}
