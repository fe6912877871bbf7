// Storing bytes from inside a transaction, under the file's advisory lock, so that the sweep of unclaimed
// uploads (sweep-unclaimed.ts) cannot remove the same content between the write and the commit of the
// row that refers to it.
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { sha256Of, storeBytes } from './file-store';

const FILE_LOCK_SPACE = 7_250_002;

/** Takes the per-file lock for `sha256` until the end of the transaction it runs in. */
export function lockFileSql(sha256: string): SQL {
  return sql`select pg_advisory_xact_lock(${FILE_LOCK_SPACE}, hashtext(${sha256}))`;
}

/** storeBytes inside transaction `q`: the bytes are on disk, and stay there, until `q` ends. */
export async function storeBytesIn(
  q: Queryable,
  dataDir: string,
  bytes: Buffer,
): Promise<{ sha256: string; size: number }> {
  const sha256 = sha256Of(bytes);
  await q.execute(lockFileSql(sha256));
  return storeBytes(dataDir, bytes, sha256);
}
