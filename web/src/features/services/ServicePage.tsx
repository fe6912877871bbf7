// One service: its full Standar Pelayanan, fee, time limit, on-time record and steps, then the application
// form (with an account or as a guest).
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Loading } from '../../components/Status';
import { ApiError } from '../../lib/api';
import { FormFieldInput, fieldErrors, toValues } from './FormFieldInput';
import { OnTime } from './OnTime';
import {
  type FileClaim,
  type ServiceDetail,
  type Standard,
  createApplication,
  rememberToken,
  rupiah,
  uploadFile,
  useService,
} from './services-api';
import { STANDARD_LABELS, useS } from './text';
import './services.css';

export function ServicePage() {
  const { id } = useParams();
  const service = useService(id);
  const { s } = useS();
  usePageTitle(service.data?.name ?? s('catalogueTitle'));
  if (service.isPending) return <Loading />;
  if (service.error) return <ErrorAlert error={service.error} />;
  return <ServiceView service={service.data} />;
}

function ServiceView({ service }: { service: ServiceDetail }) {
  const { s, lang, pick } = useS();
  return (
    <>
      <h1>{service.name}</h1>
      <p className="svc-where">
        {service.unitName} · {service.agencyName}
      </p>
      <p className="lead">{service.summary}</p>
      <dl className="facts">
        <div>
          <dt>{s('fee')}</dt>
          <dd>{rupiah(service.feeRupiah, lang)}</dd>
        </div>
        <div>
          <dt>{s('days')}</dt>
          <dd>
            {service.durationDays} {s('workingDays')}
          </dd>
        </div>
        <div>
          <dt>{s('onTime')}</dt>
          <dd>
            <OnTime record={service.record} />
          </dd>
        </div>
      </dl>
      <section aria-labelledby="svc-steps">
        <h2 id="svc-steps">{s('workflow')}</h2>
        <ol className="svc-steps">
          {service.steps.map((st) => (
            <li key={st.index}>
              {pick(st.name)} — {pick(st.roleLabel)}, {st.unitName} ({s('stepDays', { days: st.days })})
            </li>
          ))}
        </ol>
      </section>
      <StandardView standard={service.standard} />
      <ApplyForm service={service} />
    </>
  );
}

export function StandardView({ standard }: { standard: Standard }) {
  const { s, lang } = useS();
  const part = (which: 'delivery' | 'management') => (
    <dl className="svc-standard">
      {STANDARD_LABELS.filter((l) => l[3] === which).map(([key, id, en]) => {
        const v = standard[key];
        return (
          <div key={key}>
            <dt>{lang === 'en' ? en : id}</dt>
            <dd>
              {Array.isArray(v) ? (
                <ul>
                  {v.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              ) : (
                v
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
  return (
    <section aria-labelledby="svc-standard" className="card">
      <h2 id="svc-standard">{s('standard')}</h2>
      <h3>{s('delivery')}</h3>
      {part('delivery')}
      <h3>{s('management')}</h3>
      {part('management')}
    </section>
  );
}

function ApplyForm({ service }: { service: ServiceDetail }) {
  const { s, lang } = useS();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const claims: Record<string, FileClaim> = {};
      for (const [key, file] of Object.entries(files)) {
        if (!file) continue;
        try {
          claims[key] = await uploadFile(file);
        } catch (err) {
          const label = service.form.find((f) => f.key === key)?.label;
          setErrors({ [key]: err instanceof ApiError && err.messages ? err.messages[lang] : String(err) });
          setError(
            new ApiError(400, 'FIELD_INVALID', {
              id: `Isian "${label?.id}": berkas ditolak.`,
              en: `Field "${label?.en}": file refused.`,
            }),
          );
          return;
        }
      }
      const created = await createApplication({
        serviceId: service.id,
        applicant: { name: name.trim(), email: email.trim() },
        values: toValues(service.form, raw),
        files: claims,
        submit: true,
      });
      if (created.accessToken) rememberToken(created.id, created.accessToken);
      navigate(`/layanan/permohonan/${created.id}${created.accessToken ? `#token=${created.accessToken}` : ''}`);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'FIELD_INVALID') setErrors(fieldErrors(err.details, lang));
      if (err instanceof ApiError && err.code === 'VALIDATION') {
        const d = err.details as { field: string }[] | undefined;
        if (d?.some((x) => x.field.includes('applicant'))) setErrors({ applicantName: s('fixErrors') });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="svc-apply" className="card">
      <h2 id="svc-apply">{s('apply')}</h2>
      {error ? <ErrorAlert error={error} /> : null}
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="svc-applicant">{`${s('applicantName')} (${s('required')})`}</label>
          <input
            id="svc-applicant"
            autoComplete="name"
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.applicantName ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="svc-email">{`${s('applicantEmail')} (${s('optional')})`}</label>
          <input
            id="svc-email"
            type="email"
            autoComplete="email"
            maxLength={200}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby="svc-email-hint"
          />
          <p className="field-hint" id="svc-email-hint">
            {s('applicantEmailHint')}
          </p>
        </div>
        {service.form.map((f) => (
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
          {busy ? s('sending') : s('submit')}
        </button>
      </form>
    </section>
  );
}
