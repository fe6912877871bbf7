// The 4xx answers shared by the proof endpoints.
import { AppError, badRequest, notFound } from '../http/errors';
import { text } from '../i18n/messages';
import type { CheckpointView } from './list-checkpoints';

/** The checkpoint asked for (or the latest), or a clear 4xx saying why there is none. */
export function requireCheckpoint(
  found: CheckpointView | null,
  latest: CheckpointView | null,
  treeSize?: number,
): CheckpointView {
  if (found) return found;
  if (!latest) {
    throw notFound(text('Belum ada checkpoint buku besar audit.', 'There is no audit ledger checkpoint yet.'));
  }
  if (treeSize !== undefined && treeSize > latest.treeSize) {
    throw badRequest(
      'TREE_SIZE_OUT_OF_RANGE',
      text(
        `Ukuran pohon ${treeSize} melebihi checkpoint terakhir (${latest.treeSize}).`,
        `Tree size ${treeSize} is beyond the latest checkpoint (${latest.treeSize}).`,
      ),
      { treeSize, latestTreeSize: latest.treeSize },
    );
  }
  throw new AppError(
    404,
    'CHECKPOINT_NOT_FOUND',
    text(
      `Tidak ada checkpoint berukuran ${treeSize}; pakai ukuran dari daftar checkpoint.`,
      `There is no checkpoint of size ${treeSize}; use a size from the list of checkpoints.`,
    ),
    { treeSize, latestTreeSize: latest.treeSize },
  );
}

/** The stored entries no longer match the signed checkpoints: no proof can be given. */
export const ledgerInconsistent = () =>
  new AppError(
    409,
    'LEDGER_INCONSISTENT',
    text(
      'Buku besar audit tidak cocok dengan checkpoint yang ditandatangani; hubungi Inspektorat.',
      'The audit ledger does not match its signed checkpoints; contact the inspectorate.',
    ),
  );
