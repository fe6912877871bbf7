// Password step of signing in. Citizens are signed in at once; staff get a half-open session that acts
// as nobody until the second factor passes (verify-totp.ts).
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { text } from '../i18n/messages';
import { clearLoginFailures, currentLock, lockedError, recordLoginFailure } from './login-throttle';
import { verifyPassword } from './password';
import { createSession, destroySession } from './session';
import { type UserView, findUserByEmail, toUserView } from './user-queries';

export type LoginStatus = 'ok' | 'totp_required' | 'totp_enrol';

export interface LoginResult {
  status: LoginStatus;
  token: string;
  csrfToken: string;
  user?: UserView;
}

export const invalidCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', text('E-mail atau kata sandi salah.', 'Wrong e-mail or password.'));

export async function logIn(
  ctx: AppContext,
  input: { email: string; password: string; previousSessionId?: string },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const lock = await currentLock(ctx.db, input.email, now);
  if (lock) throw lockedError(lock, now);

  const user = await findUserByEmail(ctx.db, input.email);
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || !user.active) {
    const locked = await recordLoginFailure(ctx.db, input.email, now);
    if (locked) throw lockedError(locked, now);
    throw invalidCredentials();
  }
  if (user.kind === 'citizen' && !user.emailVerifiedAt) {
    throw new AppError(
      403,
      'EMAIL_NOT_VERIFIED',
      text(
        'Alamat e-mail belum diverifikasi. Buka tautan yang kami kirim ke e-mail Anda, atau minta tautan baru.',
        'The e-mail address is not verified yet. Open the link we sent to your e-mail, or ask for a new link.',
      ),
    );
  }
  if (user.kind === 'staff' && !user.agencyId) throw invalidCredentials();

  await clearLoginFailures(ctx.db, input.email);
  // A new token on every sign-in: a session id known before signing in is worthless after it.
  if (input.previousSessionId) await destroySession(ctx.db, input.previousSessionId);
  const mfaPassed = user.kind === 'citizen';
  const { token, csrfToken } = await createSession(ctx.db, user.id, {
    now,
    ttlHours: ctx.config.sessionTtlHours,
    mfaPassed,
  });
  if (mfaPassed) return { status: 'ok', token, csrfToken, user: toUserView(user) };
  return { status: user.totpEnabledAt ? 'totp_required' : 'totp_enrol', token, csrfToken };
}
