// Who may change agencies and units. Routes already require admin_instansi or platform_admin; these
// checks add the scope: a platform admin acts in every agency, an agency admin only in its own
// (`actor.agencyId`, with an admin_instansi grant there). Agencies themselves: platform admin only.
import type { Actor } from '../auth/roles';
import { forbidden } from '../http/errors';
import { text } from '../i18n/messages';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type OrgAdminRole = 'platform_admin' | 'admin_instansi';
export const ORG_ADMIN_ROLES = ['platform_admin', 'admin_instansi'] as const;

export const isPlatformAdmin = (actor: Actor): boolean =>
  actor.kind === 'staff' && actor.grants.some((g) => g.role === 'platform_admin');

/** Throws 403 unless the actor may manage the units (and calendar) of `agencyId`; returns the role acted in. */
export function assertCanManageAgency(actor: Actor, agencyId: string): OrgAdminRole {
  if (actor.kind !== 'staff') throw forbidden();
  if (isPlatformAdmin(actor)) return 'platform_admin';
  if (actor.agencyId === agencyId && actor.grants.some((g) => g.role === 'admin_instansi' && g.agencyId === agencyId)) {
    return 'admin_instansi';
  }
  throw forbidden(text('Anda hanya dapat mengelola instansi Anda sendiri.', 'You can only manage your own agency.'));
}

/** Throws 403 unless the actor is a platform admin (creating and changing agencies, national holidays). */
export function assertPlatformAdmin(actor: Actor): 'platform_admin' {
  if (isPlatformAdmin(actor)) return 'platform_admin';
  throw forbidden(text('Hanya admin platform yang dapat melakukan ini.', 'Only a platform admin can do this.'));
}
