// Signs a checkpoint of the ledger: the RFC 6962 Merkle root over all entries so far, its size and time,
// signed with the Ed25519 key kept outside the database. A no-op when nothing was appended since the
// last checkpoint. Before signing it checks what it is about to vouch for: the entries since the last
// checkpoint (hashes, chain, no gaps) and that the last checkpoint still matches the stored entries.
import { asc, and, desc, eq, gte, lte, max } from 'drizzle-orm';
import type { AppContext } from '../context';
import { checkpointSignatureValid, signCheckpoint } from './checkpoint-signature';
import { ChainChecker, type LedgerProblem } from './check-chain';
import { loadLedgerKey } from './ledger-key';
import { LedgerInconsistentError, ledgerTree } from './ledger-tree';
import { auditCheckpoints, auditEntries } from './schema';

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

/** The ledger does not match what was signed before: refuse to sign over it. */
export class LedgerTamperedError extends Error {
  constructor(public readonly problems: LedgerProblem[]) {
    super(
      `Audit ledger failed its checks before signing: ${problems.map((p) => `${p.kind}@${p.seq ?? p.treeSize}`).join(', ')}`,
    );
  }
}

const PAGE = 1000;

export async function createCheckpoint(
  ctx: AppContext,
): Promise<{ created: boolean; checkpoint: CheckpointRow | null }> {
  const key = loadLedgerKey(ctx.config.ledgerKeyFile);
  if (key.looseMode)
    ctx.log.warn(
      { file: ctx.config.ledgerKeyFile },
      'ledger signing key file is readable by other users; chmod 600 it',
    );
  const db = ctx.db;
  const [latest] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.treeSize)).limit(1);
  const [top] = await db.select({ v: max(auditEntries.seq) }).from(auditEntries);
  const size = Number(top?.v ?? 0);
  const from = latest?.treeSize ?? 0;
  if (size <= from) return { created: false, checkpoint: latest ?? null };

  const problems: LedgerProblem[] = [];
  const report = (p: LedgerProblem) => problems.length < 100 && problems.push(p);

  // The new entries, chained to the last one already checkpointed.
  let before: { seq: number; hash: string } | null = null;
  if (from > 0) {
    const [row] = await db.select({ hash: auditEntries.hash }).from(auditEntries).where(eq(auditEntries.seq, from));
    if (!row) report({ kind: 'gap', seq: from, count: 1 });
    before = { seq: from, hash: row?.hash ?? '' };
  }
  const chain = new ChainChecker(report, before);
  for (let after = from + 1; ; ) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(and(gte(auditEntries.seq, after), lte(auditEntries.seq, size)))
      .orderBy(asc(auditEntries.seq))
      .limit(PAGE);
    for (const r of rows) chain.check(r);
    if (rows.length < PAGE) break;
    after = (rows.at(-1) as { seq: number }).seq + 1;
  }

  const tree = ledgerTree(ctx.database);
  const hex = async (n: number) => {
    try {
      return (await tree.root(n)).toString('hex');
    } catch (e) {
      if (!(e instanceof LedgerInconsistentError)) throw e;
      report({ kind: 'gap', seq: n });
      return null;
    }
  };
  if (latest) {
    if (latest.keyId === key.keyId && !checkpointSignatureValid(latest, latest.signature, key.publicKey)) {
      report({ kind: 'bad_signature', treeSize: latest.treeSize });
    }
    if ((await hex(latest.treeSize)) !== latest.rootHash) report({ kind: 'root_mismatch', treeSize: latest.treeSize });
  }
  const rootHash = problems.length ? null : await hex(size);
  if (problems.length || !rootHash) throw new LedgerTamperedError(problems);

  const at = new Date(Math.floor(ctx.clock.now().getTime()));
  const row: CheckpointRow = {
    treeSize: size,
    rootHash,
    at,
    keyId: key.keyId,
    signature: signCheckpoint({ treeSize: size, rootHash, at }, key.privateKey),
    version: 1,
  };
  // Two servers may race to the same size: the first insert wins, the other reads it.
  const inserted = await db.insert(auditCheckpoints).values(row).onConflictDoNothing().returning();
  if (inserted.length) {
    ctx.log.info({ treeSize: size, keyId: key.keyId }, 'audit checkpoint signed');
    return { created: true, checkpoint: inserted[0] as CheckpointRow };
  }
  const [existing] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.treeSize, size));
  return { created: false, checkpoint: existing ?? null };
}
