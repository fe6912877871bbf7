// The calendar: the year's national holidays and cuti bersama, and the agency's own days off (add, remove).
// Deadlines count working days against this calendar.
import { type FormEvent, useState } from 'react';
import { SelectField, TextField } from '../../components/Field';
import { usePageTitle } from '../../components/page-title';
import { Empty, ErrorAlert, Loading, Notice } from '../../components/Status';
import { formatDate } from '../../lib/format';
import { type MessageKey, useI18n } from '../../lib/i18n/i18n';
import { hasAnyRole } from '../auth/auth-api';
import { useMe } from '../console/me-context';
import { type HolidayKind, useHolidayMutations, useHolidays } from './calendar-api';
import { CoverageWarning } from './CoverageWarning';
import { ImportNationalDays } from './ImportNationalDays';

const KIND_KEY: Record<HolidayKind, MessageKey> = {
  libur_nasional: 'calendar.kind.libur_nasional',
  cuti_bersama: 'calendar.kind.cuti_bersama',
  libur_instansi: 'calendar.kind.libur_instansi',
};

export function CalendarPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('calendar.title'));
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const years = [thisYear - 1, thisYear, thisYear + 1];
  const me = useMe();
  const slug = me.agency?.slug;
  const holidays = useHolidays(slug, year);
  const { remove } = useHolidayMutations(slug);
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p className="lead">{t('calendar.lead')}</p>
      <CoverageWarning />
      <AddDayOff slug={slug} />
      {hasAnyRole(me, ['platform_admin']) ? <ImportNationalDays /> : null}
      <section aria-labelledby="holidays-title">
        <h2 id="holidays-title">{t('calendar.listTitle', { year })}</h2>
        <div className="form inline-form">
          <SelectField
            label={t('calendar.year')}
            value={String(year)}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        <ErrorAlert error={remove.error} />
        {holidays.isPending ? (
          <Loading />
        ) : holidays.error ? (
          <ErrorAlert error={holidays.error} />
        ) : holidays.data.length === 0 ? (
          <Empty>{t('calendar.empty', { year })}</Empty>
        ) : (
          <ul className="holiday-list">
            {holidays.data.map((h) => (
              <li key={h.id} className={`holiday holiday-${h.kind}`}>
                <div>
                  <time dateTime={h.date}>{formatDate(h.date, lang)}</time>
                  <span className="holiday-name">{h.name}</span>
                  <span className="badge">{t(KIND_KEY[h.kind])}</span>
                </div>
                {h.kind === 'libur_instansi' ? (
                  <button
                    type="button"
                    className="button button-danger button-small"
                    disabled={remove.isPending}
                    aria-label={t('calendar.removeLabel', { name: h.name, date: formatDate(h.date, lang) })}
                    onClick={() => remove.mutate(h.id)}
                  >
                    {t('calendar.remove')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function AddDayOff({ slug }: { slug: string | undefined }) {
  const { t, lang } = useI18n();
  const { add } = useHolidayMutations(slug);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    add.mutate(
      { date, name: name.trim() },
      {
        onSuccess: (h) => {
          setAdded(t('calendar.added', { name: h.name, date: formatDate(h.date, lang) }));
          setDate('');
          setName('');
        },
      },
    );
  };
  return (
    <section aria-labelledby="add-day-title" className="panel">
      <h2 id="add-day-title">{t('calendar.addTitle')}</h2>
      <form className="form" onSubmit={submit} aria-labelledby="add-day-title">
        <div className="form-row">
          <TextField
            label={t('calendar.date')}
            type="date"
            name="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          <TextField
            label={t('calendar.name')}
            name="holiday-name"
            required
            maxLength={160}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <ErrorAlert error={add.error} />
        {added ? <Notice>{added}</Notice> : null}
        <button type="submit" className="button" disabled={add.isPending || !slug}>
          {t('calendar.add')}
        </button>
      </form>
    </section>
  );
}
