// Routes of core/calendar, registered under /api/v1 by app.ts.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (_app, _opts) => {};
export default routes;
