// Builds the Fastify app: infrastructure -> core -> modules -> web. Tests call buildApp() + inject().
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { type AppContext, type Clock, systemClock } from './core/context';
import type { Database } from './core/db/client';
import { installErrorHandling } from './core/http/error-handler';
import { installObservability } from './core/http/observability';
import { type RegisteredRoute, installPolicy, isGuardedUrl } from './core/http/policy';
import { installSessionHook } from './core/http/session-hook';
import { coreRoutes } from './core/routes';
import { modules } from './modules';

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  /** false in tests that don't want request logs. */
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    routeRegistry: RegisteredRoute[];
  }
}

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : loggerOptions(opts.config.logLevel),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ctx: AppContext = {
    config: opts.config,
    database: opts.database,
    db: opts.database.db,
    clock: opts.clock ?? systemClock,
    log: app.log,
  };
  const registry: RegisteredRoute[] = [];
  app.decorate('ctx', ctx);
  app.decorate('routeRegistry', registry);

  const hasWeb = fs.existsSync(`${webDist}/index.html`);
  installErrorHandling(app, (req, reply) => {
    // Client-side routes of the web app get its index.html; API paths keep their JSON 404.
    if (!hasWeb || req.method !== 'GET' || isGuardedUrl(req.url)) return false;
    void reply.type('text/html').sendFile('index.html');
    return true;
  });
  installPolicy(app, registry);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Pamong API', version: '1', description: 'Pamong REST API (Bahasa Indonesia / English)' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiHooks: {} });
  installSessionHook(app, ctx);
  installObservability(app, ctx);
  app.get('/api/openapi.json', { config: { policy: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(
    async (api) => {
      for (const routes of coreRoutes) await api.register(routes, { ctx });
      for (const m of modules) if (m.routes) await api.register(m.routes, { ctx });
    },
    { prefix: '/api/v1' },
  );
  for (const m of modules) if (m.rootRoutes) await app.register(m.rootRoutes, { ctx });

  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  return app;
}

function loggerOptions(level: string) {
  return {
    level,
    // No personal data in logs: no bodies, no query strings, no cookies or auth headers.
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string }; url: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
