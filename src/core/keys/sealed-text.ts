// Secrets at rest: AES-256-GCM with a named key kept outside the database, in <dataDir>/keys/<name>.key
// (32 random bytes, base64, mode 0600), created on first use. A database dump alone reveals nothing sealed
// here. The caller binds the row's id as additional data, so a ciphertext copied onto another row does
// not open. Format: 'v1:' + base64(iv 12 bytes | tag 16 bytes | ciphertext).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { writeKeyFileOnce } from './write-key-file-once';

const keys = new Map<string, Buffer>();

export const keyFile = (config: Pick<Config, 'dataDir'>, name: string) =>
  path.join(config.dataDir, 'keys', `${name}.key`);

/** The named key's bytes (created on first use). */
export function loadKey(config: Pick<Config, 'dataDir'>, name: string): Buffer {
  const file = keyFile(config, name);
  const hit = keys.get(file);
  if (hit) return hit;
  if (!fs.existsSync(file)) writeKeyFileOnce(file, `${randomBytes(32).toString('base64')}\n`);
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`The key ${file} is not 32 bytes (base64)`);
  keys.set(file, key);
  return key;
}

export const isSealed = (stored: string) => stored.startsWith('v1:');

export function sealText(config: Pick<Config, 'dataDir'>, keyName: string, boundTo: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', loadKey(config, keyName), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
}

export function openText(config: Pick<Config, 'dataDir'>, keyName: string, boundTo: string, sealed: string): string {
  if (!isSealed(sealed)) throw new Error('Unknown ciphertext version');
  const raw = Buffer.from(sealed.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', loadKey(config, keyName), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
