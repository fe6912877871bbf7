// Server-side sessions in the database (the server stays stateless). The cookie holds a random token;
// the table holds its SHA-256. State-changing requests with a session must echo its CSRF token.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import type { Actor, Role, RoleGrant } from './roles';
import { roleGrants, sessions, users } from './schema';

export const SESSION_COOKIE = 'pamong_sid';
export const CSRF_HEADER = 'x-csrf-token';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export interface SessionState {
  sessionId: string;
  userId: string;
  csrfToken: string;
  mfaPassed: boolean;
  activeUnitId: string | null;
  user: typeof users.$inferSelect;
  grants: RoleGrant[];
}

export async function createSession(
  q: Queryable,
  userId: string,
  opts: { now: Date; ttlHours: number; mfaPassed: boolean },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken(24);
  await q.insert(sessions).values({
    id: hashToken(token),
    userId,
    csrfToken,
    mfaPassed: opts.mfaPassed,
    createdAt: opts.now,
    expiresAt: new Date(opts.now.getTime() + opts.ttlHours * 3600_000),
  });
  return { token, csrfToken };
}

export async function loadSession(q: Queryable, token: string, now: Date): Promise<SessionState | null> {
  const id = hashToken(token);
  const [row] = await q
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  const grants = await q
    .select({ role: roleGrants.role, agencyId: roleGrants.agencyId, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, row.u.id));
  return {
    sessionId: id,
    userId: row.u.id,
    csrfToken: row.s.csrfToken,
    mfaPassed: row.s.mfaPassed,
    activeUnitId: row.s.activeUnitId,
    user: row.u,
    grants: grants.map((g) => ({ ...g, role: g.role as Role })),
  };
}

/** The actor a session acts as. A staff session acts only once its TOTP step has passed. */
export function actorOf(s: SessionState | null): Actor {
  if (!s) return { kind: 'anonymous' };
  if (s.user.kind === 'citizen')
    return { kind: 'citizen', userId: s.userId, sessionId: s.sessionId, name: s.user.name };
  if (!s.mfaPassed || !s.user.agencyId) return { kind: 'anonymous' };
  return {
    kind: 'staff',
    userId: s.userId,
    sessionId: s.sessionId,
    name: s.user.name,
    agencyId: s.user.agencyId,
    grants: s.grants,
  };
}

export async function destroySession(q: Queryable, sessionId: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.id, sessionId));
}
