// The console's first page: who is signed in, their roles and where they hold them.
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { useI18n } from '../../lib/i18n/i18n';
import { ADMIN_ROLES, hasAnyRole, sortGrants } from '../auth/auth-api';
import { CoverageWarning } from '../calendar/CoverageWarning';
import { roleLabelKey } from './labels';
import { useMe } from './me-context';

export function ConsoleHome() {
  const { t } = useI18n();
  const me = useMe();
  usePageTitle(t('console.home.title'));
  const admin = hasAnyRole(me, ADMIN_ROLES);
  return (
    <>
      <h1>{t('console.home.welcome', { name: me.user.name })}</h1>
      {admin ? <CoverageWarning linkToCalendar /> : null}
      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('console.home.roles')}</h2>
        {me.grants.length === 0 ? (
          <p className="state state-empty">{t('console.home.noRoles')}</p>
        ) : (
          <ul className="role-list" data-testid="my-roles">
            {sortGrants(me.grants).map((g) => (
              <li key={g.id}>
                <span className="badge">{t(roleLabelKey(g.role))}</span>{' '}
                {g.unitId ? (g.unitName ?? '') : t('console.home.agencyWide')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="next-title">
        <h2 id="next-title">{t('console.home.next')}</h2>
        {admin ? (
          <ul className="cards">
            <li className="card">
              <h3>{t('nav.console.units')}</h3>
              <p>{t('console.home.unitsBody')}</p>
              <Link to="/konsol/unit">{t('console.home.open', { page: t('nav.console.units') })}</Link>
            </li>
            <li className="card">
              <h3>{t('nav.console.users')}</h3>
              <p>{t('console.home.usersBody')}</p>
              <Link to="/konsol/pengguna">{t('console.home.open', { page: t('nav.console.users') })}</Link>
            </li>
            <li className="card">
              <h3>{t('nav.console.calendar')}</h3>
              <p>{t('console.home.calendarBody')}</p>
              <Link to="/konsol/kalender">{t('console.home.open', { page: t('nav.console.calendar') })}</Link>
            </li>
            <li className="card">
              <h3>{t('nav.console.outbox')}</h3>
              <p>{t('console.home.outboxBody')}</p>
              <Link to="/konsol/outbox">{t('console.home.open', { page: t('nav.console.outbox') })}</Link>
            </li>
          </ul>
        ) : (
          <p className="state state-empty">{t('console.home.upcoming')}</p>
        )}
      </section>
    </>
  );
}

export function ConsoleNotFound() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/konsol">{t('nav.console.home')}</Link>
      </p>
    </>
  );
}
