// Uploads that nobody claims (a report never sent, a form abandoned) expire: after UNCLAIMED_TTL_MS their
// claim token stops working, the sweep deletes their attachment rows, and a file's bytes go once nothing
// refers to them any more: no attachment, and no module column listed as a file reference (the services
// module's issued documents share the content-addressed store).
//
// A file is removed under the per-file advisory lock that every write of bytes takes too (store-file.ts),
// and its bytes are unlinked before that lock is released: a write of the same content either commits
// first (and the file is referenced again) or waits, then finds the bytes gone and writes them anew.
import fs from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Queryable } from '../db/client';
import { filePath } from './file-store';
import { lockFileSql } from './store-file';

/** A month: long enough for a report queued offline on a phone in a place with a weak signal. */
export const UNCLAIMED_TTL_MS = 30 * 24 * 3_600_000;

/** A module's column that holds the SHA-256 of a file in the store (e.g. an issued document's PDF). */
export interface FileReference {
  table: string;
  column: string;
}

/** The oldest moment an unclaimed upload may have been made and still be claimed at `now`. */
export const claimableSince = (now: Date) => new Date(now.getTime() - UNCLAIMED_TTL_MS);

export interface SweepResult {
  attachments: number;
  files: number;
}

/** Deletes expired unclaimed uploads, `batch` at a time, and the files left without any reference. */
export async function sweepUnclaimedFiles(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  references: readonly FileReference[],
  opts: { batch?: number } = {},
): Promise<SweepResult> {
  const batch = opts.batch ?? 500;
  const total: SweepResult = { attachments: 0, files: 0 };
  for (;;) {
    const r = await ctx.db.transaction(async (tx) => {
      const gone = await tx.execute<{ sha256: string }>(sql`
        delete from core_attachments where id in (
          select id from core_attachments
          where owner_type is null and created_at < ${claimableSince(ctx.clock.now())}
          order by created_at limit ${batch} for update skip locked)
        returning file_sha256 as sha256`);
      const hashes = [...new Set(gone.rows.map((g) => g.sha256))].sort();
      let removed = 0;
      for (const sha256 of hashes)
        if (await removeIfUnreferenced(tx, ctx.config.dataDir, sha256, references)) removed++;
      return { attachments: gone.rows.length, files: removed };
    });
    total.attachments += r.attachments;
    total.files += r.files;
    if (r.attachments < batch) return total;
  }
}

async function removeIfUnreferenced(
  tx: Queryable,
  dataDir: string,
  sha256: string,
  references: readonly FileReference[],
): Promise<boolean> {
  await tx.execute(lockFileSql(sha256));
  const elsewhere = references.map(
    (r) => sql`or exists (select 1 from ${sql.identifier(r.table)} where ${sql.identifier(r.column)} = ${sha256})`,
  );
  const used = await tx.execute<{ used: boolean }>(sql`
    select exists (select 1 from core_attachments where file_sha256 = ${sha256}) ${sql.join(elsewhere, sql` `)} as used`);
  if (used.rows[0]?.used) return false;
  await tx.execute(sql`delete from core_files where sha256 = ${sha256}`);
  // Still under the lock: see the header.
  await fs.rm(filePath(dataDir, sha256), { force: true });
  return true;
}
