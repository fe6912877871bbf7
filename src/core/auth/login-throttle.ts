// Per-address lockout: 5 failed sign-in steps (password or second factor) lock the address for 15
// minutes. Kept per e-mail address, not per account, so an unknown address locks exactly like a real one
// and the answer never tells whether an account exists.
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { AppError } from '../http/errors';
import { text } from '../i18n/messages';
import { normalizeEmail } from './password';
import { loginThrottle } from './schema';
import { hashToken } from './session';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const emailDigest = (email: string) => hashToken(`login:${normalizeEmail(email)}`);

export function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    429,
    'LOGIN_LOCKED',
    text(
      `Terlalu banyak percobaan masuk yang gagal. Akun dengan alamat ini dikunci sementara; coba lagi dalam ${minutes} menit (setelah ${until.toISOString()}).`,
      `Too many failed sign-in attempts. Sign-in for this address is locked for now; try again in ${minutes} minutes (after ${until.toISOString()}).`,
    ),
    { lockedUntil: until.toISOString() },
  );
}

/** The end of the current lock on this address, or null when it may try. */
export async function currentLock(q: Queryable, email: string, now: Date): Promise<Date | null> {
  const [row] = await q
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.emailDigest, emailDigest(email)))
    .limit(1);
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failure; returns the end of the lock when this failure locks the address. */
export async function recordLoginFailure(q: Queryable, email: string, now: Date): Promise<Date | null> {
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const nowIso = now.toISOString();
  // After a lock has run out the count starts again from this failure.
  const next = sql`(case when core_login_throttle.locked_until is not null and core_login_throttle.locked_until <= ${nowIso}::timestamptz
    then 1 else core_login_throttle.failures + 1 end)`;
  const [row] = await q
    .insert(loginThrottle)
    .values({ emailDigest: emailDigest(email), failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.emailDigest,
      set: {
        failures: next,
        lockedUntil: sql`case when ${next} >= ${LOCK_AFTER_FAILURES} then ${lockUntil.toISOString()}::timestamptz else null end`,
        lastFailureAt: now,
      },
    })
    .returning({ lockedUntil: loginThrottle.lockedUntil });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export async function clearLoginFailures(q: Queryable, email: string): Promise<void> {
  await q.delete(loginThrottle).where(eq(loginThrottle.emailDigest, emailDigest(email)));
}
