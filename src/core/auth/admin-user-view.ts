// The account as the users admin sees it: the public view plus state and grants (with unit names).
import type { GrantView, UserRow, UserView } from './user-queries';
import { toUserView } from './user-queries';

export interface AdminUserView extends UserView {
  active: boolean;
  createdAt: string;
  grants: GrantView[];
}

export const toAdminUserView = (u: UserRow, grants: GrantView[]): AdminUserView => ({
  ...toUserView(u),
  active: u.active,
  createdAt: u.createdAt.toISOString(),
  grants,
});

/** What an audit entry digests about an account: no password hash, no second-factor secrets. */
export const auditableUser = (u: UserRow) => ({
  id: u.id,
  kind: u.kind,
  email: u.email,
  name: u.name,
  phone: u.phone,
  agencyId: u.agencyId,
  active: u.active,
});
