// Random link secrets and the hashes kept instead of them.
import { createHash, randomBytes } from 'node:crypto';

export const newLinkToken = () => randomBytes(24).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Pattern of a link token in route parameters (base64url, 32 characters). */
export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{16,64}$';

/** What a response keeps of the transaction it answers: enough to refuse a second one, nothing more. */
export const transactionDedupeHash = (transactionType: string, transactionId: string) =>
  sha256(`pamong-skm:${transactionType}:${transactionId}`);
