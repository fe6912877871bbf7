// Shared by the route x role walk and the bad-input walk: callers, their agents, concrete URLs.
import type { Actor, Role } from '../src/core/auth/roles';
import { ROLES } from '../src/core/auth/roles';
import type { TestApp } from './app';
import { type Agent, anonymous, loginAs } from './auth';

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
/** A concrete URL for a route pattern: every parameter gets a well-formed value that names nothing. */
export const concreteUrl = (url: string) => url.replace(/:[A-Za-z_]+/g, (p) => (/id$/i.test(p) ? ZERO_UUID : 'x0'));

export type Caller = Role | 'citizen' | 'anonymous';
export const CALLERS: Caller[] = ['anonymous', 'citizen', ...ROLES];

/** The actor a demo account of this kind acts as, as far as route policies look (kind and roles). */
export function actorFor(caller: Caller): Actor {
  if (caller === 'anonymous') return { kind: 'anonymous' };
  if (caller === 'citizen') return { kind: 'citizen', userId: ZERO_UUID, sessionId: '', name: '' };
  return {
    kind: 'staff',
    userId: ZERO_UUID,
    sessionId: '',
    name: '',
    agencyId: ZERO_UUID,
    grants: [{ role: caller, agencyId: ZERO_UUID, unitId: null }],
  };
}

export async function agentsFor(t: TestApp): Promise<Map<Caller, Agent>> {
  const agents = new Map<Caller, Agent>();
  agents.set('anonymous', anonymous(t));
  for (const c of CALLERS) if (c !== 'anonymous') agents.set(c, await loginAs(t, c));
  return agents;
}
