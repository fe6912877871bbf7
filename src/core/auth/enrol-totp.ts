// First sign-in of a staff member: a fresh TOTP secret to put in an authenticator app. It becomes active
// only when a code from it is verified (verify-totp.ts); until then asking again replaces it.
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../context';
import { conflict } from '../http/errors';
import { text } from '../i18n/messages';
import { users } from './schema';
import type { SessionState } from './session';
import { newTotpSecret, totpEnrolment } from './totp';
import { sealTotpSecret } from './totp-secret';

export const totpAlreadyEnabled = () =>
  conflict(
    'TOTP_ALREADY_ENABLED',
    text('Autentikasi dua langkah sudah aktif untuk akun ini.', 'Two-step sign-in is already active for this account.'),
  );

export async function enrolTotp(ctx: AppContext, session: SessionState) {
  if (session.user.totpEnabledAt) throw totpAlreadyEnabled();
  const secret = newTotpSecret();
  const [row] = await ctx.db
    .update(users)
    .set({ totpSecret: sealTotpSecret(ctx.config, session.userId, secret) })
    .where(and(eq(users.id, session.userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (!row) throw totpAlreadyEnabled();
  return totpEnrolment(secret, session.user.email);
}
