// Who may see and handle which complaints. Routes already require one of the roles below; these checks add
// the scope: an agency's complaints stay in that agency, unit staff act on complaints of their unit and the
// units below it, the agency admin (coordinator) on all of the agency's, inspectorate and pimpinan read.
import { type SQL, and, eq, or, sql } from 'drizzle-orm';
import type { Actor, Role } from '../../core/auth/roles';
import type { Queryable } from '../../core/db/client';
import { forbidden } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { isUnitWithin, unitWithinSql } from '../../core/org/unit-tree';
import { complaints } from './schema';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export const HANDLER_ROLES = ['operator_unit', 'kepala_unit'] as const satisfies readonly Role[];
export const COORDINATOR_ROLES = ['admin_instansi', 'platform_admin'] as const satisfies readonly Role[];
export const READER_ROLES = ['inspektorat', 'pimpinan'] as const satisfies readonly Role[];
/** Every role that opens the complaints console. */
export const CONSOLE_ROLES = [...HANDLER_ROLES, ...COORDINATOR_ROLES, ...READER_ROLES] as const;
export const ADMIN_ROLES = COORDINATOR_ROLES;

const isPlatformAdmin = (a: StaffActor) => a.grants.some((g) => g.role === 'platform_admin');
const notYours = () => forbidden(text('Laporan ini bukan di lingkup unit Anda.', 'This report is outside your units.'));

/** Agency admin (or platform admin): configures and re-routes. Returns the role acted in. */
export function assertCoordinator(actor: StaffActor, agencyId: string): Role {
  if (isPlatformAdmin(actor)) return 'platform_admin';
  if (actor.grants.some((g) => g.role === 'admin_instansi' && g.agencyId === agencyId && g.unitId === null))
    return 'admin_instansi';
  throw forbidden(text('Hanya admin instansi yang dapat melakukan ini.', 'Only the agency admin can do this.'));
}

export const isCoordinator = (actor: StaffActor, agencyId: string) =>
  isPlatformAdmin(actor) ||
  actor.grants.some((g) => g.role === 'admin_instansi' && g.agencyId === agencyId && g.unitId === null);

/**
 * The SQL condition for the complaints an actor may list: their agency, narrowed to the active unit and
 * below when one is chosen, else to the units their grants cover.
 */
export async function listScope(q: Queryable, actor: StaffActor, activeUnitId: string | null): Promise<SQL> {
  const agencyCond = eq(complaints.agencyId, actor.agencyId);
  if (activeUnitId) {
    const covered = await coveringGrant(q, actor, activeUnitId, [
      ...HANDLER_ROLES,
      ...COORDINATOR_ROLES,
      ...READER_ROLES,
    ]);
    if (!covered) throw notYours();
    return and(agencyCond, unitWithinSql(complaints.unitId, activeUnitId))!;
  }
  const grants = actor.grants.filter((g) => g.agencyId === actor.agencyId);
  if (isPlatformAdmin(actor) || grants.some((g) => g.unitId === null)) return agencyCond;
  const parts = grants.map((g) => unitWithinSql(complaints.unitId, g.unitId!));
  return parts.length ? and(agencyCond, or(...parts))! : sql`false`;
}

async function coveringGrant(
  q: Queryable,
  actor: StaffActor,
  unitId: string | null,
  roles: readonly Role[],
): Promise<Role | null> {
  for (const g of actor.grants) {
    if (!roles.includes(g.role) || g.agencyId !== actor.agencyId) continue;
    if (g.unitId === null) return g.role;
    if (unitId && (await isUnitWithin(q, unitId, g.unitId))) return g.role;
  }
  return null;
}

interface Target {
  agencyId: string;
  unitId: string | null;
  supportUnitIds: string[];
}

/** May read the complaint (detail, timeline, attachments). Returns the role. */
export async function assertCanRead(q: Queryable, actor: StaffActor, c: Target): Promise<Role> {
  if (isPlatformAdmin(actor)) return 'platform_admin';
  if (c.agencyId !== actor.agencyId) throw notYours();
  const role =
    (await coveringGrant(q, actor, c.unitId, [...HANDLER_ROLES, 'admin_instansi', ...READER_ROLES])) ??
    (await supportRole(q, actor, c));
  if (!role) throw notYours();
  return role;
}

async function supportRole(q: Queryable, actor: StaffActor, c: Target): Promise<Role | null> {
  for (const u of c.supportUnitIds) {
    const r = await coveringGrant(q, actor, u, HANDLER_ROLES);
    if (r) return r;
  }
  return null;
}

/** May change the complaint (verify, dispose, reply, close …): the lead unit's staff or the coordinator. */
export async function assertCanHandle(q: Queryable, actor: StaffActor, c: Target): Promise<Role> {
  if (isCoordinator(actor, c.agencyId)) return isPlatformAdmin(actor) ? 'platform_admin' : 'admin_instansi';
  if (c.agencyId !== actor.agencyId) throw notYours();
  const role = await coveringGrant(q, actor, c.unitId, HANDLER_ROLES);
  if (!role) throw notYours();
  return role;
}

/** May write replies and notes: the lead unit, supporting units, or the coordinator. */
export async function assertCanContribute(q: Queryable, actor: StaffActor, c: Target): Promise<Role> {
  if (isCoordinator(actor, c.agencyId)) return isPlatformAdmin(actor) ? 'platform_admin' : 'admin_instansi';
  if (c.agencyId !== actor.agencyId) throw notYours();
  const role = (await coveringGrant(q, actor, c.unitId, HANDLER_ROLES)) ?? (await supportRole(q, actor, c));
  if (!role) throw notYours();
  return role;
}

/** A disposition target must lie below the actor's own unit (coordinators: anywhere in the agency). */
export async function assertCanDisposeTo(
  q: Queryable,
  actor: StaffActor,
  agencyId: string,
  unitId: string,
): Promise<void> {
  if (isCoordinator(actor, agencyId)) return;
  const ok = await coveringGrant(q, actor, unitId, HANDLER_ROLES);
  if (!ok) throw forbidden(text('Unit tujuan berada di luar unit Anda.', 'The target unit lies outside your units.'));
}
