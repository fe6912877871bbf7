// The staff console's pages, loaded as one chunk when a /konsol (or account) page is first opened.
export { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from '../auth/PasswordPages';
export { LoginPage } from '../auth/LoginPage';
export { TotpPage } from '../auth/TotpPage';
export { CalendarPage } from '../calendar/CalendarPage';
export { OutboxPage } from '../outbox/OutboxPage';
export { UnitsPage } from '../units/UnitsPage';
export { UsersPage } from '../users/UsersPage';
export { ConsoleHome, ConsoleNotFound } from './ConsoleHome';
export { ConsoleLayout } from './ConsoleLayout';
export { ServicesAdminPage } from '../services/console/ServicesAdminPage';
export { QueuePage as ServiceQueuePage } from '../services/console/QueuePage';
export { StaffApplicationPage } from '../services/console/StaffApplicationPage';
export { StatsPage as ServiceStatsPage } from '../services/console/StatsPage';
