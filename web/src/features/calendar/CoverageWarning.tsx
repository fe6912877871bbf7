// Warns when deadlines set today reach a year whose national holidays are not loaded: that year's
// weekdays all count as working days, so its deadlines come too early. Nothing is shown otherwise.
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n/i18n';
import { useCalendarCoverage } from './calendar-api';

export function CoverageWarning({ linkToCalendar = false }: { linkToCalendar?: boolean }) {
  const { t } = useI18n();
  const coverage = useCalendarCoverage();
  const missing = coverage.data?.missingYears ?? [];
  if (missing.length === 0) return null;
  const years = missing.join(', ');
  return (
    <div className="alert alert-warning" role="status" data-testid="calendar-coverage-warning">
      <p>
        <strong>{t('calendar.coverage.title', { years })}</strong> {t('calendar.coverage.body', { years })}
      </p>
      {linkToCalendar ? (
        <p>
          <Link to="/konsol/kalender">{t('calendar.coverage.link')}</Link>
        </p>
      ) : null}
    </div>
  );
}
