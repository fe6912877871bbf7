// Loading, error and empty states, each announced to assistive technology.
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';
import { useI18n } from '../lib/i18n/i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** The message of an error in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { lang, t } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.messages) return error.messages[lang];
      if (error.code === 'NETWORK') return t('error.network');
    }
    return t('error.generic');
  };
}

export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{message(error)}</p>
      {children}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
