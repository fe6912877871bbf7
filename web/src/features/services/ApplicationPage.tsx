// The applicant's page for one application (account, or the guest's secret link #token=…): status, steps
// and who holds them, the corrections asked for (only those fields can change), payment of the published
// fee, and the issued document.
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { FormFieldInput, fieldErrors, toValues } from './FormFieldInput';
import {
  type ApplicationView,
  type FileClaim,
  downloadDocument,
  rupiah,
  simulatePayment,
  submitApplication,
  tokenFor,
  uploadFile,
  useApplication,
} from './services-api';
import { STATUS, useS } from './text';
import './services.css';

export function ApplicationPage() {
  const { id } = useParams();
  const { hash } = useLocation();
  const token = id ? tokenFor(id, hash) : undefined;
  const query = useApplication(id, token);
  const { s, pair, lang } = useS();
  usePageTitle(query.data ? s('applicationTitle', { code: query.data.trackingCode }) : s('apply'));
  if (query.isPending) return <Loading />;
  if (query.error) {
    return query.error instanceof ApiError && query.error.status === 404 ? (
      <div className="alert alert-warning" role="alert">
        <h1>{s('apply')}</h1>
        <p>{s('notFound')}</p>
      </div>
    ) : (
      <ErrorAlert error={query.error} />
    );
  }
  const app = query.data;
  return (
    <>
      <h1>{s('applicationTitle', { code: app.trackingCode })}</h1>
      <p className="lead">{app.service.name}</p>
      {token ? <p className="alert alert-info">{s('keepLink')}</p> : null}
      <Summary app={app} />
      {app.status === 'returned' ? <Correction app={app} token={token} /> : null}
      {app.status === 'rejected' ? (
        <div className="alert alert-error" role="alert">
          <h2>{s('rejected')}</h2>
          <p>{app.rejectReason}</p>
        </div>
      ) : null}
      {app.payment ? <Payment app={app} /> : null}
      {app.document ? <DocumentBox app={app} token={token} /> : null}
      <section aria-labelledby="svc-history">
        <h2 id="svc-history">{s('history')}</h2>
        <ol className="svc-steps">
          {app.events.map((e) => (
            <li key={`${e.at}-${e.action}-${e.stepIndex ?? ''}`}>
              {formatDateTime(e.at, lang, 'Asia/Jakarta')} — {pair(EVENT[e.action], e.action)}
              {e.note ? `: ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
      <p className="sr-only">{pair(STATUS[app.status])}</p>
    </>
  );
}

const EVENT: Record<string, [string, string]> = {
  submitted: ['Permohonan diajukan', 'Application submitted'],
  resubmitted: ['Perbaikan dikirim', 'Correction sent'],
  approved: ['Tahap disetujui', 'Step approved'],
  returned: ['Dikembalikan untuk perbaikan', 'Returned for correction'],
  rejected: ['Ditolak', 'Rejected'],
  awaiting_payment: ['Menunggu pembayaran', 'Awaiting payment'],
  paid: ['Pembayaran diterima', 'Payment received'],
  completed: ['Selesai, dokumen terbit', 'Completed, document issued'],
};

function Summary({ app }: { app: ApplicationView }) {
  const { s, lang, pick, pair } = useS();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{s('trackingCode')}</dt>
          <dd className="mono">{app.trackingCode}</dd>
        </div>
        <div>
          <dt>{s('status')}</dt>
          <dd>
            <span className="badge badge-status" data-testid="application-status">
              {pair(STATUS[app.status], app.status)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{s('deadline')}</dt>
          <dd>
            {app.deadlineAt
              ? formatDateTime(app.deadlineAt, lang, 'Asia/Jakarta')
              : app.status === 'returned'
                ? s('paused')
                : '—'}
          </dd>
        </div>
        <div>
          <dt>{s('fee')}</dt>
          <dd>{rupiah(app.feeRupiah, lang)}</dd>
        </div>
      </dl>
      <section aria-labelledby="svc-app-steps">
        <h2 id="svc-app-steps">{s('workflow')}</h2>
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
      </section>
    </>
  );
}

function Correction({ app, token }: { app: ApplicationView; token: string | undefined }) {
  const { s, lang, pick } = useS();
  const client = useQueryClient();
  const keys = new Set(app.returnedFields.map((f) => f.key));
  const fields = app.form.filter((f) => keys.has(f.key));
  const [raw, setRaw] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields
        .filter((f) => f.type !== 'file')
        .map((f) => [f.key, app.data[f.key] === null || app.data[f.key] === undefined ? '' : String(app.data[f.key])]),
    ),
  );
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const claims: Record<string, FileClaim> = {};
      for (const [k, f] of Object.entries(files)) if (f) claims[k] = await uploadFile(f);
      const view = await submitApplication(app.id, token, { values: toValues(app.form, raw, keys), files: claims });
      client.setQueryData(['services', 'application', app.id], view);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'FIELD_INVALID') setErrors(fieldErrors(err.details, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="svc-correction" className="card">
      <h2 id="svc-correction">{s('returnedTitle')}</h2>
      {app.returnNote ? <p>{app.returnNote}</p> : null}
      <p>{s('returnedLead')}</p>
      <ul>
        {app.returnedFields.map((f) => {
          const field = app.form.find((x) => x.key === f.key);
          return (
            <li key={f.key}>
              <strong>{field ? pick(field.label) : f.key}</strong>
              {f.note ? `: ${f.note}` : ''}
            </li>
          );
        })}
      </ul>
      {error ? <ErrorAlert error={error} /> : null}
      <form className="form" onSubmit={submit} noValidate>
        {fields.map((f) => (
          <FormFieldInput
            key={f.key}
            field={f}
            value={raw[f.key] ?? ''}
            error={errors[f.key]}
            onValue={(v) => setRaw((r) => ({ ...r, [f.key]: v }))}
            onFile={(file) => setFiles((x) => ({ ...x, [f.key]: file }))}
          />
        ))}
        <button type="submit" className="button" disabled={busy}>
          {busy ? s('sending') : s('resubmit')}
        </button>
      </form>
    </section>
  );
}

function Payment({ app }: { app: ApplicationView }) {
  const { s, lang, pick } = useS();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const p = app.payment!;
  const pay = async () => {
    setError(null);
    try {
      await simulatePayment(p.code);
      await client.invalidateQueries({ queryKey: ['services', 'application', app.id] });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="svc-payment" className="card">
      <h2 id="svc-payment">{s('payment')}</h2>
      <dl className="facts facts-compact">
        <div>
          <dt>{s('paymentCode')}</dt>
          <dd className="mono">{p.code}</dd>
        </div>
        <div>
          <dt>{s('amount')}</dt>
          <dd>{rupiah(p.amountRupiah, lang)}</dd>
        </div>
        <div>
          <dt>{s('status')}</dt>
          <dd>{p.status === 'paid' ? s('paid') : s('unpaid')}</dd>
        </div>
      </dl>
      {p.status !== 'paid' ? (
        <>
          <p>{pick(p.instructions)}</p>
          <button type="button" className="button" onClick={pay}>
            {s('payTest')}
          </button>
        </>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}

function DocumentBox({ app, token }: { app: ApplicationView; token: string | undefined }) {
  const { s, lang } = useS();
  const [error, setError] = useState<unknown>(null);
  const doc = app.document!;
  const download = async () => {
    setError(null);
    try {
      const blob = await downloadDocument(app.id, token);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${doc.number.replace(/\//g, '-')}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="svc-document" className="card">
      <h2 id="svc-document">{s('document')}</h2>
      <dl className="facts facts-compact">
        <div>
          <dt>{s('number')}</dt>
          <dd className="mono">{doc.number}</dd>
        </div>
        <div>
          <dt>{s('issuedAt')}</dt>
          <dd>{formatDateTime(doc.issuedAt, lang, 'Asia/Jakarta')}</dd>
        </div>
      </dl>
      <p className="actions">
        <button type="button" className="button" onClick={download}>
          {s('download')}
        </button>
        <Link to={`/verifikasi/${doc.id}`}>{s('verifyLink')}</Link>
      </p>
      {error ? <ErrorAlert error={error} /> : null}
    </section>
  );
}
