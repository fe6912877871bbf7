// Users and roles: staff accounts of the agency a page at a time, a form to add one (invited by e-mail),
// and per account the roles it holds, each revocable, with a form to grant another.
import { type FormEvent, useId, useState } from 'react';
import { SelectField, TextField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading, Notice } from '../../components/Status';
import { useI18n } from '../../lib/i18n/i18n';
import { ROLES, type Role, sortGrants } from '../auth/auth-api';
import { roleLabelKey } from '../console/labels';
import { useMe } from '../console/me-context';
import { UnitOptions } from '../units/UnitOptions';
import { type UnitNode, toTree, useUnits } from '../units/units-api';
import { type AdminUser, PAGE_SIZE, useUserMutations, useUsers } from './users-api';

/** Roles an agency admin may hand out (platform admin only by a platform admin). */
function grantableRoles(isPlatformAdmin: boolean): Role[] {
  return ROLES.filter((r) => isPlatformAdmin || r !== 'platform_admin');
}

export function UsersPage() {
  const { t } = useI18n();
  usePageTitle(t('users.title'));
  const me = useMe();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const users = useUsers(page, q);
  const units = useUnits(me.agency?.slug);
  const tree = units.data ? toTree(units.data) : [];
  const roles = grantableRoles(me.grants.some((g) => g.role === 'platform_admin'));
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>{t('users.title')}</h1>
      <CreateUser tree={tree} roles={roles} />
      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t('users.listTitle')}</h2>
        <search aria-label={t('users.searchForm')}>
          <form
            className="form inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              setPage(1);
              setQ(search.trim());
            }}
          >
            <TextField
              label={t('users.search')}
              type="search"
              name="q"
              maxLength={100}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <button type="submit" className="button button-secondary">
              {t('common.search')}
            </button>
          </form>
        </search>
        {units.error ? <ErrorAlert error={units.error} /> : null}
        {users.isPending ? (
          <Loading />
        ) : users.error ? (
          <ErrorAlert error={users.error} />
        ) : users.data.items.length === 0 ? (
          <Empty>{q ? t('users.emptySearch', { q }) : t('users.empty')}</Empty>
        ) : (
          <>
            <p className="muted">{t('users.count', { total: users.data.total })}</p>
            <ul className="user-list">
              {users.data.items.map((u) => (
                <UserItem key={u.id} user={u} tree={tree} roles={roles} />
              ))}
            </ul>
            <Pager page={page} pages={pages} onPage={setPage} />
          </>
        )}
      </section>
    </>
  );
}

function RoleSelect({ roles, value, onChange }: { roles: Role[]; value: Role | ''; onChange(r: Role | ''): void }) {
  const { t } = useI18n();
  return (
    <SelectField label={t('users.role')} value={value} onChange={(e) => onChange(e.target.value as Role | '')} required>
      <option value="">{t('users.chooseRole')}</option>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(roleLabelKey(r))}
        </option>
      ))}
    </SelectField>
  );
}

function ScopeSelect({
  tree,
  value,
  onChange,
  disabled,
}: {
  tree: UnitNode[];
  value: string;
  onChange(v: string): void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  return (
    <SelectField label={t('users.scope')} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
      <option value="">{t('users.agencyWide')}</option>
      <UnitOptions tree={tree} />
    </SelectField>
  );
}

function CreateUser({ tree, roles }: { tree: UnitNode[]; roles: Role[] }) {
  const { t } = useI18n();
  const { create } = useUserMutations();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [unitId, setUnitId] = useState('');
  const [done, setDone] = useState<{ name: string; email: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    create.mutate(
      {
        name: name.trim(),
        email: email.trim(),
        grants: role ? [{ role, unitId: role === 'platform_admin' ? null : unitId || null }] : [],
      },
      {
        onSuccess: (u) => {
          setDone({ name: u.name, email: u.email });
          setName('');
          setEmail('');
          setRole('');
          setUnitId('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="create-user-title" className="panel">
      <h2 id="create-user-title">{t('users.createTitle')}</h2>
      <p className="muted">{t('users.createLead')}</p>
      <form className="form" onSubmit={submit} aria-labelledby="create-user-title">
        <TextField
          label={t('users.name')}
          name="name"
          required
          minLength={2}
          maxLength={120}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('users.email')}
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <div className="form-row">
          <RoleSelect roles={roles} value={role} onChange={setRole} />
          <ScopeSelect tree={tree} value={unitId} onChange={setUnitId} disabled={role === 'platform_admin'} />
        </div>
        <ErrorAlert error={create.error} />
        {done ? <Notice>{t('users.created', done)}</Notice> : null}
        <button type="submit" className="button" disabled={create.isPending}>
          {t('users.create')}
        </button>
      </form>
    </section>
  );
}

function UserItem({ user, tree, roles }: { user: AdminUser; tree: UnitNode[]; roles: Role[] }) {
  const { t } = useI18n();
  const { grant, revoke } = useUserMutations();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role | ''>('');
  const [unitId, setUnitId] = useState('');
  const headingId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!role) return;
    grant.mutate(
      { userId: user.id, grant: { role, unitId: role === 'platform_admin' ? null : unitId || null } },
      {
        onSuccess: () => {
          setOpen(false);
          setRole('');
          setUnitId('');
        },
      },
    );
  };
  return (
    <li className="card user-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{user.name}</h3>
      <p className="muted break">{user.email}</p>
      <p className="chips">
        <span className={`badge ${user.active ? 'badge-ok' : 'badge-off'}`}>
          {user.active ? t('users.active') : t('users.inactive')}
        </span>{' '}
        <span className="badge">{user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</span>
      </p>
      <h4>{t('users.roles')}</h4>
      {user.grants.length === 0 ? (
        <p className="state state-empty">{t('users.noRoles')}</p>
      ) : (
        <ul className="grant-list">
          {sortGrants(user.grants).map((g) => {
            const where = g.unitId ? (g.unitName ?? '') : t('users.agencyWide');
            const roleName = t(roleLabelKey(g.role));
            return (
              <li key={g.id}>
                <span>
                  <strong>{roleName}</strong> · {where}
                </span>
                <button
                  type="button"
                  className="button button-danger button-small"
                  disabled={revoke.isPending}
                  aria-label={t('users.revokeLabel', { role: roleName, where, name: user.name })}
                  onClick={() => revoke.mutate({ userId: user.id, grantId: g.id })}
                >
                  {t('users.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorAlert error={revoke.error} />
      {open ? (
        <form className="form" onSubmit={submit} aria-label={t('users.grantFor', { name: user.name })}>
          <div className="form-row">
            <RoleSelect roles={roles} value={role} onChange={setRole} />
            <ScopeSelect tree={tree} value={unitId} onChange={setUnitId} disabled={role === 'platform_admin'} />
          </div>
          <ErrorAlert error={grant.error} />
          <div className="actions">
            <button type="submit" className="button" disabled={grant.isPending || !role}>
              {t('users.grant')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setOpen(false);
                grant.reset();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setOpen(true)}
          aria-label={t('users.grantFor', { name: user.name })}
        >
          {t('users.grantOpen')}
        </button>
      )}
    </li>
  );
}
