// Content-addressed storage: <dataDir>/files/<aa>/<bb>/<sha256>. Bytes are written to a temporary
// file and renamed into place, so a reader never sees half a file; the same bytes are stored once.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const root = (dataDir: string) => path.join(dataDir, 'files');

export function filePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 digest');
  return path.join(root(dataDir), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `sha256`: the bytes' digest when the caller has it already. */
export async function storeBytes(
  dataDir: string,
  bytes: Buffer,
  sha256 = sha256Of(bytes),
): Promise<{ sha256: string; size: number }> {
  const target = filePath(dataDir, sha256);
  const exists = await fs.stat(target).then(
    (s) => s.size === bytes.length,
    () => false,
  );
  if (!exists) {
    const tmpDir = path.join(root(dataDir), 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    try {
      await fs.writeFile(tmp, bytes, { mode: 0o640 });
      await fs.rename(tmp, target);
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }
  return { sha256, size: bytes.length };
}
