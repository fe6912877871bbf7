// GET /auth/me: who is signed in, what roles they hold where, and the unit the console works in.
import type { AppContext } from '../context';
import type { SessionState } from './session';
import { findAgency, grantsOf, toUserView } from './user-queries';

export async function describeSession(ctx: AppContext, session: SessionState) {
  const grants = (await grantsOf(ctx.db, [session.userId])).get(session.userId) ?? [];
  const agency = session.user.agencyId ? ((await findAgency(ctx.db, session.user.agencyId)) ?? null) : null;
  return {
    user: toUserView(session.user),
    agency,
    grants,
    activeUnitId: session.activeUnitId,
    csrfToken: session.csrfToken,
  };
}
