// Reporter identity (name, e-mail, phone) at rest: AES-256-GCM with a key kept outside the database, in a
// file under <dataDir>/keys created on first use (mode 0600), like the ledger key. A database dump alone
// does not reveal who reported. The complaint id is bound as additional data, so a ciphertext copied onto
// another complaint does not decrypt.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { writeKeyFileOnce } from '../../core/keys/write-key-file-once';

export interface ReporterIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
}

const keys = new Map<string, Buffer>();

export const identityKeyFile = (config: Pick<Config, 'dataDir'>) =>
  path.join(config.dataDir, 'keys', 'complaints-identity.key');

function loadKey(config: Pick<Config, 'dataDir'>): Buffer {
  const file = identityKeyFile(config);
  const hit = keys.get(file);
  if (hit) return hit;
  if (!fs.existsSync(file)) writeKeyFileOnce(file, `${randomBytes(32).toString('base64')}\n`);
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`The complaints identity key ${file} is not 32 bytes (base64)`);
  keys.set(file, key);
  return key;
}

export function encryptIdentity(
  config: Pick<Config, 'dataDir'>,
  complaintId: string,
  identity: ReporterIdentity,
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', loadKey(config), iv);
  cipher.setAAD(Buffer.from(complaintId));
  const ct = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
}

export function decryptIdentity(
  config: Pick<Config, 'dataDir'>,
  complaintId: string,
  sealed: string,
): ReporterIdentity {
  if (!sealed.startsWith('v1:')) throw new Error('Unknown identity ciphertext version');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', loadKey(config), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(complaintId));
  decipher.setAuthTag(raw.subarray(12, 28));
  const pt = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  return JSON.parse(pt.toString('utf8')) as ReporterIdentity;
}

/**
 * The shared secret of an SMS/WhatsApp gateway, derived from the module key and the gateway id
 * (HMAC with a purpose label), so no gateway secret is ever stored in the database.
 */
export function gatewaySecret(config: Pick<Config, 'dataDir'>, gatewayId: string): string {
  return createHmac('sha256', loadKey(config)).update(`pamong/complaints-gateway-secret/v1:${gatewayId}`).digest('hex');
}
