// Staff sign-in, step two. First time: set up an authenticator app (QR code or the secret typed in), confirm
// with a code, then see the recovery codes once. Later: a code from the app, or one recovery code.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { useI18n } from '../../lib/i18n/i18n';
import { AuthFrame } from './AuthFrame';
import { ME_KEY, enrolTotp, useSession, verifyTotp } from './auth-api';

export function TotpPage() {
  const { t } = useI18n();
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const step = session.data?.state === 'second_factor' ? session.data.step : null;
  usePageTitle(
    recoveryCodes ? t('totp.recoveryTitle') : step === 'totp_enrol' ? t('totp.enrolTitle') : t('totp.title'),
  );

  const finish = async () => {
    await client.invalidateQueries({ queryKey: ME_KEY });
    navigate(from ?? '/konsol', { replace: true });
  };

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={finish} />;
  if (session.isPending) {
    return (
      <AuthFrame title={t('totp.title')}>
        <Loading />
      </AuthFrame>
    );
  }
  if (session.error) {
    return (
      <AuthFrame title={t('totp.title')}>
        <ErrorAlert error={session.error} />
      </AuthFrame>
    );
  }
  if (session.data.state === 'signed_out') return <Navigate to="/konsol/masuk" replace />;
  if (session.data.state === 'signed_in') return <Navigate to="/konsol" replace />;
  return step === 'totp_enrol' ? (
    <Enrol onVerified={(codes) => (codes?.length ? setRecoveryCodes(codes) : void finish())} />
  ) : (
    <CodeStep onVerified={finish} />
  );
}

function Enrol({ onVerified }: { onVerified(codes: string[] | undefined): void }) {
  const { t } = useI18n();
  // One enrolment per visit: the query runs the POST once and keeps the answer.
  const enrolment = useQuery({
    queryKey: ['auth', 'totp-enrol'],
    queryFn: enrolTotp,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () => verifyTotp(code.replace(/\s/g, '')),
    onSuccess: (r) => onVerified(r.recoveryCodes),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  return (
    <AuthFrame title={t('totp.enrolTitle')}>
      <p className="lead">{t('totp.enrolLead')}</p>
      {enrolment.isPending ? (
        <Loading />
      ) : enrolment.error ? (
        <ErrorAlert error={enrolment.error} />
      ) : (
        <>
          <ol className="steps">
            <li>{t('totp.enrolStep1')}</li>
            <li>
              {t('totp.enrolStep2')}
              <img className="qr" src={enrolment.data.qrDataUrl} alt={t('totp.qrAlt')} width={240} height={240} />
              <p>{t('totp.secretLabel')}</p>
              <p>
                <code className="secret" data-testid="totp-secret">
                  {enrolment.data.secret}
                </code>
              </p>
            </li>
            <li>{t('totp.enrolStep3')}</li>
          </ol>
          <form className="form" onSubmit={submit} aria-label={t('totp.enrolTitle')}>
            <TextField
              label={t('totp.codeLabel')}
              hint={t('totp.codeHint')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              required
              maxLength={8}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <ErrorAlert error={verify.error} />
            <button type="submit" className="button" disabled={verify.isPending}>
              {t('totp.verify')}
            </button>
          </form>
        </>
      )}
    </AuthFrame>
  );
}

function CodeStep({ onVerified }: { onVerified(): void }) {
  const { t } = useI18n();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () => verifyTotp(recovery ? code.trim() : code.replace(/\s/g, '')),
    onSuccess: onVerified,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  return (
    <AuthFrame title={t('totp.title')}>
      <p className="lead">{recovery ? t('totp.recoveryLead') : t('totp.lead')}</p>
      <form className="form" onSubmit={submit} aria-label={t('totp.title')}>
        {recovery ? (
          <TextField
            key="recovery"
            label={t('totp.recoveryLabel')}
            hint={t('totp.recoveryHint')}
            name="recovery-code"
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={32}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        ) : (
          <TextField
            key="totp"
            label={t('totp.codeLabel')}
            hint={t('totp.codeHint')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            required
            maxLength={8}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        )}
        <ErrorAlert error={verify.error} />
        <button type="submit" className="button" disabled={verify.isPending}>
          {t('totp.verify')}
        </button>
      </form>
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
            verify.reset();
          }}
        >
          {recovery ? t('totp.useApp') : t('totp.useRecovery')}
        </button>
      </p>
    </AuthFrame>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useI18n();
  return (
    <AuthFrame title={t('totp.recoveryTitle')}>
      <div className="alert alert-warning" role="status">
        <p>{t('totp.recoveryOnce')}</p>
      </div>
      <ul className="recovery-codes" aria-label={t('totp.recoveryTitle')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onDone}>
        {t('totp.recoverySaved')}
      </button>
    </AuthFrame>
  );
}
