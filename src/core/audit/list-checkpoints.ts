// Reading signed checkpoints: the latest one, one by size, and a page of them (newest first).
import { desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Queryable } from '../db/client';
import { checkpointText } from './checkpoint-signature';
import { auditCheckpoints } from './schema';

export interface CheckpointView {
  treeSize: number;
  rootHash: string;
  at: string;
  keyId: string;
  /** Base64 Ed25519 signature over `signedText`. */
  signature: string;
  /** The exact text the signature covers. */
  signedText: string;
}

export function checkpointView(row: typeof auditCheckpoints.$inferSelect): CheckpointView {
  return {
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    at: row.at.toISOString(),
    keyId: row.keyId,
    signature: row.signature,
    signedText: checkpointText(row),
  };
}

export async function findCheckpoint(q: Queryable, treeSize?: number): Promise<CheckpointView | null> {
  const base = q.select().from(auditCheckpoints);
  const [row] = await (treeSize === undefined
    ? base.orderBy(desc(auditCheckpoints.treeSize)).limit(1)
    : base.where(eq(auditCheckpoints.treeSize, treeSize)));
  return row ? checkpointView(row) : null;
}

export async function listCheckpoints(
  ctx: AppContext,
  opts: { page: number; pageSize: number },
): Promise<{ items: CheckpointView[]; page: number; pageSize: number; total: number }> {
  const rows = await ctx.db
    .select()
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.treeSize))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditCheckpoints);
  return { items: rows.map(checkpointView), page: opts.page, pageSize: opts.pageSize, total: Number(count?.n ?? 0) };
}
