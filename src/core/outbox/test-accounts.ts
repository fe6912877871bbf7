// Test-only: an agency and signed-in accounts made straight in the database (no sign-in round trip),
// for the outbox and files route tests.
import { randomBytes } from 'node:crypto';
import { roleGrants, users } from '../auth/schema';
import type { Role } from '../auth/roles';
import { createSession, SESSION_COOKIE } from '../auth/session';
import type { AppContext } from '../context';
import { agencies } from '../org/schema';

export async function makeAgency(ctx: AppContext, slug: string): Promise<string> {
  const [row] = await ctx.db
    .insert(agencies)
    .values({ slug: `${slug}-${randomBytes(3).toString('hex')}`, name: `Pemerintah ${slug}`, kind: 'kabupaten' })
    .returning({ id: agencies.id });
  return row!.id;
}

export interface TestAccount {
  userId: string;
  /** Cookie and CSRF headers for app.inject(). */
  headers: Record<string, string>;
}

export async function makeAccount(
  ctx: AppContext,
  opts: { kind: 'staff'; agencyId: string; roles: Role[] } | { kind: 'citizen' },
): Promise<TestAccount> {
  const [user] = await ctx.db
    .insert(users)
    .values({
      kind: opts.kind,
      email: `t-${randomBytes(6).toString('hex')}@contoh.go.id`,
      name: 'Akun Uji',
      agencyId: opts.kind === 'staff' ? opts.agencyId : null,
    })
    .returning({ id: users.id });
  if (opts.kind === 'staff') {
    for (const role of opts.roles) await ctx.db.insert(roleGrants).values({ userId: user!.id, role, agencyId: opts.agencyId });
  }
  const s = await createSession(ctx.db, user!.id, { now: ctx.clock.now(), ttlHours: 12, mfaPassed: true });
  return { userId: user!.id, headers: { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrfToken } };
}
