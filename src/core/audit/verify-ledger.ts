// Verifies the whole ledger: every entry's hash and the prev-hash chain in seq order, then at each
// checkpoint's size the recomputed Merkle root and the checkpoint's Ed25519 signature. Streams entries
// and checkpoints in pages (no transaction, so appends go on meanwhile) and holds only O(log n) hashes.
import { asc, and, gt, lte, max } from 'drizzle-orm';
import type { AppContext } from '../context';
import { checkpointSignatureValid } from './checkpoint-signature';
import { ChainChecker, type LedgerProblem } from './check-chain';
import { CompactRange } from './compact-range';
import { loadLedgerKey } from './ledger-key';
import { leafOfEntryHash } from './ledger-tree';
import type { AuditRow } from './record-audit';
import { auditCheckpoints, auditEntries } from './schema';

export interface VerifyReport {
  ok: boolean;
  /** Entries read. */
  entries: number;
  lastSeq: number | null;
  /** Checkpoints read. */
  checkpoints: number;
  latestCheckpoint: { treeSize: number; rootHash: string; at: string } | null;
  /** Id of the key signatures were checked against; null when the key file is missing. */
  keyId: string | null;
  /** At most MAX_LISTED problems; problemCount has them all. */
  problems: LedgerProblem[];
  problemCount: number;
}

const PAGE = 1000;
const MAX_LISTED = 1000;

type CheckpointRow = typeof auditCheckpoints.$inferSelect;

export async function verifyLedger(ctx: AppContext, opts: { pageSize?: number } = {}): Promise<VerifyReport> {
  const page = opts.pageSize ?? PAGE;
  const db = ctx.db;
  const key = loadLedgerKey(ctx.config.ledgerKeyFile, { create: false });
  const problems: LedgerProblem[] = [];
  let problemCount = 0;
  const report = (p: LedgerProblem) => {
    problemCount++;
    if (problems.length < MAX_LISTED) problems.push(p);
  };

  // Upper bounds fixed first (checkpoints before entries), so rows appended while we read are left out
  // and a checkpoint is never compared with entries we did not read.
  const [cpBound] = await db.select({ v: max(auditCheckpoints.treeSize) }).from(auditCheckpoints);
  const [seqBound] = await db.select({ v: max(auditEntries.seq) }).from(auditEntries);
  const maxTreeSize = Number(cpBound?.v ?? 0);
  const maxSeq = Number(seqBound?.v ?? 0);

  const checkpointPages = (async function* () {
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = await db
        .select()
        .from(auditCheckpoints)
        .where(and(gt(auditCheckpoints.treeSize, after), lte(auditCheckpoints.treeSize, maxTreeSize)))
        .orderBy(asc(auditCheckpoints.treeSize))
        .limit(page);
      yield* rows;
      if (rows.length < page) return;
      after = (rows.at(-1) as CheckpointRow).treeSize;
    }
  })();

  let checkpoints = 0;
  let latest: CheckpointRow | null = null;
  const checkSignature = (cp: CheckpointRow) => {
    checkpoints++;
    latest = cp;
    if (!key || cp.keyId !== key.keyId) report({ kind: 'unknown_key', treeSize: cp.treeSize });
    else if (!checkpointSignatureValid(cp, cp.signature, key.publicKey))
      report({ kind: 'bad_signature', treeSize: cp.treeSize });
  };

  const range = new CompactRange();
  let next = (await checkpointPages.next()).value as CheckpointRow | undefined;
  /** Checks every checkpoint whose size the leaves read so far have reached. */
  const checkReached = async () => {
    while (next && next.treeSize <= range.size) {
      checkSignature(next);
      if (next.treeSize !== range.size || range.root().toString('hex') !== next.rootHash) {
        report({ kind: 'root_mismatch', treeSize: next.treeSize });
      }
      next = (await checkpointPages.next()).value as CheckpointRow | undefined;
    }
  };

  const chain = new ChainChecker(report);
  let entries = 0;
  let lastSeq: number | null = null;
  await checkReached();
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const rows: AuditRow[] = await db
      .select()
      .from(auditEntries)
      .where(and(gt(auditEntries.seq, after), lte(auditEntries.seq, maxSeq)))
      .orderBy(asc(auditEntries.seq))
      .limit(page);
    for (const row of rows) {
      chain.check(row);
      range.append(leafOfEntryHash(row.hash));
      entries++;
      lastSeq = row.seq;
      await checkReached();
    }
    if (rows.length < page) break;
    after = (rows.at(-1) as AuditRow).seq;
  }
  // Checkpoints beyond the stored entries: the latest entries were removed.
  for (; next; next = (await checkpointPages.next()).value as CheckpointRow | undefined) {
    checkSignature(next);
    report({ kind: 'truncated', treeSize: next.treeSize });
  }

  const l = latest as CheckpointRow | null;
  return {
    ok: problemCount === 0,
    entries,
    lastSeq,
    checkpoints,
    latestCheckpoint: l ? { treeSize: l.treeSize, rootHash: l.rootHash, at: l.at.toISOString() } : null,
    keyId: key?.keyId ?? null,
    problems,
    problemCount,
  };
}

const running = new WeakMap<AppContext['database'], Promise<VerifyReport>>();

/** verifyLedger, but callers that arrive while a run is in progress share its result (one scan at a time). */
export function verifyLedgerShared(ctx: AppContext): Promise<VerifyReport> {
  let run = running.get(ctx.database);
  if (!run) {
    run = verifyLedger(ctx).finally(() => running.delete(ctx.database));
    running.set(ctx.database, run);
  }
  return run;
}
