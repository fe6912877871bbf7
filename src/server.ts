// Starts Pamong: open the database (locking a PGlite data directory), prepare it, listen, run the
// background workers, and shut down gracefully on SIGINT/SIGTERM.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { prepareDatabase } from './bootstrap';
import type { Config } from './config';
import { getCalendarCoverage } from './core/calendar/get-calendar-coverage';
import { openConfiguredDatabase } from './core/db/open';
import { startWorkers } from './workers';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  seeded: boolean;
  /** Years that deadlines set today reach and that have no national days off loaded (see banner.ts). */
  missingHolidayYears: number[];
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openConfiguredDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({ config, database });
    const { seeded } = await prepareDatabase(app.ctx, { seedDemo: config.seedDemo });
    const { missingYears } = await getCalendarCoverage(app.ctx);
    if (missingYears.length > 0) {
      app.log.warn({ missingYears }, 'national holidays not loaded for years that deadlines reach');
    }
    await app.listen({ host: config.host, port: config.port });
    const stopWorkers = config.workers ? startWorkers(app.ctx) : async () => {};
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await stopWorkers();
        await app!.close();
        await database.close();
      })();
      return stopping;
    };
    return { app, url: `http://localhost:${port}`, seeded, missingHolidayYears: missingYears, stop };
  } catch (e) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw e;
  }
}
