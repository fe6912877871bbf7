// Resolves the caller (req.actor) from the session cookie and enforces CSRF on state-changing requests.
import type { FastifyInstance } from 'fastify';
import { ANONYMOUS } from '../auth/roles';
import { CSRF_HEADER, SESSION_COOKIE, type SessionState, actorOf, loadSession } from '../auth/session';
import type { AppContext } from '../context';
import { text } from '../i18n/messages';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionState | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req) => {
    req.actor = ANONYMOUS;
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const session = await loadSession(ctx.db, token, ctx.clock.now());
    if (!session) return;
    if (!SAFE.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError(
        403,
        'CSRF',
        text(
          'Token keamanan (CSRF) tidak cocok. Muat ulang halaman.',
          'Security (CSRF) token mismatch. Reload the page.',
        ),
      );
    }
    req.session = session;
    req.actor = actorOf(session);
  });
}
