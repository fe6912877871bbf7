// TOTP secrets at rest: sealed with the 'auth-totp' key (core/keys/sealed-text.ts), bound to the user's
// id. A database dump alone no longer gives anyone the second factor of every staff member. Secrets
// stored in plain text by earlier versions are sealed at start-up (sealPlaintextTotpSecrets) and read
// as they are until then.
import { and, eq, isNotNull, not, like } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Queryable } from '../db/client';
import { isSealed, openText, sealText } from '../keys/sealed-text';
import { users } from './schema';

const KEY = 'auth-totp';

export const sealTotpSecret = (config: Pick<Config, 'dataDir'>, userId: string, secret: string) =>
  sealText(config, KEY, userId, secret);

/** The base32 secret of a stored value (sealed, or plain text from before sealing). */
export const openTotpSecret = (config: Pick<Config, 'dataDir'>, userId: string, stored: string) =>
  isSealed(stored) ? openText(config, KEY, userId, stored) : stored;

/** Seals every TOTP secret still in plain text; the number sealed. */
export async function sealPlaintextTotpSecrets(q: Queryable, config: Pick<Config, 'dataDir'>): Promise<number> {
  const plain = await q
    .select({ id: users.id, secret: users.totpSecret })
    .from(users)
    .where(and(isNotNull(users.totpSecret), not(like(users.totpSecret, 'v1:%'))));
  for (const u of plain) {
    await q
      .update(users)
      .set({ totpSecret: sealTotpSecret(config, u.id, u.secret!) })
      .where(and(eq(users.id, u.id), eq(users.totpSecret, u.secret!)));
  }
  return plain.length;
}
