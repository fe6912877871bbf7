// Staff roles. A role is held in a unit scope (and below it) or, with unitId null, across the whole agency.
import { type Text, text } from '../i18n/messages';

export const ROLES = [
  'platform_admin',
  'admin_instansi',
  'operator_unit',
  'kepala_unit',
  'inspektorat',
  'ppid',
  'bkpsdm',
  'pimpinan',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Text> = {
  platform_admin: text('Admin platform', 'Platform admin'),
  admin_instansi: text('Admin instansi', 'Agency admin'),
  operator_unit: text('Operator unit', 'Unit operator'),
  kepala_unit: text('Kepala unit', 'Head of unit'),
  inspektorat: text('Inspektorat (APIP)', 'Inspectorate'),
  ppid: text('PPID', 'Information officer (PPID)'),
  bkpsdm: text('BKPSDM (kepegawaian)', 'Civil service HR (BKPSDM)'),
  pimpinan: text('Pimpinan', 'Leadership'),
};

export interface RoleGrant {
  role: Role;
  agencyId: string;
  /** null: the whole agency. */
  unitId: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; userId: string; sessionId: string; name: string }
  | { kind: 'staff'; userId: string; sessionId: string; name: string; agencyId: string; grants: RoleGrant[] };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'staff' && actor.grants.some((g) => roles.includes(g.role));
}
