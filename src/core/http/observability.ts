// /healthz, /readyz and Prometheus /metrics. Metrics label routes by pattern, never by raw URL.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import client from 'prom-client';
import type { AppContext } from '../context';

export function installObservability(app: FastifyInstance, ctx: AppContext): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'pamong_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  const ok = Type.Object({ status: Type.String() });
  app.get(
    '/healthz',
    { config: { policy: { public: true } }, schema: { hide: true, response: { 200: ok } } },
    async () => ({
      status: 'ok',
    }),
  );
  app.get('/readyz', { config: { policy: { public: true } }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await ctx.database.exec('select 1');
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });
  app.get('/metrics', { config: { policy: { public: true } }, schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
