// The agency admin imports an SP4N-LAPOR! export: choose the file (and a unit mapping file when names do not
// match), check first (a dry run that saves nothing: rows, importable, already imported, row errors,
// unmatched names), then import. Upload progress, then the server's work, are shown while it runs.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Pager } from '../../components/Pager';
import { usePageTitle } from '../../components/page-title';
import { ErrorAlert, Notice } from '../../components/Status';
import { api, apiPostForm, seg } from '../../lib/api';
import type { Text } from '../../lib/i18n/i18n';
import { useMe } from '../console/me-context';
import { useStrings } from './strings';

interface ImportSummary {
  dryRun: boolean;
  rows: number;
  importable: number;
  imported: number;
  alreadyImported: number;
  overdueOpen: number;
  errors: { row: number; trackingId: string | null; message: Text }[];
  unmatched: { name: string; count: number }[];
}

const ERRORS_PER_PAGE = 20;

const csvCell = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function runImport(file: File, mapping: File | null, dryRun: boolean, onProgress: (p: number) => void) {
  const form = new FormData();
  form.append('file', file);
  if (mapping) form.append('mapping', mapping);
  return apiPostForm<ImportSummary>(`/admin/complaints/lapor-import${dryRun ? '?dryRun=true' : ''}`, form, onProgress);
}

export function LaporImportPage() {
  const { s, pick } = useStrings();
  usePageTitle(s('importTitle'));
  const me = useMe();
  const fileId = useId();
  const mappingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [errorPage, setErrorPage] = useState(1);
  const [checked, setChecked] = useState<ImportSummary | null>(null);
  const [imported, setImported] = useState<ImportSummary | null>(null);

  const run = useMutation({
    mutationFn: (dryRun: boolean) => {
      setSent(0);
      return runImport(file!, mapping, dryRun, setSent);
    },
    onSuccess: (summary) => {
      setErrorPage(1);
      if (summary.dryRun) {
        setChecked(summary);
        setImported(null);
      } else {
        setImported(summary);
        setChecked(null);
      }
    },
  });

  const result = imported ?? checked;
  const units = useQuery({
    queryKey: ['units', me.agency?.slug],
    queryFn: () =>
      api.get<{ units: { id: string; name: string; depth: number }[] }>(
        `/agencies/${seg(me.agency?.slug ?? '')}/units`,
      ),
    enabled: Boolean(me.agency) && Boolean(result?.unmatched.length),
  });

  const template = useMemo(() => {
    if (!result?.unmatched.length) return null;
    const csv = ['lapor_name,unit_id', ...result.unmatched.map((u) => `${csvCell(u.name)},`)].join('\n');
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`${csv}\n`)}`;
  }, [result]);

  /** A new choice of files invalidates the last check. */
  const choose = (set: (f: File | null) => void) => (e: ChangeEvent<HTMLInputElement>) => {
    set(e.target.files?.[0] ?? null);
    setChecked(null);
    run.reset();
  };
  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate(true);
  };

  const pages = result ? Math.max(1, Math.ceil(result.errors.length / ERRORS_PER_PAGE)) : 1;
  const errorsShown = result?.errors.slice((errorPage - 1) * ERRORS_PER_PAGE, errorPage * ERRORS_PER_PAGE) ?? [];
  const unmatchedRows = result?.unmatched.reduce((n, u) => n + u.count, 0) ?? 0;
  const working = run.isPending;
  const dryRunning = working && run.variables === true;

  return (
    <>
      <p>
        <Link to="/konsol/pengaduan">{s('back')}</Link>
      </p>
      <h1>{s('importTitle')}</h1>
      <p className="lead">{s('importLead')}</p>

      <form className="form" onSubmit={onCheck} aria-label={s('importTitle')}>
        <div className="field">
          <label htmlFor={fileId}>{s('importFile')}</label>
          <input
            id={fileId}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={choose(setFile)}
            disabled={working}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={mappingId}>{s('importMapping')}</label>
          <input
            id={mappingId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${mappingId}-hint`}
            onChange={choose(setMapping)}
            disabled={working}
          />
          <p className="field-hint" id={`${mappingId}-hint`}>
            {s('importMappingHint')}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={!file || working}>
            {s('importCheck')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!checked || checked.importable === 0 || working}
            aria-describedby={checked ? undefined : `${fileId}-run-hint`}
            onClick={() => run.mutate(false)}
          >
            {s('importRun')}
          </button>
        </div>
        {checked ? null : (
          <p className="field-hint" id={`${fileId}-run-hint`}>
            {s('importRunHint')}
          </p>
        )}
      </form>

      <div role="status" aria-live="polite">
        {working ? (
          <p className="state state-loading">
            {sent < 1 ? (
              <>
                <progress value={sent} max={1} aria-label={s('importProgress')} />{' '}
                {s('importUploading', { p: Math.round(sent * 100) })}
              </>
            ) : (
              <>
                <progress aria-label={s('importProgress')} /> {dryRunning ? s('importChecking') : s('importWorking')}
              </>
            )}
          </p>
        ) : null}
      </div>
      {imported && !working ? <Notice>{s('importDone', { n: imported.imported })}</Notice> : null}
      <ErrorAlert error={run.error} />

      {result && !working ? (
        <section aria-labelledby="import-result" data-testid="import-result">
          <h2 id="import-result">{result.dryRun ? s('importCheckResult') : s('importResult')}</h2>
          <dl className="facts">
            <div>
              <dt>{s('importRows')}</dt>
              <dd>{result.rows}</dd>
            </div>
            <div>
              <dt>{result.dryRun ? s('importImportable') : s('importImported')}</dt>
              <dd>{result.dryRun ? result.importable : result.imported}</dd>
            </div>
            <div>
              <dt>{s('importAlready')}</dt>
              <dd>{result.alreadyImported}</dd>
            </div>
            {result.dryRun ? null : (
              <div>
                <dt>{s('importOverdue')}</dt>
                <dd data-testid="import-overdue">{result.overdueOpen}</dd>
              </div>
            )}
            <div>
              <dt>{s('importUnmatchedCount')}</dt>
              <dd>{unmatchedRows}</dd>
            </div>
            <div>
              <dt>{s('importErrorCount')}</dt>
              <dd>{result.errors.length}</dd>
            </div>
          </dl>

          {!result.dryRun && result.overdueOpen > 0 ? <p className="muted">{s('importOverdueLead')}</p> : null}

          {result.unmatched.length ? (
            <div className="alert alert-warning" data-testid="import-unmatched">
              <h3>{s('importUnmatched')}</h3>
              <p>{s('importUnmatchedLead')}</p>
              <ul>
                {result.unmatched.map((u) => (
                  <li key={u.name}>{s('importUnmatchedRow', { name: u.name, n: u.count })}</li>
                ))}
              </ul>
              {template ? (
                <p>
                  <a href={template} download="pemetaan-lapor.csv">
                    {s('importTemplate')}
                  </a>
                </p>
              ) : null}
              <details>
                <summary>{s('importUnitIds')}</summary>
                <ul className="mono">
                  {(units.data?.units ?? []).map((u) => (
                    <li key={u.id}>
                      {u.name}: {u.id}
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          ) : null}

          {result.errors.length ? (
            <>
              <h3>{s('importErrors')}</h3>
              <ul data-testid="import-errors">
                {errorsShown.map((e) => (
                  <li key={`${e.row}-${e.trackingId ?? ''}`}>
                    <strong>{s('importErrorRow', { row: e.row })}</strong>
                    {e.trackingId ? <span className="mono"> ({e.trackingId})</span> : null}: {pick(e.message)}
                  </li>
                ))}
              </ul>
              <Pager page={errorPage} pages={pages} onPage={setErrorPage} />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
