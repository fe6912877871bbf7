// Reads shared by the auth use cases: accounts by e-mail, grants with their unit names, the public view of an account.
import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { agencies, units } from '../org/schema';
import { normalizeEmail } from './password';
import type { Role } from './roles';
import { roleGrants, users } from './schema';

export type UserRow = typeof users.$inferSelect;

export interface UserView {
  id: string;
  kind: 'staff' | 'citizen';
  email: string;
  name: string;
  phone: string | null;
  agencyId: string | null;
  emailVerified: boolean;
  totpEnabled: boolean;
}

export const toUserView = (u: UserRow): UserView => ({
  id: u.id,
  kind: u.kind,
  email: u.email,
  name: u.name,
  phone: u.phone,
  agencyId: u.agencyId,
  emailVerified: u.emailVerifiedAt !== null,
  totpEnabled: u.totpEnabledAt !== null,
});

export interface GrantView {
  id: string;
  role: Role;
  agencyId: string;
  unitId: string | null;
  unitName: string | null;
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  const [u] = await q
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return u;
}

export async function findUserById(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [u] = await q.select().from(users).where(eq(users.id, id)).limit(1);
  return u;
}

/** Grants of these users with unit names, by user id, in a stable order. */
export async function grantsOf(q: Queryable, userIds: string[]): Promise<Map<string, GrantView[]>> {
  const out = new Map<string, GrantView[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return out;
  const rows = await q
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      agencyId: roleGrants.agencyId,
      unitId: roleGrants.unitId,
      unitName: units.name,
    })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(roleGrants.createdAt, roleGrants.id);
  for (const r of rows) {
    out
      .get(r.userId)
      ?.push({ id: r.id, role: r.role as Role, agencyId: r.agencyId, unitId: r.unitId, unitName: r.unitName });
  }
  return out;
}

export async function findAgency(q: Queryable, id: string) {
  const [a] = await q
    .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, id))
    .limit(1);
  return a;
}

export async function findUnit(q: Queryable, id: string) {
  const [u] = await q
    .select({ id: units.id, agencyId: units.agencyId, name: units.name, path: units.path, active: units.active })
    .from(units)
    .where(eq(units.id, id))
    .limit(1);
  return u;
}
