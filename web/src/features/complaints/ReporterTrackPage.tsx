// The reporter's page behind the secret link (/pengaduan/lacak/:code#rahasia=…): the report, its history,
// and the reporter's actions (reply, rate, reopen, close). The secret stays in the URL fragment, which the
// browser never sends to a server; the page passes it in a header.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { formatDateTime } from '../../lib/format';
import { type Entry, complaintsApi } from './complaints-api';
import { useStrings } from './strings';

export function Timeline({ entries }: { entries: Entry[] }) {
  const { pick, lang } = useStrings();
  return (
    <ol className="timeline">
      {entries.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries never reorder
        <li key={i}>
          <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> <strong>{pick(e.label)}</strong>
          {e.unitName ? <span className="muted"> — {e.unitName}</span> : null}
          {e.note ? <p>{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function ReporterTrackPage() {
  const { s, pick } = useStrings();
  const { code = '' } = useParams();
  const { hash } = useLocation();
  const secret = new URLSearchParams(hash.replace(/^#/, '')).get('rahasia');
  usePageTitle(`${s('trackTitle')} ${code}`);
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ['complaint-track', code, secret],
    queryFn: () => complaintsApi.track(code, secret),
  });
  const [reply, setReply] = useState('');
  const [score, setScore] = useState('5');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: (a: { action: 'replies' | 'rating' | 'reopen' | 'close'; body: unknown }) =>
      complaintsApi.reporterAction(code, secret, a.action, a.body),
    // Only the form that was sent is emptied.
    onSuccess: (_result, a) => {
      if (a.action === 'replies') setReply('');
      if (a.action === 'reopen') setReason('');
      void qc.invalidateQueries({ queryKey: ['complaint-track', code] });
    },
  });
  const on = (action: 'replies' | 'rating' | 'reopen' | 'close', body: unknown) => (e: FormEvent) => {
    e.preventDefault();
    act.mutate({ action, body });
  };

  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const d = query.data;
  const r = d.report;
  return (
    <>
      <h1>
        {s('trackTitle')} <span className="mono">{d.code}</span>
      </h1>
      {!secret ? <p className="alert alert-info">{s('trackNoSecret')}</p> : null}
      <dl className="facts">
        <div>
          <dt>{s('status')}</dt>
          <dd>
            <span className="badge badge-status" data-testid="complaint-status">
              {pick(d.statusLabel)}
            </span>
          </dd>
        </div>
        {r ? (
          <>
            <div>
              <dt>{s('handledBy')}</dt>
              <dd>{[r.agencyName, r.unitName].filter(Boolean).join(' — ')}</dd>
            </div>
            <div>
              <dt>{s('title')}</dt>
              <dd>{r.title}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {r ? <p className="prewrap">{r.description}</p> : null}
      <h2>{s('timeline')}</h2>
      <Timeline entries={r ? r.timeline : d.timeline} />
      <ErrorAlert error={act.error} />
      {act.isSuccess ? <p role="status">{s('done')}</p> : null}
      {r?.canReply ? (
        <form className="form" onSubmit={on('replies', { body: reply })} aria-label={s('reply')}>
          <div className="field">
            <label htmlFor="reporter-reply">{s('reply')}</label>
            <textarea
              id="reporter-reply"
              rows={4}
              maxLength={5000}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={!reply.trim() || act.isPending}>
            {s('sendReply')}
          </button>
        </form>
      ) : null}
      {r?.canRate ? (
        <form
          className="form"
          onSubmit={on('rating', { score: Number(score), ...(comment.trim() ? { comment } : {}) })}
          aria-label={s('rating')}
        >
          <h2>{s('rating')}</h2>
          {r.ratingScore ? <p>{s('ratedAs', { score: r.ratingScore })}</p> : null}
          <SelectField label={s('score')} value={score} onChange={(e) => setScore(e.target.value)}>
            {['5', '4', '3', '2', '1'].map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </SelectField>
          <TextField
            label={s('comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={2000}
          />
          <button type="submit" className="button" disabled={act.isPending}>
            {s('sendRating')}
          </button>
        </form>
      ) : null}
      {r?.canReopen ? (
        <form className="form" onSubmit={on('reopen', { reason })} aria-label={s('reopen')}>
          <TextField
            label={s('reopenReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={5000}
          />
          <button type="submit" className="button button-secondary" disabled={!reason.trim() || act.isPending}>
            {s('reopen')}
          </button>
        </form>
      ) : null}
      {r?.canClose ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => act.mutate({ action: 'close', body: {} })}
        >
          {s('closeIt')}
        </button>
      ) : null}
    </>
  );
}
