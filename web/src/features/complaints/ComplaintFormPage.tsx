// The phone-first complaint form: no account, secure by default (rahasia), a draft kept in localStorage,
// sent automatically when the connection returns, and possible duplicates shown before sending.
import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert } from '../../components/Status';
import { useSession } from '../auth/auth-api';
import { ApiError, api, seg } from '../../lib/api';
import { type FileClaim, type SubmitInput, type Submitted, complaintsApi } from './complaints-api';
import { useStrings } from './strings';

const DRAFT_KEY = 'pamong.complaint.draft';
const QUEUE_KEY = 'pamong.complaint.queue';

interface Draft {
  agency: string;
  kind: string;
  categoryId: string;
  regionQuery: string;
  regionCode: string;
  title: string;
  description: string;
  incidentDate: string;
  visibility: string;
  name: string;
  email: string;
  phone: string;
}

const EMPTY: Draft = {
  agency: 'banten',
  kind: 'pengaduan',
  categoryId: '',
  regionQuery: '',
  regionCode: '',
  title: '',
  description: '',
  incidentDate: '',
  visibility: 'rahasia',
  name: '',
  email: '',
  phone: '',
};

function load<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function save(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the form still works, only without the draft.
  }
}

const MAX_FILES = 10;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

/** One picked file: kept in memory only (never in the draft), uploaded as soon as it is picked. */
interface Picked {
  key: number;
  name: string;
  size: number;
  claim: FileClaim | null;
  uploading: boolean;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

let nextKey = 1;

function toInput(d: Draft): SubmitInput {
  const opt = (s: string) => (s.trim() ? s.trim() : null);
  const identity = { name: opt(d.name), email: opt(d.email), phone: opt(d.phone) };
  return {
    agency: d.agency,
    kind: d.kind,
    title: d.title.trim(),
    description: d.description.trim(),
    categoryId: d.categoryId || null,
    regionCode: d.regionCode,
    incidentDate: d.incidentDate || null,
    visibility: d.visibility,
    ...(identity.name || identity.email || identity.phone ? { reporter: identity } : {}),
  };
}

export function ComplaintFormPage() {
  const { s, lang } = useStrings();
  usePageTitle(s('formTitle'));
  const [draft, setDraft] = useState<Draft>(() => load<Draft>(DRAFT_KEY) ?? EMPTY);
  const [restored] = useState(() => load<Draft>(DRAFT_KEY) !== null);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [queued, setQueued] = useState(() => load<SubmitInput>(QUEUE_KEY) !== null);
  const [sent, setSent] = useState<Submitted | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [files, setFiles] = useState<Picked[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const session = useSession();
  const citizen = session.data?.state === 'signed_in' && session.data.me.user.kind === 'citizen';

  const set = (k: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  useEffect(() => save(DRAFT_KEY, draft), [draft]);

  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => api.get<{ slug: string; name: string }[]>('/agencies'),
  });
  const categories = useQuery({
    queryKey: ['complaint-categories', draft.agency],
    queryFn: () => complaintsApi.categories(draft.agency),
  });
  const regions = useQuery({
    queryKey: ['regions', draft.regionQuery],
    queryFn: () =>
      api.get<{ items: { code: string; name: string; ancestors: { name: string }[] }[] }>(
        `/regions?level=4&pageSize=30&q=${seg(draft.regionQuery.trim())}`,
      ),
    enabled: draft.regionQuery.trim().length >= 3 && online,
  });
  const similarText = draft.title.trim();
  const similar = useQuery({
    queryKey: ['complaint-similar', draft.regionCode, draft.categoryId, similarText],
    queryFn: () => complaintsApi.similar(draft.regionCode, draft.categoryId || null, similarText),
    enabled: online && Boolean(draft.regionCode) && similarText.length >= 5,
  });

  const send = useCallback(async (input: SubmitInput) => {
    setSending(true);
    setError(null);
    try {
      const result = await complaintsApi.submit(input);
      save(QUEUE_KEY, null);
      save(DRAFT_KEY, null);
      setQueued(false);
      setSent(result);
      setDraft(EMPTY);
      setFiles([]);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NETWORK') {
        save(QUEUE_KEY, input);
        setQueued(true);
      } else {
        setError(err);
      }
    } finally {
      setSending(false);
    }
  }, []);

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      const pending = load<SubmitInput>(QUEUE_KEY);
      if (pending) void send(pending);
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    if (navigator.onLine && load<SubmitInput>(QUEUE_KEY)) goOnline();
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [send]);

  const refusal = (err: unknown): string => {
    if (err instanceof ApiError && err.status === 415) return s('fileType');
    if (err instanceof ApiError && err.status === 413) return err.messages ? err.messages[lang] : s('fileLarge');
    if (err instanceof ApiError && err.messages) return err.messages[lang];
    return s('fileFailed');
  };

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    const room = MAX_FILES - files.length;
    const errors: string[] = chosen.length > room ? [s('fileTooMany')] : [];
    setFileErrors(errors);
    for (const file of chosen.slice(0, Math.max(room, 0))) {
      const key = nextKey++;
      setFiles((fs) => [...fs, { key, name: file.name, size: file.size, claim: null, uploading: true }]);
      complaintsApi.upload(file).then(
        (u) =>
          setFiles((fs) =>
            fs.map((f) =>
              f.key === key ? { ...f, claim: { id: u.id, claimToken: u.claimToken }, uploading: false } : f,
            ),
          ),
        (err: unknown) => {
          setFiles((fs) => fs.filter((f) => f.key !== key));
          setFileErrors((es) => [...es, s('fileRefused', { name: file.name, reason: refusal(err) })]);
        },
      );
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const miss = (['title', 'description', 'regionCode'] as const).filter((k) => !draft[k].trim());
    setMissing(miss);
    if (miss.length) return;
    if (files.some((f) => f.uploading)) {
      setFileErrors([s('waitUploads')]);
      return;
    }
    const claims = files.flatMap((f) => (f.claim ? [f.claim] : []));
    const input: SubmitInput = { ...toInput(draft), ...(claims.length ? { attachments: claims } : {}) };
    if (!navigator.onLine) {
      save(QUEUE_KEY, input);
      setQueued(true);
      return;
    }
    void send(input);
  };

  if (sent) {
    const path = new URL(sent.trackingUrl).pathname + new URL(sent.trackingUrl).hash;
    return (
      <section className="card" aria-labelledby="sent-title">
        <h1 id="sent-title">{s('sentTitle')}</h1>
        <dl className="facts">
          <div>
            <dt>{s('sentCode')}</dt>
            <dd className="mono" data-testid="complaint-code">
              {sent.code}
            </dd>
          </div>
          <div>
            <dt>{s('handledBy')}</dt>
            <dd>{sent.agencyName}</dd>
          </div>
        </dl>
        <p>{s('sentSecret')}</p>
        <p className="break mono" data-testid="secret-link">
          {sent.trackingUrl}
        </p>
        <Link className="button" to={path}>
          {s('openSecret')}
        </Link>
      </section>
    );
  }

  const err = (k: string) => (missing.includes(k) ? s('required') : null);
  return (
    <>
      <h1>{s('formTitle')}</h1>
      <p className="lead">{s('formLead')}</p>
      {citizen ? (
        <p>
          <Link to="/pengaduan/saya">{s('myReports')}</Link>
        </p>
      ) : null}
      {!online ? (
        <p className="alert alert-warning" role="status">
          {s('offline')}
        </p>
      ) : null}
      {queued ? (
        <p className="alert alert-info" role="status">
          {s('queued')}
        </p>
      ) : null}
      {restored && draft.title ? (
        <p className="muted" role="status">
          {s('draftRestored')}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate aria-label={s('formTitle')}>
        <SelectField label={s('agency')} value={draft.agency} onChange={set('agency')}>
          {(agencies.data ?? [{ slug: 'banten', name: 'Pemerintah Provinsi Banten' }]).map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={s('kind')} value={draft.kind} onChange={set('kind')}>
          <option value="pengaduan">{s('kindPengaduan')}</option>
          <option value="aspirasi">{s('kindAspirasi')}</option>
          <option value="permintaan_informasi">{s('kindInfo')}</option>
        </SelectField>
        <SelectField label={s('category')} value={draft.categoryId} onChange={set('categoryId')}>
          <option value="">{s('chooseCategory')}</option>
          {(categories.data ?? [])
            .filter((c) => c.code.includes('.'))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {lang === 'en' ? c.nameEn : c.nameId}
              </option>
            ))}
        </SelectField>
        <TextField
          label={s('regionSearch')}
          hint={s('regionSearchHint')}
          value={draft.regionQuery}
          onChange={set('regionQuery')}
          maxLength={100}
          autoComplete="off"
        />
        <SelectField
          label={s('region')}
          value={draft.regionCode}
          onChange={set('regionCode')}
          error={err('regionCode')}
        >
          <option value="">{s('chooseRegion')}</option>
          {(regions.data?.items ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} —{' '}
              {r.ancestors
                .slice(1)
                .map((a) => a.name)
                .join(', ')}
            </option>
          ))}
        </SelectField>
        <TextField
          label={s('title')}
          value={draft.title}
          onChange={set('title')}
          maxLength={200}
          error={err('title')}
          required
        />
        {similar.data?.length ? (
          <section className="card" aria-labelledby="similar-title">
            <h2 id="similar-title" className="h3">
              {s('similarTitle')}
            </h2>
            <p>{s('similarLead')}</p>
            <ul>
              {similar.data.map((x) => (
                <li key={x.code}>
                  <Link to={`/lacak/${x.code}`}>{x.code}</Link> — {x.title}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="field">
          <label htmlFor="complaint-description">{s('description')}</label>
          <textarea
            id="complaint-description"
            rows={6}
            maxLength={10000}
            value={draft.description}
            onChange={set('description')}
            aria-describedby="complaint-description-hint"
            aria-invalid={err('description') ? true : undefined}
          />
          <p className="field-hint" id="complaint-description-hint">
            {s('descriptionHint')}
          </p>
          {err('description') ? <p className="field-error">{err('description')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="complaint-files">{s('attachments')}</label>
          <input
            id="complaint-files"
            type="file"
            accept={ACCEPT}
            multiple
            onChange={pick}
            disabled={!online || files.length >= MAX_FILES}
            aria-describedby="complaint-files-hint"
          />
          <p className="field-hint" id="complaint-files-hint">
            {online ? s('attachmentsHint') : s('attachmentsOffline')}
          </p>
          {fileErrors.length ? (
            <div className="field-error" role="alert">
              {fileErrors.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </div>
          ) : null}
          {files.length ? (
            <ul aria-label={s('attachedFiles')} data-testid="complaint-files">
              {files.map((f) => (
                <li key={f.key}>
                  <span className="break">{f.name}</span> ({formatSize(f.size)}) —{' '}
                  {f.uploading ? s('uploading') : s('uploaded')}{' '}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={s('removeFile', { name: f.name })}
                    onClick={() => setFiles((fs) => fs.filter((x) => x.key !== f.key))}
                  >
                    {s('remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <TextField label={s('incidentDate')} type="date" value={draft.incidentDate} onChange={set('incidentDate')} />
        <fieldset className="field">
          <legend>{s('visibility')}</legend>
          {(['rahasia', 'anonim', 'biasa'] as const).map((v) => (
            <label key={v} className="radio">
              <input
                type="radio"
                name="visibility"
                value={v}
                checked={draft.visibility === v}
                onChange={set('visibility')}
              />{' '}
              {s(v === 'rahasia' ? 'visRahasia' : v === 'anonim' ? 'visAnonim' : 'visBiasa')}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{s('identity')}</legend>
          <p className="field-hint">{s('identityHint')}</p>
          <TextField label={s('name')} value={draft.name} onChange={set('name')} maxLength={120} autoComplete="name" />
          <TextField
            label={s('email')}
            type="email"
            value={draft.email}
            onChange={set('email')}
            maxLength={200}
            autoComplete="email"
          />
          <TextField
            label={s('phone')}
            type="tel"
            value={draft.phone}
            onChange={set('phone')}
            maxLength={20}
            autoComplete="tel"
          />
        </fieldset>
        <ErrorAlert error={error} />
        <button type="submit" className="button" disabled={sending}>
          {sending ? s('sending') : s('submit')}
        </button>
      </form>
    </>
  );
}
