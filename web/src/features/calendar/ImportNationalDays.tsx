// Platform admin: load a year's national holidays and cuti bersama from the joint decree (SKB 3 Menteri) as
// a CSV (tanggal,jenis,nama). Preview first (nothing saved), then save what the preview showed.
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { ErrorAlert, Notice } from '../../components/Status';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n/i18n';
import { type ImportResult, useImportNationalDays } from './calendar-api';

type Day = ImportResult['added'][number];

export function ImportNationalDays() {
  const { t, lang } = useI18n();
  const fileId = useId();
  const [csv, setCsv] = useState<string | null>(null);
  const [replaceYears, setReplaceYears] = useState(false);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [saved, setSaved] = useState<ImportResult | null>(null);
  const run = useImportNationalDays();

  const reset = () => {
    setPreview(null);
    setSaved(null);
    run.reset();
  };
  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    reset();
    const file = e.target.files?.[0];
    setCsv(file ? await file.text() : null);
  };
  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    if (csv === null) return;
    run.mutate({ csv, dryRun: true, replaceYears }, { onSuccess: setPreview });
  };
  const onSave = () => {
    if (csv === null) return;
    run.mutate(
      { csv, dryRun: false, replaceYears },
      {
        onSuccess: (r) => {
          setSaved(r);
          setPreview(null);
        },
      },
    );
  };
  const changes = preview
    ? preview.added.length + preview.restored.length + preview.changed.length + preview.removed.length
    : 0;
  const day = (d: Day) => `${formatDate(d.date, lang)}: ${d.name}`;

  return (
    <section aria-labelledby="import-days-title" className="panel">
      <h2 id="import-days-title">{t('calendar.import.title')}</h2>
      <p>{t('calendar.import.lead')}</p>
      <form className="form" onSubmit={onPreview} aria-labelledby="import-days-title">
        <div className="field">
          <label htmlFor={fileId}>{t('calendar.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => void choose(e)}
            required
          />
          <p className="field-hint" id={`${fileId}-hint`}>
            {t('calendar.import.format')} <code>tanggal,jenis,nama</code> —{' '}
            <code>2027-01-01,libur_nasional,Tahun Baru 2027 Masehi</code>
          </p>
        </div>
        <div className="svc-check">
          <input
            id={`${fileId}-replace`}
            type="checkbox"
            checked={replaceYears}
            onChange={(e) => {
              setReplaceYears(e.target.checked);
              reset();
            }}
          />
          <label htmlFor={`${fileId}-replace`}>{t('calendar.import.replace')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={csv === null || run.isPending}>
            {t('calendar.import.preview')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!preview || changes === 0 || run.isPending}
            onClick={onSave}
          >
            {t('calendar.import.save')}
          </button>
        </div>
      </form>
      <ErrorAlert error={run.error} />
      {saved ? <Notice>{t('calendar.import.saved', { years: saved.years.join(', ') })}</Notice> : null}
      {preview ? (
        <div data-testid="import-days-preview">
          <h3>{t('calendar.import.previewTitle', { years: preview.years.join(', '), rows: preview.rows })}</h3>
          {changes === 0 ? <p>{t('calendar.import.nothing')}</p> : null}
          <DayList title={t('calendar.import.added', { n: preview.added.length })} days={preview.added} show={day} />
          <DayList
            title={t('calendar.import.restored', { n: preview.restored.length })}
            days={preview.restored}
            show={day}
          />
          <DayList
            title={t('calendar.import.changed', { n: preview.changed.length })}
            days={preview.changed}
            show={(d) => `${day(d)} (${t('calendar.import.was')}: ${d.before.name})`}
          />
          <DayList
            title={t('calendar.import.removed', { n: preview.removed.length })}
            days={preview.removed}
            show={day}
          />
          <DayList
            title={t('calendar.import.notInFile', { n: preview.notInFile.length })}
            days={preview.notInFile}
            show={day}
          />
          <p>{t('calendar.import.unchanged', { n: preview.unchanged })}</p>
        </div>
      ) : null}
    </section>
  );
}

function DayList<D extends Day>({ title, days, show }: { title: string; days: D[]; show: (d: D) => string }) {
  if (days.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {days.map((d) => (
          <li key={d.date}>{show(d)}</li>
        ))}
      </ul>
    </>
  );
}
