import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointSignatureValid, checkpointText, signCheckpoint } from './checkpoint-signature';
import { LedgerKeyError, loadLedgerKey } from './ledger-key';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the ledger signing key', () => {
  it('is created on first use as an Ed25519 PEM readable only by its owner', () => {
    const file = path.join(dir, 'keys', 'ledger.pem');
    const key = loadLedgerKey(file);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.looseMode).toBe(false);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['ledger.pem']);
  });

  it('has as id the first 16 hex digits of SHA-256 over the raw 32-byte public key', () => {
    const key = loadLedgerKey(path.join(dir, 'keys', 'ledger.pem'));
    const der = key.publicKey.export({ format: 'der', type: 'spki' });
    // An Ed25519 SPKI is a fixed 12-byte header followed by the raw key.
    const raw = der.subarray(12);
    expect(raw.length).toBe(32);
    expect(key.keyId).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is read back, not replaced, when the file exists', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const file = path.join(dir, 'existing.pem');
    fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o644 });
    const key = loadLedgerKey(file);
    expect(key.publicKeyPem).toBe(createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }));
    expect(key.looseMode).toBe(true);
  });

  it('is not invented when verification asks for it without creating', () => {
    expect(loadLedgerKey(path.join(dir, 'absent.pem'), { create: false })).toBeNull();
    expect(fs.existsSync(path.join(dir, 'absent.pem'))).toBe(false);
  });

  it('must be Ed25519', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const file = path.join(dir, 'rsa.pem');
    fs.writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    expect(() => loadLedgerKey(file)).toThrow(LedgerKeyError);
    expect(() => loadLedgerKey(file)).toThrow(/is rsa, not Ed25519/);
  });
});

describe('checkpoint signatures', () => {
  const key = loadLedgerKey(path.join(dir, 'sign.pem'));
  const cp = { treeSize: 42, rootHash: 'ab'.repeat(32), at: new Date('2025-03-04T05:06:07.089Z') };

  it('cover a fixed text naming the format, size, root and time', () => {
    expect(checkpointText(cp)).toBe(`pamong-audit-checkpoint/v1\n42\n${'ab'.repeat(32)}\n2025-03-04T05:06:07.089Z`);
  });

  it('verify with the public key alone and fail for any other size, root, time or key', () => {
    const sig = signCheckpoint(cp, key.privateKey);
    expect(verify(null, Buffer.from(checkpointText(cp)), key.publicKeyPem, Buffer.from(sig, 'base64'))).toBe(true);
    expect(checkpointSignatureValid(cp, sig, key.publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...cp, treeSize: 43 }, sig, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...cp, rootHash: 'ac'.repeat(32) }, sig, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...cp, at: new Date('2025-03-04T05:06:07.090Z') }, sig, key.publicKey)).toBe(
      false,
    );
    const other = generateKeyPairSync('ed25519');
    expect(checkpointSignatureValid(cp, signCheckpoint(cp, other.privateKey), key.publicKey)).toBe(false);
    expect(checkpointSignatureValid(cp, 'not a signature', key.publicKey)).toBe(false);
  });
});
