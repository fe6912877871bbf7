// What can be wrong with a stored ledger, and the check of entries in seq order: each entry's hash
// recomputed from its fields, each prev_hash equal to the hash of the entry before, no seq missing.
import { type Text, text } from '../i18n/messages';
import { type AuditRow, GENESIS_HASH, entryHash } from './record-audit';

export const PROBLEM_KINDS = [
  'gap',
  'hash_mismatch',
  'chain_broken',
  'root_mismatch',
  'bad_signature',
  'unknown_key',
  'truncated',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface LedgerProblem {
  kind: ProblemKind;
  /** The entry concerned (for gap: the first missing seq). */
  seq?: number;
  /** The checkpoint concerned. */
  treeSize?: number;
  /** gap: how many seqs are missing. */
  count?: number;
}

export const PROBLEM_LABELS: Record<ProblemKind, Text> = {
  gap: text('nomor urut entri hilang (entri dihapus)', 'entry sequence numbers missing (entries deleted)'),
  hash_mismatch: text(
    'hash entri tidak cocok dengan isinya (entri diubah)',
    'entry hash does not match its contents (entry altered)',
  ),
  chain_broken: text(
    'hash sebelumnya tidak cocok dengan entri sebelumnya (rantai terputus)',
    'previous hash does not match the entry before (chain broken)',
  ),
  root_mismatch: text(
    'akar Merkle checkpoint tidak cocok dengan entri yang tersimpan',
    'checkpoint Merkle root does not match the stored entries',
  ),
  bad_signature: text('tanda tangan checkpoint tidak sah', 'checkpoint signature is not valid'),
  unknown_key: text('checkpoint ditandatangani kunci yang tidak dikenal', 'checkpoint signed by an unknown key'),
  truncated: text(
    'checkpoint mencakup lebih banyak entri daripada yang tersimpan (entri terakhir dihapus)',
    'checkpoint covers more entries than are stored (latest entries deleted)',
  ),
};

/** Checks entries handed to it in ascending seq order; reports problems through `report`. */
export class ChainChecker {
  private expectedSeq: number;
  private prevHash: string;

  /** `before`: the stored entry just before the first one checked (null: start at seq 1). */
  constructor(
    private readonly report: (p: LedgerProblem) => void,
    before: { seq: number; hash: string } | null = null,
  ) {
    this.expectedSeq = (before?.seq ?? 0) + 1;
    this.prevHash = before?.hash ?? GENESIS_HASH;
  }

  check(row: AuditRow): void {
    if (row.seq > this.expectedSeq) {
      this.report({ kind: 'gap', seq: this.expectedSeq, count: row.seq - this.expectedSeq });
    }
    const { hash, ...fields } = row;
    if (entryHash(fields) !== hash) this.report({ kind: 'hash_mismatch', seq: row.seq });
    if (row.prevHash !== this.prevHash) this.report({ kind: 'chain_broken', seq: row.seq });
    this.expectedSeq = row.seq + 1;
    this.prevHash = hash;
  }
}
