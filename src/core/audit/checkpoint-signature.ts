// The canonical text a checkpoint signature covers, and signing / checking it with Ed25519.
// Anyone holding the public key (GET /api/v1/audit/public-key, saved as pub.pem) can check a checkpoint
// without Pamong: write its signedText to cp.txt and its base64-decoded signature to cp.sig, then
//   openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in cp.txt -sigfile cp.sig
import { type KeyObject, sign, verify } from 'node:crypto';

export const CHECKPOINT_HEADER = 'pamong-audit-checkpoint/v1';

export interface CheckpointFields {
  treeSize: number;
  rootHash: string;
  at: Date;
}

/** `pamong-audit-checkpoint/v1\n<treeSize>\n<rootHex>\n<ISO-8601 time>` with no trailing newline. */
export function checkpointText(c: CheckpointFields): string {
  return [CHECKPOINT_HEADER, String(c.treeSize), c.rootHash, c.at.toISOString()].join('\n');
}

/** Base64 Ed25519 signature over checkpointText(c). */
export function signCheckpoint(c: CheckpointFields, privateKey: KeyObject): string {
  return sign(null, Buffer.from(checkpointText(c), 'utf8'), privateKey).toString('base64');
}

export function checkpointSignatureValid(c: CheckpointFields, signature: string, publicKey: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  try {
    return verify(null, Buffer.from(checkpointText(c), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
