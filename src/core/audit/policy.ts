// Who may read which ledger entries: the platform admin all of them; an agency's admin and its
// inspectorate (APIP) the entries of their own agency.
import type { Actor, Role } from '../auth/roles';
import { forbidden } from '../http/errors';

export const AUDIT_READER_ROLES = [
  'inspektorat',
  'admin_instansi',
  'platform_admin',
] as const satisfies readonly Role[];

export type AuditScope = { all: true } | { all: false; agencyIds: string[] };

export function auditScope(actor: Actor): AuditScope {
  if (actor.kind !== 'staff') throw forbidden();
  if (actor.grants.some((g) => g.role === 'platform_admin')) return { all: true };
  const agencyIds = [
    ...new Set(
      actor.grants.filter((g) => g.role === 'inspektorat' || g.role === 'admin_instansi').map((g) => g.agencyId),
    ),
  ];
  if (!agencyIds.length) throw forbidden();
  return { all: false, agencyIds };
}
