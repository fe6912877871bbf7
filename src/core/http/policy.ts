// Deny by default: every route declares who may call it in `config.policy`; a route without one
// fails at registration. The check runs in preValidation, so 401/403 come before 400 (input errors).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Role } from '../auth/roles';
import { forbidden, unauthorized } from './errors';

export type Policy =
  /** Anyone, signed in or not (citizen portal, public data, webhooks that check their own signature). */
  | { public: true }
  /** Any signed-in account: a citizen or staff. */
  | { signedIn: true }
  /** A signed-in citizen account. */
  | { citizen: true }
  /** Staff holding at least one of these roles (scope checks follow in the module's policy.ts). */
  | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

export function decide(policy: Policy, actor: Actor): Decision {
  if ('public' in policy) return 'allow';
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if ('signedIn' in policy) return 'allow';
  if ('citizen' in policy) return actor.kind === 'citizen' ? 'allow' : 'forbidden';
  if (actor.kind !== 'staff') return 'forbidden';
  return actor.grants.some((g) => policy.roles.includes(g.role)) ? 'allow' : 'forbidden';
}

/** Routes outside these prefixes are static web files and need no policy. */
const GUARDED = ['/api', '/open311', '/healthz', '/readyz', '/metrics'];
export const isGuardedUrl = (url: string) => GUARDED.some((p) => url === p || url.startsWith(`${p}/`));

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: Policy;
  /** Which parts of the request the route's schema validates (the bad-input walk uses this). */
  validates: { body: boolean; params: boolean; querystring: boolean };
}

export function installPolicy(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route) => {
    if (!isGuardedUrl(route.url)) return;
    // The interactive API documentation is public, like the OpenAPI document it shows.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, policy: { public: true } };
    const policy = route.config?.policy;
    if (!policy) throw new Error(`Route ${route.method} ${route.url} declares no policy (deny by default)`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const schema = route.schema ?? {};
      registry.push({
        method,
        url: route.url,
        policy,
        validates: { body: !!schema.body, params: !!schema.params, querystring: !!schema.querystring },
      });
    }
  });
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const policy = req.routeOptions.config?.policy;
    if (!policy) {
      if (isGuardedUrl(req.routeOptions.url ?? '')) throw forbidden();
      return;
    }
    const d = decide(policy, req.actor);
    if (d === 'unauthenticated') throw unauthorized();
    if (d === 'forbidden') throw forbidden();
  });
}
