// An RFC 6962 inclusion proof that entry `seq` is leaf seq - 1 of the tree signed at checkpoint `treeSize`
// (the latest checkpoint when not given). The proof is checked against the signed root before it is
// returned, so the public never receives a proof that does not verify.
import { eq } from 'drizzle-orm';
import { verifyInclusion } from '../../lib/merkle';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';
import { ledgerInconsistent, requireCheckpoint } from './proof-errors';
import { type CheckpointView, findCheckpoint } from './list-checkpoints';
import { LedgerInconsistentError, leafOfEntryHash, ledgerTree } from './ledger-tree';
import { auditEntries } from './schema';

export interface InclusionProofView {
  seq: number;
  leafIndex: number;
  treeSize: number;
  entryHash: string;
  /** leafHash(entry hash bytes) = SHA-256(0x00 || entry hash bytes). */
  leafHash: string;
  /** Sibling hashes from the leaf up (RFC 6962 PATH). */
  proof: string[];
  rootHash: string;
  checkpoint: CheckpointView;
}

export async function proveInclusion(ctx: AppContext, seq: number, treeSize?: number): Promise<InclusionProofView> {
  const checkpoint = requireCheckpoint(await findCheckpoint(ctx.db, treeSize), await findCheckpoint(ctx.db), treeSize);
  if (seq > checkpoint.treeSize) {
    throw badRequest(
      'SEQ_OUT_OF_RANGE',
      text(
        `Entri ${seq} belum tercakup checkpoint berukuran ${checkpoint.treeSize}.`,
        `Entry ${seq} is not covered by the checkpoint of size ${checkpoint.treeSize}.`,
      ),
      { seq, treeSize: checkpoint.treeSize },
    );
  }
  const [entry] = await ctx.db.select({ hash: auditEntries.hash }).from(auditEntries).where(eq(auditEntries.seq, seq));
  if (!entry) throw ledgerInconsistent();
  const leaf = leafOfEntryHash(entry.hash);
  let proof: Buffer[];
  try {
    proof = await ledgerTree(ctx.database).inclusionProof(seq - 1, checkpoint.treeSize);
  } catch (e) {
    if (e instanceof LedgerInconsistentError) throw ledgerInconsistent();
    throw e;
  }
  if (!verifyInclusion(leaf, seq - 1, checkpoint.treeSize, proof, Buffer.from(checkpoint.rootHash, 'hex'))) {
    throw ledgerInconsistent();
  }
  return {
    seq,
    leafIndex: seq - 1,
    treeSize: checkpoint.treeSize,
    entryHash: entry.hash,
    leafHash: leaf.toString('hex'),
    proof: proof.map((p) => p.toString('hex')),
    rootHash: checkpoint.rootHash,
    checkpoint,
  };
}
