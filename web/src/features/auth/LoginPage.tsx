// Staff sign-in, step one: e-mail and password. The second factor follows on /konsol/verifikasi.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert } from '../../components/Status';
import { useI18n } from '../../lib/i18n/i18n';
import { AuthFrame } from './AuthFrame';
import { ME_KEY, type SessionView, logIn, logOut, useSession } from './auth-api';

export function LoginPage() {
  const { t } = useI18n();
  usePageTitle(t('login.title'));
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [citizen, setCitizen] = useState(false);
  const login = useMutation({
    mutationFn: () => logIn(email.trim(), password),
    onSuccess: async (r) => {
      const status = r.status;
      if (status === 'ok' && r.user?.kind === 'citizen') {
        await logOut();
        setCitizen(true);
        return;
      }
      if (status === 'ok') {
        await client.invalidateQueries({ queryKey: ME_KEY });
        navigate(from ?? '/konsol', { replace: true });
        return;
      }
      const view: SessionView = { state: 'second_factor', step: status };
      client.setQueryData(ME_KEY, view);
      navigate('/konsol/verifikasi', { replace: true, state: { from } });
    },
  });

  if (!login.isPending && !login.isSuccess && session.data?.state === 'signed_in') {
    return <Navigate to="/konsol" replace />;
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCitizen(false);
    login.mutate();
  };
  return (
    <AuthFrame title={t('login.title')}>
      <p className="lead">{t('login.lead')}</p>
      <form className="form" onSubmit={submit} aria-label={t('login.title')}>
        <TextField
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          maxLength={200}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorAlert error={login.error} />
        {citizen ? (
          <div className="alert alert-error" role="alert">
            <p>{t('login.citizenAccount')}</p>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p>
        <Link to="/lupa-sandi">{t('login.forgot')}</Link>
      </p>
    </AuthFrame>
  );
}
