// The route x role walk: every registered route, called by every role and by an anonymous caller.
// A route without a declared policy cannot even be registered; a call the policy forbids must get
// 401/403; no call may end in a 5xx. Later modules join the walk automatically.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { decide, installPolicy, type RegisteredRoute } from '../src/core/http/policy';
import { createTestApp } from './app';
import { actorFor, agentsFor, concreteUrl } from './walk';

describe('authorization is deny-by-default', () => {
  it('refuses to register an API route that declares no policy', async () => {
    const app = Fastify();
    installPolicy(app, []);
    expect(() => app.get('/api/v1/undeclared', async () => ({ leaked: true }))).toThrow(/declares no policy/);
    await app.close();
  });

  it('answers every route for every role as its policy says', { timeout: 600_000 }, async () => {
    const t = await createTestApp();
    const routes: RegisteredRoute[] = t.app.routeRegistry;
    expect(routes.length).toBeGreaterThan(10);
    const agents = await agentsFor(t);
    const leaks: string[] = [];
    const crashes: string[] = [];
    let refusals = 0;
    for (const route of routes) {
      for (const [caller, agent] of agents) {
        const expected = decide(route.policy, actorFor(caller));
        if (expected === 'allow') continue; // allowed calls are exercised with bad input in bad-input.test.ts
        refusals++;
        const res = await agent.inject({ method: route.method as 'GET', url: concreteUrl(route.url), payload: {} });
        const want = expected === 'unauthenticated' ? 401 : 403;
        if (res.statusCode >= 500) crashes.push(`${route.method} ${route.url} as ${caller}: ${res.statusCode}`);
        else if (res.statusCode !== want)
          leaks.push(`${route.method} ${route.url} as ${caller}: ${res.statusCode}, expected ${want}`);
        else expect(res.json().error.code).toBe(want === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    }
    expect(crashes).toEqual([]);
    expect(leaks).toEqual([]);
    // Not vacuous: most routes are closed to most callers.
    expect(refusals).toBeGreaterThan(routes.length);
  });
});
