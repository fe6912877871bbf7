// Password reset (ask for a link; set a new password from the link, also used by staff invitations) and
// e-mail verification from the link in the registration e-mail.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading, Notice } from '../../components/Status';
import { useI18n } from '../../lib/i18n/i18n';
import { AuthFrame } from './AuthFrame';
import { confirmPasswordReset, requestPasswordReset, verifyEmail } from './auth-api';

export const PASSWORD_MIN = 10;

export function ForgotPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <AuthFrame title={t('forgot.title')}>
      <p className="lead">{t('forgot.lead')}</p>
      {send.isSuccess ? (
        <Notice>{t('forgot.sent')}</Notice>
      ) : (
        <form className="form" onSubmit={submit} aria-label={t('forgot.title')}>
          <TextField
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <ErrorAlert error={send.error} />
          <button type="submit" className="button" disabled={send.isPending}>
            {t('forgot.submit')}
          </button>
        </form>
      )}
      <p>
        <Link to="/konsol/masuk">{t('forgot.backToLogin')}</Link>
      </p>
    </AuthFrame>
  );
}

export function ResetPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: () => confirmPasswordReset(token, password) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    reset.mutate();
  };
  if (!token) {
    return (
      <AuthFrame title={t('reset.title')}>
        <div className="alert alert-error" role="alert">
          <p>{t('reset.noToken')}</p>
        </div>
        <p>
          <Link to="/lupa-sandi">{t('forgot.title')}</Link>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t('reset.title')}>
      {reset.isSuccess ? (
        <>
          <Notice>{t('reset.done')}</Notice>
          <p>
            <Link to="/konsol/masuk">{t('forgot.backToLogin')}</Link>
          </p>
        </>
      ) : (
        <form className="form" onSubmit={submit} aria-label={t('reset.title')}>
          <TextField
            label={t('reset.password')}
            hint={t('reset.hint', { min: PASSWORD_MIN })}
            type="password"
            name="new-password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            maxLength={200}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            label={t('reset.repeat')}
            type="password"
            name="repeat-password"
            autoComplete="new-password"
            required
            maxLength={200}
            error={mismatch ? t('reset.mismatch') : null}
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
          <ErrorAlert error={reset.error} />
          <button type="submit" className="button" disabled={reset.isPending}>
            {t('reset.submit')}
          </button>
        </form>
      )}
    </AuthFrame>
  );
}

export function VerifyEmailPage() {
  const { t } = useI18n();
  usePageTitle(t('verifyEmail.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useMutation({ mutationFn: () => verifyEmail(token) });
  const { mutate } = verify;
  // A verification link works once: send it once, even when React runs effects twice in development.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate();
  }, [token, mutate]);
  return (
    <AuthFrame title={t('verifyEmail.title')}>
      {!token ? (
        <div className="alert alert-error" role="alert">
          <p>{t('verifyEmail.noToken')}</p>
        </div>
      ) : verify.isSuccess ? (
        <Notice>{t('verifyEmail.done')}</Notice>
      ) : verify.error ? (
        <ErrorAlert error={verify.error} />
      ) : (
        <Loading />
      )}
    </AuthFrame>
  );
}
