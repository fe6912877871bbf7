// A plain frame for the steps before the console opens (sign-in, second factor, password pages).
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../lib/i18n/i18n';

export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            Pamong
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page-narrow">
        <h1>{title}</h1>
        {children}
        <p className="back-link">
          <Link to="/">{t('auth.backToPortal')}</Link>
        </p>
      </main>
    </>
  );
}
