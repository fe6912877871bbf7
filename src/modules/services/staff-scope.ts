// Which staff see which applications: those holding a role in the application's agency. Finer: a step is
// acted on only by who holds it (act-on-application.ts).
import type { Actor, Role } from '../../core/auth/roles';

export function holdsAnyRole(actor: Actor, agencyId: string, roles: Role[]): Role | null {
  if (actor.kind !== 'staff') return null;
  if (actor.grants.some((g) => g.role === 'platform_admin') && roles.includes('admin_instansi'))
    return 'platform_admin';
  return actor.grants.find((g) => g.agencyId === agencyId && roles.includes(g.role))?.role ?? null;
}

export const staffAgencyIds = (actor: Actor): string[] =>
  actor.kind === 'staff' ? [...new Set(actor.grants.map((g) => g.agencyId))] : [];
