// A staff account with its first role grants. From the users admin the new member gets an invitation
// link to set a password (nobody else ever knows it); the CLI and the demo seed pass a password hash.
import { type AuditInput, recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import type { Tx } from '../db/client';
import { badRequest, conflict } from '../http/errors';
import { text } from '../i18n/messages';
import { enqueueEmail } from '../outbox/enqueue';
import { type AdminUserView, auditableUser, toAdminUserView } from './admin-user-view';
import { staffInviteMail } from './auth-mails';
import { resolveGrantTarget } from './grant-role';
import { HOUR_MS, issueToken } from './one-time-token';
import { normalizeEmail } from './password';
import { type StaffActor, adminRoleOf, assertCanManageUsers } from './policy';
import { resetLink } from './request-password-reset';
import type { Role } from './roles';
import { roleGrants, users } from './schema';
import { type GrantView, type UserRow, findAgency, findUserByEmail } from './user-queries';

export const INVITE_TTL_MS = 72 * HOUR_MS;

export interface NewGrant {
  role: Role;
  unitId: string | null;
}

export const emailTaken = () =>
  conflict(
    'EMAIL_TAKEN',
    text('Alamat e-mail ini sudah dipakai akun lain.', 'This e-mail address is used by another account.'),
  );

/** Inserts the account and its grants and records both in the ledger (the caller checked permissions). */
export async function insertStaffAccount(
  tx: Tx,
  input: {
    email: string;
    name: string;
    agencyId: string;
    phone?: string | null;
    passwordHash?: string | null;
    emailVerified?: boolean;
    grants: NewGrant[];
    actor: AuditInput['actor'];
    actorRole?: Role | null;
    now: Date;
  },
): Promise<{ user: UserRow; grantIds: string[] }> {
  const [user] = await tx
    .insert(users)
    .values({
      kind: 'staff',
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      phone: input.phone?.trim() || null,
      agencyId: input.agencyId,
      passwordHash: input.passwordHash ?? null,
      emailVerifiedAt: input.emailVerified ? input.now : null,
      createdAt: input.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!user) throw emailTaken();
  await recordAudit(tx, {
    actor: input.actor,
    role: input.actorRole ?? null,
    action: 'user.created',
    entityType: 'user',
    entityId: user.id,
    agencyId: input.agencyId,
    after: auditableUser(user),
    at: input.now,
  });
  const grantIds: string[] = [];
  for (const g of input.grants) {
    const [row] = await tx
      .insert(roleGrants)
      .values({ userId: user.id, role: g.role, agencyId: input.agencyId, unitId: g.unitId, createdAt: input.now })
      .returning({ id: roleGrants.id });
    grantIds.push(row!.id);
    await recordAudit(tx, {
      actor: input.actor,
      role: input.actorRole ?? null,
      action: 'user.role_granted',
      entityType: 'user',
      entityId: user.id,
      agencyId: input.agencyId,
      unitId: g.unitId,
      after: { grantId: row!.id, role: g.role, agencyId: input.agencyId, unitId: g.unitId },
      meta: { role: g.role, grantId: row!.id },
      at: input.now,
    });
  }
  return { user, grantIds };
}

/** Removes repeated (role, unit) pairs. */
export const uniqueGrants = (grants: NewGrant[]): NewGrant[] =>
  grants.filter((g, i) => grants.findIndex((o) => o.role === g.role && o.unitId === g.unitId) === i);

export async function createStaffUser(
  ctx: AppContext,
  actor: StaffActor,
  input: { email: string; name: string; agencyId?: string; phone?: string | null; grants: NewGrant[] },
): Promise<AdminUserView> {
  const now = ctx.clock.now();
  const agencyId = input.agencyId ?? actor.agencyId;
  assertCanManageUsers(actor, agencyId);
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw badRequest('UNKNOWN_AGENCY', text('Instansi tidak ditemukan.', 'No such agency.'));
  const grants = uniqueGrants(input.grants);
  const unitNames = new Map<string, string>();
  for (const g of grants) {
    const unit = await resolveGrantTarget(ctx.db, actor, agencyId, g.role, g.unitId);
    if (unit) unitNames.set(unit.id, unit.name);
  }
  if (await findUserByEmail(ctx.db, input.email)) throw emailTaken();
  const { user, grantIds } = await ctx.db.transaction(async (tx) => {
    const created = await insertStaffAccount(tx, {
      ...input,
      agencyId,
      grants,
      actor,
      actorRole: adminRoleOf(actor),
      now,
    });
    const token = await issueToken(tx, created.user.id, 'password_reset', INVITE_TTL_MS, now);
    await enqueueEmail(
      tx,
      staffInviteMail(created.user.email, created.user.name, agency.name, resetLink(ctx.config.publicUrl, token)),
      {
        now,
        agencyId,
      },
    );
    return created;
  });
  const views: GrantView[] = grants.map((g, i) => ({
    id: grantIds[i]!,
    role: g.role,
    agencyId,
    unitId: g.unitId,
    unitName: g.unitId ? (unitNames.get(g.unitId) ?? null) : null,
  }));
  return toAdminUserView(user, views);
}
