// The Ed25519 key that signs ledger checkpoints. It lives in a PEM file outside the database
// (config.ledgerKeyFile), so an attacker holding only the database cannot sign a rewritten history.
// Created with mode 0600 on first use; the key id is the first 16 hex digits of SHA-256(raw public key).
import { type KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { writeKeyFileOnce } from '../keys/write-key-file-once';

export interface LedgerKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
  /** File permissions let others than the owner read the key (warn the operator). */
  looseMode: boolean;
}

export class LedgerKeyError extends Error {}

/** Key id of an Ed25519 public key: the first 16 hex digits of SHA-256 over its 32 raw bytes. */
export function keyIdOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(String(jwk.x), 'base64url');
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

function createKeyFile(file: string): void {
  const { privateKey } = generateKeyPairSync('ed25519');
  writeKeyFileOnce(file, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

function readKey(file: string): LedgerKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LedgerKeyError(`Cannot read the ledger signing key ${file}: ${(e as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new LedgerKeyError(`The ledger signing key ${file} is ${privateKey.asymmetricKeyType}, not Ed25519`);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: keyIdOf(publicKey),
    looseMode: process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0,
  };
}

const cache = new Map<string, LedgerKey>();

/**
 * Loads the signing key, creating it on first use (unless `create` is false: then a missing file gives
 * null, so that verifying on a machine without the key never invents a new one). Cached per file.
 */
export function loadLedgerKey(file: string): LedgerKey;
export function loadLedgerKey(file: string, opts: { create: false }): LedgerKey | null;
export function loadLedgerKey(file: string, opts: { create: boolean } = { create: true }): LedgerKey | null {
  const hit = cache.get(file);
  if (hit) return hit;
  if (!fs.existsSync(file)) {
    if (!opts.create) return null;
    createKeyFile(file);
  }
  const key = readKey(file);
  cache.set(file, key);
  return key;
}
