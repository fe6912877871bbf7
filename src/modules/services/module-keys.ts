// Secrets of the services module, kept in files outside the database (like the ledger key): the Ed25519
// key that signs issued documents, and the shared secret of the payment gateway's webhook. Each is created
// with mode 0600 on first use and cached per file.
import {
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { writeKeyFileOnce } from '../../core/keys/write-key-file-once';

export interface DocumentKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

const docKeys = new Map<string, DocumentKey>();
const secrets = new Map<string, string>();

const keyDir = (config: Pick<Config, 'ledgerKeyFile'>) => path.dirname(config.ledgerKeyFile);

export function documentKey(config: Pick<Config, 'ledgerKeyFile'>): DocumentKey {
  const file = path.join(keyDir(config), 'services-documents-ed25519.pem');
  const hit = docKeys.get(file);
  if (hit) return hit;
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeKeyFileOnce(file, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  }
  const privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const raw = Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url');
  const key = { privateKey, publicKey, keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16) };
  docKeys.set(file, key);
  return key;
}

/** The HMAC secret shared with the payment gateway (the test double reads the same file). */
export function webhookSecret(config: Pick<Config, 'ledgerKeyFile'>): string {
  const file = path.join(keyDir(config), 'services-payment-webhook.secret');
  const hit = secrets.get(file);
  if (hit) return hit;
  if (!fs.existsSync(file)) writeKeyFileOnce(file, randomBytes(32).toString('base64url'));
  const secret = fs.readFileSync(file, 'utf8').trim();
  secrets.set(file, secret);
  return secret;
}
