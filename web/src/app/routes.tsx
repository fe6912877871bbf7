// Every page of the web app. The staff console (and the account pages) load as their own chunk so the
// citizen portal stays small.
import { createBrowserRouter } from 'react-router';
import { HomePage } from '../features/public/HomePage';
import { NotFoundPage } from '../features/public/NotFoundPage';
import { PublicLayout } from '../features/public/PublicLayout';
import { TrackPage } from '../features/track/TrackPage';
import { Root } from './Root';

type ConsoleModule = typeof import('../features/console/console-routes');
const page = (name: keyof ConsoleModule) => async () => ({
  Component: (await import('../features/console/console-routes'))[name],
});

type ServicesModule = typeof import('../features/services/public-pages');
const servicePage = (name: keyof ServicesModule) => async () => ({
  Component: (await import('../features/services/public-pages'))[name],
});

type ComplaintsModule = typeof import('../features/complaints/pages');
const complaintsPage = (name: keyof ComplaintsModule) => async () => ({
  Component: (await import('../features/complaints/pages'))[name],
});

type SurveysModule = typeof import('../features/surveys/pages');
const surveysPage = (name: keyof SurveysModule) => async () => ({
  Component: (await import('../features/surveys/pages'))[name],
});

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        path: '/',
        element: <PublicLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'lacak', element: <TrackPage /> },
          { path: 'lacak/:code', element: <TrackPage /> },
          { path: 'pengaduan', lazy: complaintsPage('PublicFeedPage') },
          { path: 'pengaduan/baru', lazy: complaintsPage('ComplaintFormPage') },
          { path: 'pengaduan/saya', lazy: complaintsPage('MyReportsPage') },
          { path: 'pengaduan/lacak/:code', lazy: complaintsPage('ReporterTrackPage') },
          { path: 'layanan', lazy: servicePage('CataloguePage') },
          { path: 'layanan/:id', lazy: servicePage('ServicePage') },
          { path: 'layanan/permohonan/:id', lazy: servicePage('ApplicationPage') },
          { path: 'verifikasi/:id', lazy: servicePage('VerifyPage') },
          { path: 'survei/undangan/:token', lazy: surveysPage('InvitationSurveyPage') },
          { path: 'survei/unit/:unitId', lazy: surveysPage('UnitSurveyPage') },
          { path: 'survei/hasil/:unitId', lazy: surveysPage('PublishedResultPage') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '/survei/kios/:token', lazy: surveysPage('KioskPage') },
      { path: '/lupa-sandi', lazy: page('ForgotPasswordPage') },
      { path: '/reset-password', lazy: page('ResetPasswordPage') },
      { path: '/verify-email', lazy: page('VerifyEmailPage') },
      {
        path: '/konsol',
        children: [
          { path: 'masuk', lazy: page('LoginPage') },
          { path: 'verifikasi', lazy: page('TotpPage') },
          {
            lazy: page('ConsoleLayout'),
            children: [
              { index: true, lazy: page('ConsoleHome') },
              { path: 'unit', lazy: page('UnitsPage') },
              { path: 'pengguna', lazy: page('UsersPage') },
              { path: 'kalender', lazy: page('CalendarPage') },
              { path: 'outbox', lazy: page('OutboxPage') },
              { path: 'pengaduan', lazy: complaintsPage('ComplaintInboxPage') },
              { path: 'pengaduan/kategori', lazy: complaintsPage('CategoriesAdminPage') },
              { path: 'pengaduan/impor', lazy: complaintsPage('LaporImportPage') },
              { path: 'pengaduan/open311', lazy: complaintsPage('Open311ClientsPage') },
              { path: 'pengaduan/gateway', lazy: complaintsPage('GatewaysPage') },
              { path: 'pengaduan/:id', lazy: complaintsPage('ComplaintDetailPage') },
              { path: 'layanan', lazy: page('ServicesAdminPage') },
              { path: 'layanan/antrean', lazy: page('ServiceQueuePage') },
              { path: 'layanan/permohonan/:id', lazy: page('StaffApplicationPage') },
              { path: 'layanan/statistik', lazy: page('ServiceStatsPage') },
              { path: 'survei', lazy: surveysPage('SurveyReportPage') },
              { path: '*', lazy: page('ConsoleNotFound') },
            ],
          },
        ],
      },
    ],
  },
]);
