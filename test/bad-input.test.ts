// Bad input on every route: malformed, oversized and wrong-typed requests get a 4xx in the one error
// shape and change nothing. Each route is called by a caller its policy allows.
import { describe, expect, it } from 'vitest';
import { listTables, qname } from '../src/core/backup/tables';
import { decide } from '../src/core/http/policy';
import type { Queryable } from '../src/core/db/client';
import { sql } from 'drizzle-orm';
import { createTestApp } from './app';
import { CALLERS, actorFor, agentsFor, concreteUrl } from './walk';

async function rowCounts(q: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await listTables(q)) {
    const r = await q.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${qname(t)}`));
    counts[`${t.schema}.${t.name}`] = Number(r.rows[0]?.n ?? 0);
  }
  return counts;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

describe('bad input on every route', () => {
  it('gets a 4xx in the error shape and changes nothing', { timeout: 600_000 }, async () => {
    const t = await createTestApp();
    const agents = await agentsFor(t);
    const before = await rowCounts(t.ctx.db);
    const problems: string[] = [];
    const check = (what: string, res: { statusCode: number; json(): unknown }, allowed: number[]) => {
      if (!allowed.includes(res.statusCode)) {
        problems.push(`${what}: got ${res.statusCode}, expected one of ${allowed.join('/')}`);
        return;
      }
      const body = res.json() as { error?: { code?: string; messages?: { id?: string; en?: string } } };
      // Open311 GeoReport v2 answers with the spec's own error list: [{ code, description }].
      if (what.includes(' /open311/')) {
        const list = body as unknown as { code?: number; description?: string }[];
        if (!Array.isArray(list) || !list[0]?.code || !list[0]?.description)
          problems.push(`${what}: not the Open311 error shape`);
        return;
      }
      if (!body.error?.code || !body.error.messages?.id || !body.error.messages?.en)
        problems.push(`${what}: not the error shape`);
    };
    for (const route of t.app.routeRegistry) {
      const caller = CALLERS.find((c) => decide(route.policy, actorFor(c)) === 'allow');
      if (!caller) continue;
      const agent = agents.get(caller)!;
      const url = concreteUrl(route.url);
      const name = `${route.method} ${route.url} as ${caller}`;
      if (WITH_BODY.has(route.method)) {
        const malformed = await agent.inject({
          method: route.method as 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: '{"title": "unterminated',
        });
        check(`${name} with malformed JSON`, malformed, [400, 415]);
        const oversized = await agent.inject({
          method: route.method as 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ text: 'x'.repeat(12 * 1024 * 1024) }),
        });
        check(`${name} with a 12 MB body`, oversized, [413, 415]);
        if (route.validates.body) {
          const wrongType = await agent.inject({
            method: route.method as 'POST',
            url,
            payload: [42, { nested: [true] }],
          });
          check(`${name} with a wrong-typed body`, wrongType, [400, 404, 409, 415, 422]);
        }
      }
      if (route.validates.params && route.url.includes(':')) {
        const badParams = await agent.inject({
          method: route.method as 'GET',
          url: route.url.replace(/:[A-Za-z_]+/g, '%00%27%22--'),
          payload: WITH_BODY.has(route.method) ? {} : undefined,
        });
        check(`${name} with malformed path parameters`, badParams, [400, 404]);
      }
    }
    expect(problems).toEqual([]);
    expect(await rowCounts(t.ctx.db)).toEqual(before);
  });
});
