// What Pamong is for a citizen: file a complaint, apply for a service, track either by code.
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { type MessageKey, useI18n } from '../../lib/i18n/i18n';

interface Door {
  title: MessageKey;
  body: MessageKey;
  /** Where it leads; undefined while the module is not yet available. */
  to?: string;
  action: MessageKey;
}

const DOORS: Door[] = [
  {
    title: 'home.complaint.title',
    body: 'home.complaint.body',
    action: 'home.complaint.action',
    to: '/pengaduan/baru',
  },
  { title: 'home.service.title', body: 'home.service.body', action: 'home.service.action', to: '/layanan' },
  { title: 'home.track.title', body: 'home.track.body', action: 'home.track.action', to: '/lacak' },
];

export function HomePage() {
  const { t } = useI18n();
  usePageTitle(t('home.title'));
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.heading')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>
      <section aria-labelledby="doors-title">
        <h2 id="doors-title">{t('home.doors')}</h2>
        <ul className="cards">
          {DOORS.map((d) => (
            <li key={d.title} className="card">
              <h3>{t(d.title)}</h3>
              <p>{t(d.body)}</p>
              {d.to ? (
                <Link className="button" to={d.to}>
                  {t(d.action)}
                </Link>
              ) : (
                <p className="upcoming">
                  <span className="badge">{t('common.upcoming')}</span> {t('home.upcomingNote')}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="promise-title" className="promise">
        <h2 id="promise-title">{t('home.promise.title')}</h2>
        <ul className="ticks">
          <li>{t('home.promise.noWrongDoor')}</li>
          <li>{t('home.promise.deadline')}</li>
          <li>{t('home.promise.privacy')}</li>
        </ul>
      </section>
      <p className="staff-link">
        {t('home.staffPrompt')} <Link to="/konsol">{t('home.staffLink')}</Link>
      </p>
    </>
  );
}
