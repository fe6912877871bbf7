// Signed-in test clients. loginAs(t, role) goes through the real sign-in (password, then TOTP enrolment
// and verification for staff) once per test app and role, and hands out the same session afterwards.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/core/auth/seed-demo-accounts';
import type { Role } from '../src/core/auth/roles';
import { users } from '../src/core/auth/schema';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/core/auth/session';
import { TOTP_PERIOD, totpCode } from '../src/core/auth/totp';
import { openTotpSecret } from '../src/core/auth/totp-secret';
import { outbox } from '../src/core/outbox/schema';
import type { TestApp } from './app';

export interface Agent {
  /** app.inject with this agent's session cookie and CSRF header added (headers you pass win). */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** '' for an anonymous agent. */
  userId: string;
  csrfToken: string;
  /** `pamong_sid=…`, or '' for an anonymous agent. */
  cookie: string;
  email: string;
}

export type AgentRole = Role | 'citizen';

/** Recovery codes handed out at enrolment, for signing in again within one TOTP time step. */
const recoveryCodes = new WeakMap<TestApp, Map<string, string[]>>();
const agents = new WeakMap<TestApp, Map<string, { agent: Promise<Agent>; expiresAt: number }>>();
let addressCounter = 0;

/**
 * Each sign-in comes from its own documentation address (RFC 5737), so the helper never spends the
 * per-address sign-in budget of the test that calls it.
 */
const nextAddress = () => {
  addressCounter += 1;
  return `198.51.${(addressCounter >> 8) % 256}.${addressCounter % 256}`;
};

function makeAgent(t: TestApp, a: { userId: string; csrfToken: string; cookie: string; email: string }): Agent {
  return {
    ...a,
    inject: (opts) =>
      t.app.inject({
        ...opts,
        headers: {
          ...(a.cookie ? { cookie: a.cookie } : {}),
          ...(a.csrfToken ? { [CSRF_HEADER]: a.csrfToken } : {}),
          ...(opts.headers ?? {}),
        },
      }),
  };
}

/** A client with no session. */
export function anonymous(t: TestApp): Agent {
  return makeAgent(t, { userId: '', csrfToken: '', cookie: '', email: '' });
}

/**
 * The demo account of `role`, signed in. Cached per test app and role; `fresh: true` signs in anew
 * (use it when a test ends the session or changes the account). A cached session is replaced
 * automatically once the test clock passes its expiry.
 */
export async function loginAs(t: TestApp, role: AgentRole, opts: { fresh?: boolean } = {}): Promise<Agent> {
  const perApp = agents.get(t) ?? new Map<string, { agent: Promise<Agent>; expiresAt: number }>();
  agents.set(t, perApp);
  const cached = perApp.get(role);
  if (cached && !opts.fresh && t.clock.now().getTime() < cached.expiresAt) return cached.agent;
  const expiresAt = t.clock.now().getTime() + t.ctx.config.sessionTtlHours * 3600_000 - 60_000;
  const agent = loginWith(t, DEMO_ACCOUNTS[role], DEMO_PASSWORD);
  perApp.set(role, { agent, expiresAt });
  agent.catch(() => perApp.delete(role));
  return agent;
}

/** Signs in any account by e-mail and password through the real routes (enrolling TOTP if needed). */
export async function loginWith(t: TestApp, email: string, password: string): Promise<Agent> {
  const remoteAddress = nextAddress();
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress,
  });
  if (login.statusCode !== 200) throw new Error(`login of ${email} failed: ${login.statusCode} ${login.body}`);
  const cookieRow = login.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookieRow) throw new Error(`login of ${email} set no session cookie`);
  const body = login.json() as { status: string; csrfToken: string; user?: { id: string } };
  const agent = makeAgent(t, {
    userId: '',
    csrfToken: body.csrfToken,
    cookie: `${SESSION_COOKIE}=${cookieRow.value}`,
    email,
  });
  if (body.status === 'ok') return { ...agent, userId: body.user!.id };

  let code: string;
  if (body.status === 'totp_enrol') {
    const enrol = await agent.inject({ method: 'POST', url: '/api/v1/auth/totp/enrol', remoteAddress });
    if (enrol.statusCode !== 200) throw new Error(`TOTP enrolment of ${email} failed: ${enrol.body}`);
    code = await totpCode(enrol.json().secret, t.clock.now());
  } else {
    code = await nextCode(t, email);
  }
  const verify = await agent.inject({
    method: 'POST',
    url: '/api/v1/auth/totp/verify',
    payload: { code },
    remoteAddress,
  });
  if (verify.statusCode !== 200) throw new Error(`TOTP verification of ${email} failed: ${verify.body}`);
  const v = verify.json() as { user: { id: string }; recoveryCodes?: string[] };
  if (v.recoveryCodes) {
    const perApp = recoveryCodes.get(t) ?? new Map<string, string[]>();
    recoveryCodes.set(t, perApp);
    perApp.set(email, v.recoveryCodes);
  }
  return { ...agent, userId: v.user.id };
}

/**
 * A code the server will accept now: the current TOTP code, or the next step's (the server allows one
 * step of drift) when the current one was used already, else one of the enrolment's recovery codes.
 */
async function nextCode(t: TestApp, email: string): Promise<string> {
  const [u] = await t.ctx.db
    .select({ id: users.id, stored: users.totpSecret, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!u?.stored) throw new Error(`${email} has no TOTP secret`);
  const secret = openTotpSecret(t.ctx.config, u.id, u.stored);
  const now = t.clock.now();
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD);
  for (const s of [step, step + 1]) {
    if (u.lastStep === null || u.lastStep < s) return totpCode(secret, new Date(s * TOTP_PERIOD * 1000));
  }
  const spare = recoveryCodes.get(t)?.get(email)?.shift();
  if (!spare) throw new Error(`no unused TOTP step or recovery code left for ${email}; advance the test clock by 30 s`);
  return spare;
}

/** The TOTP secret of an account, read from the database and opened (for tests that need to produce codes). */
export async function totpSecretOf(t: TestApp, email: string): Promise<string> {
  const [u] = await t.ctx.db
    .select({ id: users.id, stored: users.totpSecret })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!u?.stored) throw new Error(`${email} has no TOTP secret`);
  return openTotpSecret(t.ctx.config, u.id, u.stored);
}

/** E-mails queued in the outbox for `to`, newest first. */
export async function mailsTo(t: TestApp, to: string): Promise<{ to: string; subject: string; text: string }[]> {
  const rows = await t.ctx.db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.topic, 'email'), sql`${outbox.payload}->>'to' = ${to}`))
    .orderBy(desc(outbox.id));
  return rows.map((r) => r.payload as { to: string; subject: string; text: string });
}
