// Single-use tokens sent by e-mail (password reset, staff invitation, e-mail verification). Only the
// SHA-256 of a token is stored; using one is a conditional update, so it works exactly once.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';
import type { Actor } from './roles';
import { oneTimeTokens } from './schema';
import { hashToken, newToken } from './session';
import type { UserRow } from './user-queries';

export type TokenPurpose = 'password_reset' | 'email_verify';

export const HOUR_MS = 3600_000;

export async function issueToken(
  q: Queryable,
  userId: string,
  purpose: TokenPurpose,
  ttlMs: number,
  now: Date,
): Promise<string> {
  const token = newToken();
  await q
    .insert(oneTimeTokens)
    .values({ id: hashToken(token), purpose, userId, expiresAt: new Date(now.getTime() + ttlMs) });
  return token;
}

/** The user a still-valid token belongs to, without using it up. */
export async function peekToken(q: Queryable, token: string, purpose: TokenPurpose, now: Date): Promise<string | null> {
  const [row] = await q
    .select({ userId: oneTimeTokens.userId })
    .from(oneTimeTokens)
    .where(validToken(token, purpose, now))
    .limit(1);
  return row?.userId ?? null;
}

/** Uses the token up; returns its user, or null when it is unknown, used or expired. */
export async function consumeToken(
  q: Queryable,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string | null> {
  const [row] = await q
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(validToken(token, purpose, now))
    .returning({ userId: oneTimeTokens.userId });
  return row?.userId ?? null;
}

/** Spends every open token of this purpose for the user (after a password change, older links die). */
export async function spendAllTokens(q: Queryable, userId: string, purpose: TokenPurpose, now: Date): Promise<void> {
  await q
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
}

const validToken = (token: string, purpose: TokenPurpose, now: Date) =>
  and(
    eq(oneTimeTokens.id, hashToken(token)),
    eq(oneTimeTokens.purpose, purpose),
    isNull(oneTimeTokens.usedAt),
    gt(oneTimeTokens.expiresAt, now),
  );

export const invalidToken = () =>
  badRequest(
    'INVALID_TOKEN',
    text(
      'Tautan tidak valid, sudah dipakai, atau sudah kedaluwarsa. Minta tautan baru.',
      'The link is not valid, was used already, or has expired. Ask for a new one.',
    ),
  );

/** The account itself as the actor of an audit entry (actions proven by an e-mailed token). */
export function selfActor(user: UserRow): Actor {
  if (user.kind === 'staff' && user.agencyId) {
    return { kind: 'staff', userId: user.id, sessionId: '', name: user.name, agencyId: user.agencyId, grants: [] };
  }
  return { kind: 'citizen', userId: user.id, sessionId: '', name: user.name };
}
