// Second step of a staff sign-in: a TOTP code (or, once enrolled, a single-use recovery code) opens the
// half-open session. The first verified code activates the enrolment and yields ten recovery codes,
// shown once and stored only as digests. Failures count toward the same lockout as wrong passwords.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import type { Queryable } from '../db/client';
import { AppError, badRequest, conflict } from '../http/errors';
import { text } from '../i18n/messages';
import { clearLoginFailures, currentLock, lockedError, recordLoginFailure } from './login-throttle';
import { sessions, users } from './schema';
import { type SessionState, actorOf, destroySession } from './session';
import { matchTotp, newRecoveryCodes, recoveryDigest } from './totp';
import { openTotpSecret } from './totp-secret';

export const invalidCode = () =>
  badRequest(
    'INVALID_CODE',
    text('Kode tidak valid atau sudah dipakai.', 'The code is not valid or has been used already.'),
  );

async function fail(ctx: AppContext, session: SessionState, now: Date): Promise<never> {
  const locked = await recordLoginFailure(ctx.db, session.user.email, now);
  if (locked) {
    await destroySession(ctx.db, session.sessionId);
    throw lockedError(locked, now);
  }
  throw invalidCode();
}

const openSession = (q: Queryable, session: SessionState) =>
  q.update(sessions).set({ mfaPassed: true }).where(eq(sessions.id, session.sessionId));

export async function verifyTotp(
  ctx: AppContext,
  session: SessionState,
  code: string,
): Promise<{ recoveryCodes?: string[] }> {
  const now = ctx.clock.now();
  const lock = await currentLock(ctx.db, session.user.email, now);
  if (lock) {
    await destroySession(ctx.db, session.sessionId);
    throw lockedError(lock, now);
  }
  if (session.mfaPassed) {
    throw conflict('MFA_ALREADY_PASSED', text('Sesi ini sudah terverifikasi.', 'This session is verified already.'));
  }
  const user = session.user;
  if (!user.totpSecret) {
    throw conflict(
      'TOTP_NOT_ENROLLED',
      text('Daftarkan aplikasi autentikator terlebih dahulu.', 'Set up an authenticator app first.'),
    );
  }
  const actor = actorOf({ ...session, mfaPassed: true });
  const cleaned = code.replace(/\s/g, '');
  const secret = openTotpSecret(ctx.config, user.id, user.totpSecret);

  if (!user.totpEnabledAt) {
    const step = await matchTotp(secret, cleaned, now, null);
    if (step === null) return fail(ctx, session, now);
    const recovery = newRecoveryCodes();
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ totpEnabledAt: now, totpLastStep: step, recoveryCodes: recovery.digests })
        .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt), eq(users.totpSecret, user.totpSecret!)))
        .returning({ id: users.id });
      if (!row)
        throw new AppError(
          409,
          'TOTP_CHANGED',
          text('Pendaftaran berubah; ulangi dari awal.', 'The enrolment changed; start again.'),
        );
      await openSession(tx, session);
      await recordAudit(tx, {
        actor,
        action: 'auth.totp_enabled',
        entityType: 'user',
        entityId: user.id,
        agencyId: user.agencyId,
        at: now,
      });
    });
    await clearLoginFailures(ctx.db, user.email);
    return { recoveryCodes: recovery.codes };
  }

  if (/^\d{6}$/.test(cleaned)) {
    const step = await matchTotp(secret, cleaned, now, user.totpLastStep);
    if (step === null) return fail(ctx, session, now);
    const accepted = await ctx.db.transaction(async (tx) => {
      // Conditional on the last step, so two requests racing with one code cannot both pass.
      const [row] = await tx
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      if (row) await openSession(tx, session);
      return Boolean(row);
    });
    if (!accepted) return fail(ctx, session, now);
  } else {
    const digest = recoveryDigest(cleaned);
    const accepted = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ recoveryCodes: sql`${users.recoveryCodes} - ${digest}::text` })
        .where(and(eq(users.id, user.id), sql`jsonb_exists(${users.recoveryCodes}, ${digest}::text)`))
        .returning({ recoveryCodes: users.recoveryCodes });
      if (!row) return false;
      await openSession(tx, session);
      await recordAudit(tx, {
        actor,
        action: 'auth.recovery_code_used',
        entityType: 'user',
        entityId: user.id,
        agencyId: user.agencyId,
        meta: { remaining: row.recoveryCodes?.length ?? 0 },
        at: now,
      });
      return true;
    });
    if (!accepted) return fail(ctx, session, now);
  }
  await clearLoginFailures(ctx.db, user.email);
  return {};
}
