// Console: one application with its values and files, the steps and who holds them, and the actions on the
// current step (approve, return naming the fields to fix, reject with a reason).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { usePageTitle } from '../../../components/page-title';
import { ErrorAlert, Loading, Notice } from '../../../components/Status';
import { api, seg } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import type { ApplicationView } from '../services-api';
import { STATUS, useS } from '../text';
import '../services.css';

export function StaffApplicationPage() {
  const { id } = useParams();
  const { s, lang, pick, pair } = useS();
  const client = useQueryClient();
  const key = ['services', 'staff-application', id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<ApplicationView>(`/services/admin/applications/${seg(id ?? '')}`),
    enabled: Boolean(id),
  });
  usePageTitle(query.data ? s('applicationTitle', { code: query.data.trackingCode }) : s('queue'));
  const act = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<ApplicationView>(`/services/admin/applications/${seg(id ?? '')}/actions`, body),
    onSuccess: (view) => {
      client.setQueryData(key, view);
      void client.invalidateQueries({ queryKey: ['services', 'queue'] });
    },
  });
  const [returnKeys, setReturnKeys] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [revokeReason, setRevokeReason] = useState('');
  const revoke = useMutation({
    mutationFn: (docId: string) =>
      api.post<{ ok: boolean }>(`/services/admin/documents/${seg(docId)}/revoke`, { reason: revokeReason.trim() }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const app = query.data;
  const current = app.status === 'in_review';
  return (
    <>
      <h1>{s('applicationTitle', { code: app.trackingCode })}</h1>
      <p className="lead">{app.service.name}</p>
      {act.error ? <ErrorAlert error={act.error} /> : null}
      {act.isSuccess ? <Notice>{s('done')}</Notice> : null}
      <dl className="facts">
        <div>
          <dt>{s('applicant')}</dt>
          <dd>{app.applicant.name}</dd>
        </div>
        <div>
          <dt>{s('status')}</dt>
          <dd data-testid="staff-status">{pair(STATUS[app.status], app.status)}</dd>
        </div>
        <div>
          <dt>{s('deadline')}</dt>
          <dd>{app.deadlineAt ? formatDateTime(app.deadlineAt, lang, 'Asia/Jakarta') : '—'}</dd>
        </div>
      </dl>
      <h2>{s('workflow')}</h2>
      <ol className="svc-steps">
        {app.steps.map((st) => (
          <li
            key={st.index}
            className={st.state === 'current' ? 'svc-state-current' : undefined}
            aria-current={st.state === 'current' ? 'step' : undefined}
          >
            {pick(st.name)} — {pick(st.roleLabel)}, {st.unitName} ({s('stepDays', { days: st.days })})
          </li>
        ))}
      </ol>
      <h2>{s('values')}</h2>
      <dl className="facts">
        {app.form
          .filter((f) => f.type !== 'file')
          .map((f) => (
            <div key={f.key}>
              <dt>{pick(f.label)}</dt>
              <dd>{app.data[f.key] === null || app.data[f.key] === undefined ? '—' : String(app.data[f.key])}</dd>
            </div>
          ))}
      </dl>
      <h2>{s('files')}</h2>
      <ul>
        {app.form
          .filter((f) => f.type === 'file')
          .map((f) => {
            const file = app.files.find((x) => x.id === app.data[f.key]);
            return (
              <li key={f.key}>
                {pick(f.label)}:{' '}
                {file ? (
                  <a href={`/api/v1/files/${file.id}`}>
                    {file.name} ({Math.ceil(file.size / 1024)} KB)
                  </a>
                ) : (
                  '—'
                )}
              </li>
            );
          })}
      </ul>
      {current ? (
        <>
          <section aria-labelledby="act-approve" className="card">
            <h2 id="act-approve">{s('approve')}</h2>
            <button
              type="button"
              className="button"
              disabled={act.isPending}
              onClick={() => act.mutate({ action: 'approve', stepIndex: app.stepIndex })}
            >
              {s('approve')}
            </button>
          </section>
          <section aria-labelledby="act-return" className="card">
            <h2 id="act-return">{s('returnTitle')}</h2>
            <fieldset>
              <legend>{s('returnFields')}</legend>
              {app.form.map((f) => (
                <div className="svc-check" key={f.key}>
                  <input
                    id={`ret-${f.key}`}
                    type="checkbox"
                    checked={returnKeys.has(f.key)}
                    onChange={(e) =>
                      setReturnKeys((x) => {
                        const n = new Set(x);
                        if (e.target.checked) n.add(f.key);
                        else n.delete(f.key);
                        return n;
                      })
                    }
                  />
                  <label htmlFor={`ret-${f.key}`}>{pick(f.label)}</label>
                </div>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="ret-note">{s('note')}</label>
              <textarea id="ret-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <button
              type="button"
              className="button button-secondary"
              disabled={act.isPending}
              onClick={() =>
                act.mutate({
                  action: 'return',
                  stepIndex: app.stepIndex,
                  note: note.trim(),
                  fields: [...returnKeys].map((k) => ({ key: k, note: '' })),
                })
              }
            >
              {s('returnAction')}
            </button>
          </section>
          <section aria-labelledby="act-reject" className="card">
            <h2 id="act-reject">{s('rejectTitle')}</h2>
            <div className="field">
              <label htmlFor="rej-reason">{s('reason')}</label>
              <textarea id="rej-reason" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button
              type="button"
              className="button button-danger"
              disabled={act.isPending}
              onClick={() => act.mutate({ action: 'reject', stepIndex: app.stepIndex, reason: reason.trim() })}
            >
              {s('rejectAction')}
            </button>
          </section>
        </>
      ) : null}
      {app.document ? (
        <section aria-labelledby="act-revoke" className="card">
          <h2 id="act-revoke">{s('revoke')}</h2>
          <p className="mono">{app.document.number}</p>
          {app.document.revoked ? (
            <p>
              {s('revoked')}: {app.document.revokeReason}
            </p>
          ) : (
            <>
              {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
              <div className="field">
                <label htmlFor="revoke-reason">{s('reason')}</label>
                <textarea
                  id="revoke-reason"
                  maxLength={1000}
                  value={revokeReason}
                  onChange={(e) => setRevokeReason(e.target.value)}
                />
              </div>
              <button
                type="button"
                className="button button-danger"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(app.document!.id)}
              >
                {s('revoke')}
              </button>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
