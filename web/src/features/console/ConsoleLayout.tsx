// The signed-in console: header (agency, unit switcher, language, sign-out), navigation and the page.
// Sends signed-out visitors to the sign-in page and half-signed-in ones to the second factor.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ErrorAlert, Loading } from '../../components/Status';
import { type MessageKey, useI18n } from '../../lib/i18n/i18n';
import {
  ADMIN_ROLES,
  type Me,
  type Role,
  type SessionView,
  ME_KEY,
  hasAnyRole,
  logOut,
  useSession,
} from '../auth/auth-api';
import { MeContext } from './me-context';
import { UnitSwitcher } from './UnitSwitcher';

interface NavItem {
  to: string;
  label: MessageKey;
  roles?: readonly Role[];
}

const NAV: NavItem[] = [
  { to: '/konsol', label: 'nav.console.home' },
  { to: '/konsol/unit', label: 'nav.console.units', roles: ADMIN_ROLES },
  { to: '/konsol/pengguna', label: 'nav.console.users', roles: ADMIN_ROLES },
  { to: '/konsol/kalender', label: 'nav.console.calendar', roles: ADMIN_ROLES },
  { to: '/konsol/outbox', label: 'nav.console.outbox', roles: ADMIN_ROLES },
  { to: '/konsol/pengaduan', label: 'nav.console.complaints' },
  { to: '/konsol/pengaduan/impor', label: 'nav.console.complaintImport', roles: ADMIN_ROLES },
  { to: '/konsol/layanan', label: 'nav.console.services' },
  { to: '/konsol/survei', label: 'nav.console.surveys' },
];

export function ConsoleLayout() {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <main id="main" tabIndex={-1} className="page">
        <Loading />
      </main>
    );
  }
  if (session.error) {
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('console.title')}</h1>
        <ErrorAlert error={session.error} />
      </main>
    );
  }
  const from = location.pathname + location.search;
  if (session.data.state === 'signed_out') return <Navigate to="/konsol/masuk" replace state={{ from }} />;
  if (session.data.state === 'second_factor') return <Navigate to="/konsol/verifikasi" replace state={{ from }} />;
  return <SignedIn me={session.data.me} />;
}

function SignedIn({ me }: { me: Me }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: logOut,
    onSuccess: () => {
      client.clear();
      client.setQueryData<SessionView>(ME_KEY, { state: 'signed_out' });
      navigate('/konsol/masuk', { replace: true });
    },
  });
  return (
    <MeContext.Provider value={me}>
      <header className="site-header console-header">
        <div className="bar">
          <NavLink to="/konsol" className="brand" end>
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            <span>
              {t('console.brand')}
              {me.agency ? <span className="brand-sub">{me.agency.name}</span> : null}
            </span>
          </NavLink>
          <LanguageSwitch />
        </div>
        <div className="bar bar-tools">
          <UnitSwitcher me={me} />
          <div className="account">
            <span className="account-name">{me.user.name}</span>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
            >
              {t('console.logout')}
            </button>
          </div>
        </div>
        <ErrorAlert error={logout.error} />
        <nav aria-label={t('nav.console')} className="site-nav">
          <ul>
            {NAV.filter((n) => !n.roles || hasAnyRole(me, n.roles)).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.to === '/konsol'}>
                  {t(n.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
    </MeContext.Provider>
  );
}
