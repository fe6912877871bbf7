// The console's complaint detail: the report (identity only when the reporter did not choose anonim),
// the full timeline with internal notes, escalations, and the officer's actions; for the agency admin, the
// learned routing suggestion. An imported report shows its SP4N-LAPOR! tracking ID.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { api, seg } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Text } from '../../lib/i18n/i18n';
import { useMe } from '../console/me-context';
import type { Entry } from './complaints-api';
import { Timeline } from './ReporterTrackPage';
import { RouteSuggestion } from './RouteSuggestion';
import { type Key, useStrings } from './strings';

interface Detail {
  id: string;
  code: string;
  title: string;
  description: string;
  statusLabel: Text;
  status: string;
  unitId: string | null;
  unitName: string | null;
  agencyId: string;
  agencyName: string;
  laporTrackingId?: string | null;
  categoryName: string | null;
  regionName: string | null;
  regionCode: string;
  visibility: string;
  dueAt: string | null;
  overdue: boolean;
  emergency: boolean;
  reporter: { name: string | null; email: string | null; phone: string | null } | null;
  timeline: Entry[];
  escalations: { step: string; at: string }[];
  attachments: { id: string; name: string; mime: string; size: number }[];
}
const ACTIONS = ['follow_up', 'complete', 'request_info', 'postpone', 'resume', 'archive', 'close'] as const;
const CLOSE_HOWS = ['resolved', 'not_resolved', 'closed_by_officer'] as const;
/** States a report can be disposed (routed to a unit) from. */
const DISPOSABLE = ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti', 'menunggu_kelengkapan', 'ditunda'];

export function ComplaintDetailPage() {
  const { s, pick, lang } = useStrings();
  const { id = '' } = useParams();
  const me = useMe();
  const qc = useQueryClient();
  const detail = useQuery({
    queryKey: ['complaint-detail', id],
    queryFn: () => api.get<Detail>(`/console/complaints/${seg(id)}`),
  });
  usePageTitle(detail.data ? `${detail.data.code} — ${s('inboxTitle')}` : s('inboxTitle'));
  const units = useQuery({
    queryKey: ['units', me.agency?.slug],
    queryFn: () =>
      api.get<{ units: { id: string; name: string; depth: number }[] }>(
        `/agencies/${seg(me.agency?.slug ?? '')}/units`,
      ),
    enabled: Boolean(me.agency),
  });
  const templates = useQuery({
    queryKey: ['complaint-templates'],
    queryFn: () => api.get<{ id: string; title: string }[]>('/console/complaint-reply-templates'),
  });
  const [unitId, setUnitId] = useState('');
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [internal, setInternal] = useState('');
  const [action, setAction] = useState<(typeof ACTIONS)[number]>('follow_up');
  const [message, setMessage] = useState('');
  const [closeHow, setCloseHow] = useState<(typeof CLOSE_HOWS)[number]>('resolved');
  const [naReason, setNaReason] = useState('');
  const act = useMutation({
    mutationFn: (a: { path: string; body: unknown; clear: () => void }) =>
      api.post(`/console/complaints/${seg(id)}/${a.path}`, a.body),
    // Only the form that was sent is emptied: text typed meanwhile in another form stays.
    onSuccess: (_result, a) => {
      a.clear();
      void qc.invalidateQueries({ queryKey: ['complaint-detail', id] });
    },
  });
  const on = (path: string, body: () => unknown, clear: () => void) => (e: FormEvent) => {
    e.preventDefault();
    act.mutate({ path, body: body(), clear });
  };

  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  const d = detail.data;
  // The suggestion is the agency admin's (the coordinator who disposes reports).
  const coordinator = me.grants.some(
    (g) => g.role === 'admin_instansi' && g.unitId === null && g.agencyId === d.agencyId,
  );
  return (
    <>
      <p>
        <Link to="/konsol/pengaduan">{s('back')}</Link>
      </p>
      <h1>
        <span className="mono">{d.code}</span> {d.title}
      </h1>
      <dl className="facts">
        <div>
          <dt>{s('status')}</dt>
          <dd>
            <span className="badge badge-status" data-testid="complaint-status">
              {pick(d.statusLabel)}
            </span>{' '}
            {d.overdue ? <span className="badge badge-danger">{s('overdue')}</span> : null}
            {d.emergency ? <span className="badge badge-danger">{s('emergency')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{s('handledBy')}</dt>
          <dd data-testid="complaint-unit">{[d.agencyName, d.unitName].filter(Boolean).join(' — ')}</dd>
        </div>
        <div>
          <dt>{s('category2')}</dt>
          <dd>{d.categoryName ?? '-'}</dd>
        </div>
        <div>
          <dt>{s('region2')}</dt>
          <dd>{d.regionName ?? d.regionCode}</dd>
        </div>
        <div>
          <dt>{s('visibility2')}</dt>
          <dd>{d.visibility}</dd>
        </div>
        {d.dueAt ? (
          <div>
            <dt>{s('dueAt')}</dt>
            <dd>{formatDateTime(d.dueAt, lang)}</dd>
          </div>
        ) : null}
        {d.laporTrackingId ? (
          <div>
            <dt>{s('laporTrackingId')}</dt>
            <dd className="mono" data-testid="lapor-tracking-id">
              {d.laporTrackingId}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{s('reporter')}</dt>
          <dd>
            {d.reporter
              ? [d.reporter.name, d.reporter.email, d.reporter.phone].filter(Boolean).join(' · ') || '-'
              : s('reporterHidden')}
          </dd>
        </div>
      </dl>
      <h2>{s('description2')}</h2>
      <p className="prewrap">{d.description}</p>
      {d.attachments.length ? (
        <>
          <h2>{s('attachedFiles')}</h2>
          <ul data-testid="complaint-attachments">
            {d.attachments.map((f) => (
              <li key={f.id}>
                <a href={`/api/v1/files/${seg(f.id)}`} target="_blank" rel="noreferrer">
                  {f.name}
                </a>{' '}
                <span className="muted">({Math.max(1, Math.round(f.size / 1024))} KB)</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorAlert error={act.error} />
      {act.isSuccess ? <p role="status">{s('done')}</p> : null}

      {['diterima'].includes(d.status) ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => act.mutate({ path: 'verify', body: {}, clear: () => {} })}
        >
          {s('verify')}
        </button>
      ) : null}

      {coordinator && DISPOSABLE.includes(d.status) ? (
        <RouteSuggestion complaintId={d.id} currentUnitId={d.unitId} />
      ) : null}

      <form
        className="form"
        onSubmit={on(
          'dispose',
          () => ({ unitId, ...(note.trim() ? { note } : {}) }),
          () => setNote(''),
        )}
        aria-label={s('dispose')}
      >
        <h2>{s('dispose')}</h2>
        <SelectField label={s('leadUnit')} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">{s('chooseUnit')}</option>
          {(units.data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {'\u00a0'.repeat(u.depth * 2)}
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField label={s('disposeNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        <button type="submit" className="button" disabled={!unitId || act.isPending}>
          {s('dispose')}
        </button>
      </form>

      <form
        className="form"
        onSubmit={on(
          'replies',
          () => ({ ...(reply.trim() ? { body: reply } : {}), ...(templateId ? { templateId } : {}) }),
          () => {
            setReply('');
            setTemplateId('');
          },
        )}
        aria-label={s('staffReply')}
      >
        <h2>{s('staffReply')}</h2>
        <SelectField label={s('template')} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          <option value="">{s('noTemplate')}</option>
          {(templates.data ?? []).map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.title}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="staff-reply">{s('staffReply')}</label>
          <textarea
            id="staff-reply"
            rows={4}
            maxLength={5000}
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={(!reply.trim() && !templateId) || act.isPending}>
          {s('sendStaffReply')}
        </button>
      </form>

      <form
        className="form"
        onSubmit={on(
          'transition',
          () => ({ action, ...(message.trim() ? { message } : {}), ...(action === 'close' ? { closeHow } : {}) }),
          () => setMessage(''),
        )}
        aria-label={s('changeStatus')}
      >
        <h2>{s('changeStatus')}</h2>
        <SelectField
          label={s('action')}
          value={action}
          onChange={(e) => setAction(e.target.value as (typeof ACTIONS)[number])}
        >
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {s(`a_${a}` as Key)}
            </option>
          ))}
        </SelectField>
        {action === 'close' ? (
          <SelectField
            label={s('closeHow')}
            value={closeHow}
            onChange={(e) => setCloseHow(e.target.value as (typeof CLOSE_HOWS)[number])}
          >
            {CLOSE_HOWS.map((c) => (
              <option key={c} value={c}>
                {s(`c_${c}` as Key)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField label={s('message')} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={5000} />
        <button type="submit" className="button" disabled={act.isPending}>
          {s('apply')}
        </button>
      </form>

      <form
        className="form"
        onSubmit={on(
          'notes',
          () => ({ body: internal }),
          () => setInternal(''),
        )}
        aria-label={s('note')}
      >
        <TextField label={s('note')} value={internal} onChange={(e) => setInternal(e.target.value)} maxLength={5000} />
        <button type="submit" className="button button-secondary" disabled={!internal.trim() || act.isPending}>
          {s('saveNote')}
        </button>
      </form>

      <form
        className="form"
        onSubmit={on(
          'not-authority',
          () => ({ reason: naReason }),
          () => setNaReason(''),
        )}
        aria-label={s('notAuthority')}
      >
        <TextField
          label={s('notAuthorityReason')}
          value={naReason}
          onChange={(e) => setNaReason(e.target.value)}
          maxLength={2000}
        />
        <button
          type="submit"
          className="button button-secondary"
          disabled={naReason.trim().length < 5 || act.isPending}
        >
          {s('notAuthority')}
        </button>
      </form>

      {d.escalations.length ? (
        <>
          <h2>{s('escalations')}</h2>
          <ul>
            {d.escalations.map((e) => (
              <li key={`${e.step}-${e.at}`}>
                {e.step} — {formatDateTime(e.at, lang)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{s('timeline')}</h2>
      <Timeline entries={d.timeline} />
    </>
  );
}
