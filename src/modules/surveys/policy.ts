// Who may do what with the survey of a unit.
//   - admin_instansi, kepala_unit, operator_unit with a grant in the unit or above it (the unit subtree)
//     manage its questions, kiosks, population figures, follow-up plans and publishing, and read its reports.
//   - pimpinan reads every report of the agency (a pimpinan grant held in a unit reads that subtree).
//   - The agency's weight convention: an agency-wide admin_instansi.
import { grantCovers } from '../../core/auth/policy';
import type { Actor, Role } from '../../core/auth/roles';
import type { Queryable } from '../../core/db/client';
import { forbidden, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { findUnit, type UnitView } from '../../core/org/unit-tree';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export const MANAGE_ROLES = ['admin_instansi', 'kepala_unit', 'operator_unit'] as const satisfies readonly Role[];
export const READ_ROLES = [...MANAGE_ROLES, 'pimpinan'] as const satisfies readonly Role[];

const outOfScope = () =>
  forbidden(text('Unit ini berada di luar lingkup tugas Anda.', 'This unit is outside your scope.'));

/** The role in which the actor may act on `unit`, from `roles`; undefined when none covers it. */
function roleCovering(actor: Actor, roles: readonly Role[], unit: UnitView): Role | undefined {
  if (actor.kind !== 'staff') return undefined;
  return actor.grants.find((g) => roles.includes(g.role) && grantCovers(g, unit.agencyId, unit))?.role;
}

export async function loadUnit(q: Queryable, unitId: string): Promise<UnitView> {
  const unit = await findUnit(q, unitId);
  if (!unit) throw notFound(text('Unit tidak ditemukan.', 'Unit not found.'));
  return unit;
}

/** Throws 403 unless the actor manages the survey of `unit`; returns the role acted in (for the ledger). */
export function assertCanManageUnit(actor: Actor, unit: UnitView): Role {
  const role = roleCovering(actor, MANAGE_ROLES, unit);
  if (!role) throw outOfScope();
  return role;
}

export function assertCanReadUnit(actor: Actor, unit: UnitView): void {
  if (!roleCovering(actor, READ_ROLES, unit)) throw outOfScope();
}

/** Agency-wide reports: pimpinan or admin_instansi holding an agency-wide grant. */
export function assertCanReadAgency(actor: Actor, agencyId: string): void {
  if (actor.kind !== 'staff') throw forbidden();
  const ok = actor.grants.some(
    (g) => (g.role === 'pimpinan' || g.role === 'admin_instansi') && g.agencyId === agencyId && g.unitId === null,
  );
  if (!ok) {
    throw forbidden(
      text(
        'Laporan seluruh instansi hanya untuk pimpinan dan admin instansi.',
        'Agency-wide reports are for leadership and agency admins.',
      ),
    );
  }
}

export function assertCanConfigureAgency(actor: Actor, agencyId: string): void {
  if (actor.kind !== 'staff') throw forbidden();
  const ok = actor.grants.some((g) => g.role === 'admin_instansi' && g.agencyId === agencyId && g.unitId === null);
  if (!ok)
    throw forbidden(
      text(
        'Hanya admin instansi yang dapat mengubah pengaturan survei.',
        'Only an agency admin can change the survey settings.',
      ),
    );
}

export function staffAgency(actor: Actor): string {
  if (actor.kind !== 'staff') throw forbidden();
  return actor.agencyId;
}
