// Core route plugins, registered under /api/v1 before the modules.
import auditRoutes from './audit/routes';
import authRoutes from './auth/routes';
import calendarRoutes from './calendar/routes';
import filesRoutes from './files/routes';
import orgRoutes from './org/routes';
import outboxRoutes from './outbox/routes';

export const coreRoutes = [authRoutes, orgRoutes, calendarRoutes, auditRoutes, outboxRoutes, filesRoutes];
