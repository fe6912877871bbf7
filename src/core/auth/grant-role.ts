// Grants a role to a staff account, in a unit of its agency or agency-wide (unitId null).
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import type { Queryable } from '../db/client';
import { badRequest, conflict, notFound } from '../http/errors';
import { text } from '../i18n/messages';
import { type StaffActor, type UnitRef, adminRoleOf, assertCanGrant, assertCanManageUsers } from './policy';
import type { Role } from './roles';
import { roleGrants } from './schema';
import { type GrantView, findUnit, findUserById } from './user-queries';

export const staffNotFound = () => notFound(text('Pengguna tidak ditemukan.', 'No such user.'));

/** Checks that `unitId` is a unit of `agencyId` and that the actor may grant `role` there. */
export async function resolveGrantTarget(
  q: Queryable,
  actor: StaffActor,
  agencyId: string,
  role: Role,
  unitId: string | null,
): Promise<(UnitRef & { name: string }) | null> {
  let unit: (UnitRef & { name: string }) | null = null;
  if (unitId !== null) {
    const found = await findUnit(q, unitId);
    if (!found || found.agencyId !== agencyId) {
      throw badRequest(
        'UNIT_NOT_IN_AGENCY',
        text('Unit tidak ditemukan di instansi ini.', 'No such unit in this agency.'),
      );
    }
    unit = found;
  }
  if (role === 'platform_admin' && unit) {
    throw badRequest(
      'PLATFORM_ADMIN_AGENCY_WIDE',
      text('Peran admin platform tidak terikat unit.', 'The platform admin role is not held in a unit.'),
    );
  }
  assertCanGrant(actor, { agencyId, role, unit });
  return unit;
}

export async function grantRole(
  ctx: AppContext,
  actor: StaffActor,
  userId: string,
  input: { role: Role; unitId: string | null },
): Promise<GrantView> {
  const now = ctx.clock.now();
  const user = await findUserById(ctx.db, userId);
  if (user?.kind !== 'staff' || !user.agencyId) throw staffNotFound();
  const agencyId = user.agencyId;
  assertCanManageUsers(actor, agencyId);
  const unit = await resolveGrantTarget(ctx.db, actor, agencyId, input.role, input.unitId);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, userId),
          eq(roleGrants.role, input.role),
          input.unitId === null ? isNull(roleGrants.unitId) : eq(roleGrants.unitId, input.unitId),
        ),
      )
      .limit(1);
    if (dup)
      throw conflict(
        'GRANT_EXISTS',
        text('Pengguna sudah memegang peran ini di sini.', 'The user holds this role here already.'),
      );
    const [grant] = await tx
      .insert(roleGrants)
      .values({ userId, role: input.role, agencyId, unitId: input.unitId, createdAt: now })
      .returning();
    await recordAudit(tx, {
      actor,
      role: adminRoleOf(actor),
      action: 'user.role_granted',
      entityType: 'user',
      entityId: userId,
      agencyId,
      unitId: input.unitId,
      after: { grantId: grant!.id, role: input.role, agencyId, unitId: input.unitId },
      meta: { role: input.role, grantId: grant!.id },
      at: now,
    });
    return { id: grant!.id, role: input.role, agencyId, unitId: input.unitId, unitName: unit?.name ?? null };
  });
}
