// Every page of the web app. The staff console loads as its own chunk so the citizen portal stays small.
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../features/public/NotFoundPage';
import { HomePage } from '../features/public/HomePage';
import { PublicLayout } from '../features/public/PublicLayout';
import { TrackPage } from '../features/track/TrackPage';

const loadConsole = () => import('../features/console/console-routes');

export const router = createBrowserRouter([
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
  {
    path: '/konsol',
    lazy: async () => ({ Component: (await loadConsole()).ConsoleRoot }),
    children: [
      { path: 'masuk', lazy: async () => ({ Component: (await loadConsole()).LoginPage }) },
      { path: 'verifikasi', lazy: async () => ({ Component: (await loadConsole()).TotpPage }) },
      {
        lazy: async () => ({ Component: (await loadConsole()).ConsoleLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await loadConsole()).ConsoleHome }) },
          { path: 'unit', lazy: async () => ({ Component: (await loadConsole()).UnitsPage }) },
          { path: 'pengguna', lazy: async () => ({ Component: (await loadConsole()).UsersPage }) },
          { path: 'kalender', lazy: async () => ({ Component: (await loadConsole()).CalendarPage }) },
          { path: 'outbox', lazy: async () => ({ Component: (await loadConsole()).OutboxPage }) },
          { path: '*', lazy: async () => ({ Component: (await loadConsole()).ConsoleNotFound }) },
        ],
      },
    ],
  },
]);
