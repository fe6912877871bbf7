// Kiosk mode for a tablet at the service counter: no login, big touch targets, one response per
// session; after each response the screen thanks the respondent and returns to the start.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { SurveyForm } from './SurveyForm';
import { surveysApi } from './surveys-api';
import { useStrings } from './strings';

const RESET_SECONDS = 8;

export function KioskPage() {
  const { token = '' } = useParams();
  const { s } = useStrings();
  usePageTitle(s('kioskTitle'));
  const kiosk = useQuery({ queryKey: ['survey-kiosk', token], queryFn: () => surveysApi.kiosk(token), retry: false });
  const [stage, setStage] = useState<'start' | 'form' | 'thanks'>('start');
  const [session, setSession] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const [left, setLeft] = useState(RESET_SECONDS);

  useEffect(() => {
    if (stage !== 'thanks') return;
    setLeft(RESET_SECONDS);
    const tick = setInterval(() => setLeft((n) => n - 1), 1000);
    const back = setTimeout(() => setStage('start'), RESET_SECONDS * 1000);
    return () => {
      clearInterval(tick);
      clearTimeout(back);
    };
  }, [stage]);

  const start = async () => {
    setError(null);
    try {
      const opened = await surveysApi.kioskSession(token);
      setSession(opened.sessionToken);
      setRound((r) => r + 1);
      setStage('form');
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <header className="site-header">
        <div className="bar">
          <span className="brand">Pamong</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page skm-kiosk">
        <h1>{s('kioskTitle')}</h1>
        {kiosk.isPending ? (
          <Loading />
        ) : kiosk.error ? (
          <ErrorAlert error={kiosk.error} />
        ) : (
          <>
            <p className="lead">
              {kiosk.data.unitName} · {kiosk.data.agencyName}
            </p>
            <ErrorAlert error={error} />
            {stage === 'start' ? (
              <button type="button" className="button skm-big-button" onClick={start}>
                {s('start')}
              </button>
            ) : stage === 'thanks' ? (
              <div className="alert alert-success" role="status">
                <p>{s('thanks')}</p>
                <p>{s('kioskReset', { n: Math.max(left, 0) })}</p>
                <button type="button" className="button skm-big-button" onClick={() => setStage('start')}>
                  {s('next')}
                </button>
              </div>
            ) : (
              <SurveyForm
                key={round}
                kiosk
                questions={kiosk.data.questions}
                onSubmit={async (p) => {
                  await surveysApi.answerKiosk(token, { ...p, sessionToken: session ?? undefined });
                  setSession(null);
                  setStage('thanks');
                }}
              />
            )}
          </>
        )}
      </main>
    </>
  );
}
