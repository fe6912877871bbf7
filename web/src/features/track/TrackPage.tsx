// "Lacak laporan": look up anything filed by its tracking code. The code lives in the URL (/lacak/:code)
// so a result can be bookmarked or shared.
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n/i18n';
import { type TrackEvent, type TrackResult, useTrack } from './track-api';

const CODE_MAX = 40;

export function TrackPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code ?? '');
  const [inputError, setInputError] = useState<string | null>(null);
  useEffect(() => setInput(code ?? ''), [code]);
  usePageTitle(code ? t('track.titleWithCode', { code }) : t('track.title'));
  const query = useTrack(code);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = input.trim();
    if (!value) {
      setInputError(t('track.codeRequired'));
      return;
    }
    setInputError(null);
    navigate(`/lacak/${encodeURIComponent(value)}`);
  };

  const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
  return (
    <>
      <h1>{t('track.title')}</h1>
      <p className="lead">{t('track.lead')}</p>
      <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('track.title')}>
        <TextField
          label={t('track.codeLabel')}
          hint={t('track.codeHint')}
          error={inputError}
          name="code"
          value={input}
          maxLength={CODE_MAX}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          onChange={(e) => setInput(e.target.value)}
        />
        <button type="submit" className="button">
          {t('track.submit')}
        </button>
      </form>
      <section aria-live="polite" className="track-result">
        {!code ? null : query.isPending ? (
          <Loading label={t('track.searching')} />
        ) : notFound ? (
          <div className="alert alert-warning" role="alert">
            <h2>{t('track.notFoundTitle')}</h2>
            <p>{t('track.notFoundBody', { code })}</p>
          </div>
        ) : query.error ? (
          <ErrorAlert error={query.error} />
        ) : query.data ? (
          <TrackDetails result={query.data} />
        ) : null}
      </section>
    </>
  );
}

const KIND_KEYS: Record<string, MessageKey> = {
  complaint: 'track.kind.complaint',
  aspiration: 'track.kind.aspiration',
  information_request: 'track.kind.information_request',
  application: 'track.kind.application',
  service_application: 'track.kind.application',
  whistleblowing: 'track.kind.whistleblowing',
  gratification: 'track.kind.gratification',
  objection: 'track.kind.objection',
};

function TrackDetails({ result }: { result: TrackResult }) {
  const { t, pick, lang } = useI18n();
  const kindKey = KIND_KEYS[result.kind];
  const status = pick(result.statusLabel) || result.status;
  const report = result.report;
  const timeline = Array.isArray(report?.timeline)
    ? report.timeline
    : Array.isArray(result.timeline)
      ? result.timeline
      : [];
  return (
    <article className="card result-card" aria-labelledby="track-result-title">
      <h2 id="track-result-title">{t('track.resultTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('track.code')}</dt>
          <dd className="mono">{result.code}</dd>
        </div>
        <div>
          <dt>{t('track.kind')}</dt>
          <dd>{kindKey ? t(kindKey) : result.kind}</dd>
        </div>
        <div>
          <dt>{t('track.status')}</dt>
          <dd>
            <span className="badge badge-status">{status}</span>
          </dd>
        </div>
        {typeof result.receivedAt === 'string' ? (
          <div>
            <dt>{t('track.receivedAt')}</dt>
            <dd>{formatDateTime(result.receivedAt, lang)}</dd>
          </div>
        ) : null}
        {typeof report?.dueAt === 'string' ? (
          <div>
            <dt>{t('track.dueAt')}</dt>
            <dd>{formatDateTime(report.dueAt, lang)}</dd>
          </div>
        ) : null}
        {typeof report?.agencyName === 'string' ? (
          <div>
            <dt>{t('track.handledBy')}</dt>
            <dd>{[report.agencyName, report.unitName].filter(Boolean).join(' · ')}</dd>
          </div>
        ) : null}
      </dl>
      {report?.title ? (
        <section aria-labelledby="track-report-title">
          <h3 id="track-report-title">{report.title}</h3>
          {report.description ? <p className="pre-line">{report.description}</p> : null}
        </section>
      ) : null}
      <h3>{t('track.timeline')}</h3>
      {timeline.length === 0 ? (
        <p className="state state-empty">{t('track.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {timeline.map((ev, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: timeline entries have no id and never reorder
            <TimelineItem key={i} ev={ev} />
          ))}
        </ol>
      )}
    </article>
  );
}

function TimelineItem({ ev }: { ev: TrackEvent }) {
  const { t, pick, lang } = useI18n();
  const at = typeof ev.at === 'string' ? ev.at : '';
  const event = pick(ev.label);
  const statusText = pick(ev.statusLabel) || (typeof ev.status === 'string' ? ev.status : '');
  const title = event || statusText;
  const note = pick(ev.note);
  return (
    <li>
      {at ? <time dateTime={at}>{formatDateTime(at, lang)}</time> : null}
      <strong>{title}</strong>
      {event && statusText ? (
        <span className="timeline-status">{t('track.statusNow', { status: statusText })}</span>
      ) : null}
      {typeof ev.unitName === 'string' && ev.unitName ? <span className="timeline-unit">{ev.unitName}</span> : null}
      {note ? <p className="pre-line">{note}</p> : null}
    </li>
  );
}
