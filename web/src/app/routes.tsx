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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
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
              { path: '*', lazy: page('ConsoleNotFound') },
            ],
          },
        ],
      },
    ],
  },
]);
