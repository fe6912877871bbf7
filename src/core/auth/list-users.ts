// The staff accounts of one agency, a page at a time, optionally filtered by name or e-mail.
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { type AdminUserView, toAdminUserView } from './admin-user-view';
import { type StaffActor, assertCanManageUsers } from './policy';
import { users } from './schema';
import { grantsOf } from './user-queries';

export interface ListUsersQuery {
  agencyId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listUsers(
  ctx: AppContext,
  actor: StaffActor,
  query: ListUsersQuery,
): Promise<{ items: AdminUserView[]; total: number; page: number; pageSize: number }> {
  const agencyId = query.agencyId ?? actor.agencyId;
  assertCanManageUsers(actor, agencyId);
  const term = query.q?.trim();
  const where = and(
    eq(users.agencyId, agencyId),
    eq(users.kind, 'staff'),
    term ? or(ilike(users.name, `%${escapeLike(term)}%`), ilike(users.email, `%${escapeLike(term)}%`)) : undefined,
  );
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  const rows = await ctx.db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const grants = await grantsOf(
    ctx.db,
    rows.map((u) => u.id),
  );
  return {
    items: rows.map((u) => toAdminUserView(u, grants.get(u.id) ?? [])),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
