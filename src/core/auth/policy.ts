// Who may manage accounts and role grants. Routes already require admin_instansi or platform_admin;
// these checks add the agency and unit scope.
//   - platform_admin: every agency, every role.
//   - admin_instansi: only its own agency; never platform_admin. An agency-wide admin_instansi grant covers
//     every unit; one held in a unit covers that unit and the units below it, not agency-wide grants.
import { forbidden } from '../http/errors';
import { text } from '../i18n/messages';
import type { Actor, Role, RoleGrant } from './roles';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
/** A unit as the scope checks need it: its id and materialised path of ancestor ids ('/a/b/'). */
export interface UnitRef {
  id: string;
  path: string;
}

export const isPlatformAdmin = (actor: Actor): boolean =>
  actor.kind === 'staff' && actor.grants.some((g) => g.role === 'platform_admin');

/** The ids of a unit and of every unit above it. */
export const unitLineage = (unit: UnitRef): string[] => [...unit.path.split('/').filter(Boolean), unit.id];

/** Whether a grant reaches `unit` of `agencyId` (null: the whole agency). */
export function grantCovers(
  grant: Pick<RoleGrant, 'agencyId' | 'unitId'>,
  agencyId: string,
  unit: UnitRef | null,
): boolean {
  if (grant.agencyId !== agencyId) return false;
  if (grant.unitId === null) return true;
  return unit !== null && unitLineage(unit).includes(grant.unitId);
}

const otherAgency = () =>
  forbidden(
    text('Anda hanya dapat mengelola pengguna instansi Anda sendiri.', 'You can only manage users of your own agency.'),
  );

/** Listing, creating and (de)activating the accounts of an agency. */
export function assertCanManageUsers(actor: Actor, agencyId: string): asserts actor is StaffActor {
  if (actor.kind !== 'staff') throw forbidden();
  if (isPlatformAdmin(actor)) return;
  if (actor.grants.some((g) => g.role === 'admin_instansi' && g.agencyId === agencyId)) return;
  throw otherAgency();
}

/** Granting or revoking `role` in `unit` (null: agency-wide) of `agencyId`. */
export function assertCanGrant(actor: Actor, target: { agencyId: string; role: Role; unit: UnitRef | null }): void {
  if (actor.kind !== 'staff') throw forbidden();
  if (isPlatformAdmin(actor)) return;
  if (target.role === 'platform_admin') {
    throw forbidden(
      text(
        'Hanya admin platform yang dapat memberi atau mencabut peran admin platform.',
        'Only a platform admin can grant or revoke the platform admin role.',
      ),
    );
  }
  const admin = actor.grants.filter((g) => g.role === 'admin_instansi' && g.agencyId === target.agencyId);
  if (!admin.length) throw otherAgency();
  if (admin.some((g) => grantCovers(g, target.agencyId, target.unit))) return;
  throw forbidden(
    text('Peran ini berada di luar unit yang Anda kelola.', 'This role lies outside the units you manage.'),
  );
}

/** Changing an account that holds `targetGrants` (deactivation, second-factor reset). */
export function assertCanChangeAccount(
  actor: Actor,
  agencyId: string,
  targetUserId: string,
  targetGrants: Pick<RoleGrant, 'role'>[],
): void {
  assertCanManageUsers(actor, agencyId);
  if (actor.userId === targetUserId) {
    throw forbidden(
      text('Anda tidak dapat melakukan ini pada akun Anda sendiri.', 'You cannot do this to your own account.'),
    );
  }
  if (!isPlatformAdmin(actor) && targetGrants.some((g) => g.role === 'platform_admin')) {
    throw forbidden(
      text(
        'Hanya admin platform yang dapat mengubah akun admin platform.',
        'Only a platform admin can change a platform admin account.',
      ),
    );
  }
}

/** Whether a staff member may work in `unit` (the console's unit switcher): a grant in it or above it. */
export const mayActInUnit = (grants: RoleGrant[], agencyId: string, unit: UnitRef): boolean =>
  grants.some((g) => grantCovers(g, agencyId, unit));

/** The role an account administrator acts in, for the audit ledger. */
export const adminRoleOf = (actor: Actor): Role => (isPlatformAdmin(actor) ? 'platform_admin' : 'admin_instansi');
