// Test-only: signed-in staff accounts made straight in the database (no sign-in round trip), for the
// org and calendar route tests.
import { randomBytes } from 'node:crypto';
import type { Role } from '../auth/roles';
import { roleGrants, users } from '../auth/schema';
import { SESSION_COOKIE, createSession } from '../auth/session';
import type { AppContext } from '../context';

export interface StaffLogin {
  userId: string;
  /** Cookie and CSRF headers for app.inject(). */
  headers: Record<string, string>;
}

export async function signInStaff(
  ctx: AppContext,
  opts: { agencyId: string; roles: Role[]; unitId?: string | null },
): Promise<StaffLogin> {
  const [user] = await ctx.db
    .insert(users)
    .values({
      kind: 'staff',
      email: `uji-${randomBytes(6).toString('hex')}@contoh.go.id`,
      name: 'Pegawai Uji',
      agencyId: opts.agencyId,
    })
    .returning({ id: users.id });
  for (const role of opts.roles) {
    await ctx.db
      .insert(roleGrants)
      .values({ userId: user!.id, role, agencyId: opts.agencyId, unitId: opts.unitId ?? null });
  }
  const s = await createSession(ctx.db, user!.id, { now: ctx.clock.now(), ttlHours: 12, mfaPassed: true });
  return { userId: user!.id, headers: { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrfToken } };
}
