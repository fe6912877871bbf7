// A respondent's turn at a kiosk or on the unit's public link: a single-use token for one response.
import type { AppContext } from '../../core/context';
import { surveySessions } from './schema';
import { newLinkToken, sha256 } from './tokens';

/** A turn at the kiosk may take this long before its token lapses. */
export const SESSION_MINUTES = 30;

export async function openSession(
  ctx: AppContext,
  target: { agencyId: string; unitId: string; kioskId: string | null },
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const sessionToken = newLinkToken();
  const expiresAt = new Date(now.getTime() + SESSION_MINUTES * 60_000);
  await ctx.db.insert(surveySessions).values({
    agencyId: target.agencyId,
    unitId: target.unitId,
    kioskId: target.kioskId,
    tokenHash: sha256(sessionToken),
    createdAt: now,
    expiresAt,
  });
  return { sessionToken, expiresAt };
}
