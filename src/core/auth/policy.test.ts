import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { assertCanChangeAccount, assertCanGrant, assertCanManageUsers, grantCovers, mayActInUnit } from './policy';
import type { Actor, RoleGrant } from './roles';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
// Units of agency A: dinas > bidang > seksi, and a sibling dinas.
const dinas = { id: 'd0000000-0000-4000-8000-000000000001', path: '/d0000000-0000-4000-8000-000000000001/' };
const bidang = {
  id: 'b1000000-0000-4000-8000-000000000001',
  path: `${dinas.path}b1000000-0000-4000-8000-000000000001/`,
};
const sibling = { id: 's0000000-0000-4000-8000-000000000001', path: '/s0000000-0000-4000-8000-000000000001/' };

const staff = (grants: RoleGrant[], agencyId = A): Actor => ({
  kind: 'staff',
  userId: 'u0000000-0000-4000-8000-000000000001',
  sessionId: 's',
  name: 'X',
  agencyId,
  grants,
});
const status = (f: () => void) => {
  try {
    f();
    return 'allowed';
  } catch (e) {
    return e instanceof AppError ? e.statusCode : 'other';
  }
};

describe('grant scope', () => {
  it('an agency-wide grant covers every unit; a unit grant covers the unit and below only', () => {
    expect(grantCovers({ agencyId: A, unitId: null }, A, bidang)).toBe(true);
    expect(grantCovers({ agencyId: A, unitId: null }, A, null)).toBe(true);
    expect(grantCovers({ agencyId: A, unitId: dinas.id }, A, dinas)).toBe(true);
    expect(grantCovers({ agencyId: A, unitId: dinas.id }, A, bidang)).toBe(true);
    expect(grantCovers({ agencyId: A, unitId: bidang.id }, A, dinas)).toBe(false);
    expect(grantCovers({ agencyId: A, unitId: dinas.id }, A, sibling)).toBe(false);
    expect(grantCovers({ agencyId: A, unitId: dinas.id }, A, null)).toBe(false);
    expect(grantCovers({ agencyId: B, unitId: null }, A, dinas)).toBe(false);
    expect(mayActInUnit([{ role: 'operator_unit', agencyId: A, unitId: dinas.id }], A, bidang)).toBe(true);
    expect(mayActInUnit([{ role: 'operator_unit', agencyId: A, unitId: bidang.id }], A, sibling)).toBe(false);
  });
});

describe('users admin policy', () => {
  const adminA = staff([{ role: 'admin_instansi', agencyId: A, unitId: null }]);
  const unitAdminA = staff([{ role: 'admin_instansi', agencyId: A, unitId: dinas.id }]);
  const platform = staff([{ role: 'platform_admin', agencyId: B, unitId: null }], B);
  const operator = staff([{ role: 'operator_unit', agencyId: A, unitId: dinas.id }]);

  it('manages only the own agency, unless platform admin', () => {
    expect(status(() => assertCanManageUsers(adminA, A))).toBe('allowed');
    expect(status(() => assertCanManageUsers(adminA, B))).toBe(403);
    expect(status(() => assertCanManageUsers(operator, A))).toBe(403);
    expect(status(() => assertCanManageUsers(platform, A))).toBe('allowed');
    expect(status(() => assertCanManageUsers({ kind: 'anonymous' }, A))).toBe(403);
  });

  it('grants within its scope, never platform_admin', () => {
    expect(status(() => assertCanGrant(adminA, { agencyId: A, role: 'ppid', unit: sibling }))).toBe('allowed');
    expect(status(() => assertCanGrant(adminA, { agencyId: A, role: 'platform_admin', unit: null }))).toBe(403);
    expect(status(() => assertCanGrant(adminA, { agencyId: B, role: 'ppid', unit: null }))).toBe(403);
    expect(status(() => assertCanGrant(unitAdminA, { agencyId: A, role: 'operator_unit', unit: bidang }))).toBe(
      'allowed',
    );
    expect(status(() => assertCanGrant(unitAdminA, { agencyId: A, role: 'operator_unit', unit: sibling }))).toBe(403);
    expect(status(() => assertCanGrant(unitAdminA, { agencyId: A, role: 'pimpinan', unit: null }))).toBe(403);
    expect(status(() => assertCanGrant(platform, { agencyId: A, role: 'platform_admin', unit: null }))).toBe('allowed');
  });

  it('never changes its own account; only a platform admin changes a platform admin', () => {
    const self = (adminA as { userId: string }).userId;
    expect(status(() => assertCanChangeAccount(adminA, A, self, []))).toBe(403);
    expect(status(() => assertCanChangeAccount(adminA, A, 'other', [{ role: 'operator_unit' }]))).toBe('allowed');
    expect(status(() => assertCanChangeAccount(adminA, A, 'other', [{ role: 'platform_admin' }]))).toBe(403);
    expect(status(() => assertCanChangeAccount(platform, A, 'other', [{ role: 'platform_admin' }]))).toBe('allowed');
  });
});
