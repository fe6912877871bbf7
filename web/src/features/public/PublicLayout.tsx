// The citizen portal's frame: header with navigation and the language switch, main content, footer.
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../lib/i18n/i18n';

export function PublicLayout() {
  const { t } = useI18n();
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <NavLink to="/" className="brand" end>
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            Pamong
          </NavLink>
          <LanguageSwitch />
        </div>
        <nav aria-label={t('nav.public')} className="site-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/lacak">{t('nav.track')}</NavLink>
            </li>
            <li>
              <NavLink to="/konsol">{t('nav.staff')}</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
      </footer>
    </>
  );
}
