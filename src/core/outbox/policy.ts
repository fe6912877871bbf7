// Who sees which outbox rows: a platform admin all of them, an agency admin only its agency's rows.
import type { Actor } from '../auth/roles';
import { forbidden } from '../http/errors';

export type OutboxScope =
  | { all: true; role: 'platform_admin' }
  | { all: false; role: 'admin_instansi'; agencyIds: string[] };

export function outboxScope(actor: Actor): OutboxScope {
  if (actor.kind !== 'staff') throw forbidden();
  if (actor.grants.some((g) => g.role === 'platform_admin')) return { all: true, role: 'platform_admin' };
  const agencyIds = [...new Set(actor.grants.filter((g) => g.role === 'admin_instansi').map((g) => g.agencyId))];
  if (agencyIds.length === 0) throw forbidden();
  return { all: false, role: 'admin_instansi', agencyIds };
}

export const inScope = (scope: OutboxScope, agencyId: string | null) =>
  scope.all || (agencyId !== null && scope.agencyIds.includes(agencyId));
