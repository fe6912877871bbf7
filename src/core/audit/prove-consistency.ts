// An RFC 6962 consistency proof between two signed checkpoints: the older tree is a prefix of the newer,
// so nothing it covered was changed or removed. Checked against both signed roots before it is returned.
import { verifyConsistency } from '../../lib/merkle';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';
import { type CheckpointView, findCheckpoint } from './list-checkpoints';
import { LedgerInconsistentError, ledgerTree } from './ledger-tree';
import { ledgerInconsistent, requireCheckpoint } from './proof-errors';

export interface ConsistencyProofView {
  from: number;
  to: number;
  fromRoot: string;
  toRoot: string;
  proof: string[];
  fromCheckpoint: CheckpointView;
  toCheckpoint: CheckpointView;
}

export async function proveConsistency(ctx: AppContext, from: number, to: number): Promise<ConsistencyProofView> {
  if (from > to) {
    throw badRequest(
      'RANGE_ORDER',
      text(
        'Ukuran awal (from) tidak boleh melebihi ukuran akhir (to).',
        'The first size (from) must not exceed the second (to).',
      ),
      { from, to },
    );
  }
  const latest = await findCheckpoint(ctx.db);
  const newer = requireCheckpoint(await findCheckpoint(ctx.db, to), latest, to);
  const older = requireCheckpoint(await findCheckpoint(ctx.db, from), latest, from);
  let proof: Buffer[];
  try {
    proof = await ledgerTree(ctx.database).consistencyProof(from, to);
  } catch (e) {
    if (e instanceof LedgerInconsistentError) throw ledgerInconsistent();
    throw e;
  }
  const hex = (h: string) => Buffer.from(h, 'hex');
  if (!verifyConsistency(from, to, hex(older.rootHash), hex(newer.rootHash), proof)) throw ledgerInconsistent();
  return {
    from,
    to,
    fromRoot: older.rootHash,
    toRoot: newer.rootHash,
    proof: proof.map((p) => p.toString('hex')),
    fromCheckpoint: older,
    toCheckpoint: newer,
  };
}
