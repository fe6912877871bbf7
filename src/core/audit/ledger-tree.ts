// The ledger's RFC 6962 Merkle tree: leaf i is leafHash(bytes of the hash of the entry with seq i + 1).
// Roots and proofs come from src/lib/merkle.ts, but without loading every leaf for every request:
// leaves are grouped in aligned blocks of BLOCK_SIZE, and a full block never changes (the ledger is
// append-only), so its root is cached in memory. Every RFC 6962 subtree larger than a block starts on a
// block boundary, so MTH over a range of whole blocks (plus a ragged tail) equals MTH over the block
// roots (plus the tail's root): a root or proof costs one block of leaves and O(size / BLOCK_SIZE) hashes.
import { asc, and, gt, lte } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client';
import { consistencyProof, inclusionProof, leafHash, merkleRoot } from '../../lib/merkle';
import { auditEntries } from './schema';

export const BLOCK_SIZE = 256;

/** Leaf hashes [start, end) of the tree, in order. */
export type LeafSource = (start: number, end: number) => Promise<Buffer[]>;

/** The stored ledger does not form a contiguous sequence (a gap, or fewer rows than asked for). */
export class LedgerInconsistentError extends Error {}

export const leafOfEntryHash = (hashHex: string): Buffer => leafHash(Buffer.from(hashHex, 'hex'));

/** Reads leaves from core_audit_entries: index i is the entry with seq i + 1. */
export function databaseLeafSource(q: Queryable): LeafSource {
  return async (start, end) => {
    const rows = await q
      .select({ seq: auditEntries.seq, hash: auditEntries.hash })
      .from(auditEntries)
      .where(and(gt(auditEntries.seq, start), lte(auditEntries.seq, end)))
      .orderBy(asc(auditEntries.seq));
    if (rows.length !== end - start || rows.some((r, i) => r.seq !== start + i + 1 || !/^[0-9a-f]{64}$/.test(r.hash))) {
      throw new LedgerInconsistentError(`ledger entries ${start + 1}..${end} are not contiguous or malformed`);
    }
    return rows.map((r) => leafOfEntryHash(r.hash));
  };
}

function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Roots of full blocks, shared by every LedgerTree over the same leaves. */
export type BlockRootCache = Map<number, Buffer>;

export class LedgerTree {
  /** Leaves of blocks loaded during this tree's lifetime (one request). */
  private readonly blockLeaves = new Map<number, Buffer[]>();

  constructor(
    private readonly source: LeafSource,
    private readonly blockRoots: BlockRootCache = new Map(),
    private readonly blockSize = BLOCK_SIZE,
  ) {}

  /** MTH of the first `size` leaves. */
  root(size: number): Promise<Buffer> {
    return this.rangeRoot(0, size);
  }

  /** RFC 6962 PATH(index, D[size]), bottom-up. */
  async inclusionProof(index: number, size: number): Promise<Buffer[]> {
    if (!Number.isSafeInteger(size) || !Number.isSafeInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`index ${index} is outside a tree of ${size}`);
    }
    return this.path(index, 0, size);
  }

  /** RFC 6962 PROOF(oldSize, D[newSize]). */
  async consistencyProof(oldSize: number, newSize: number): Promise<Buffer[]> {
    if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) {
      throw new RangeError(`cannot prove ${oldSize} consistent with ${newSize}`);
    }
    if (oldSize === 0 || oldSize === newSize) return [];
    return this.subproof(oldSize, 0, newSize, true);
  }

  /** The leaf hash at `index` (the tree must have at least index + 1 leaves). */
  async leaf(index: number): Promise<Buffer> {
    const [l] = await this.leaves(index, index + 1);
    return l as Buffer;
  }

  private async path(m: number, start: number, end: number): Promise<Buffer[]> {
    if (end - start <= this.blockSize) return inclusionProof(await this.leaves(start, end), m);
    const k = splitPoint(end - start);
    if (m < k) return [...(await this.path(m, start, start + k)), await this.rangeRoot(start + k, end)];
    return [...(await this.path(m - k, start + k, end)), await this.rangeRoot(start, start + k)];
  }

  /** SUBPROOF(m, D[start:end], whole) with m counted from `start`. */
  private async subproof(m: number, start: number, end: number, whole: boolean): Promise<Buffer[]> {
    const n = end - start;
    if (m === n) return whole ? [] : [await this.rangeRoot(start, end)];
    if (n <= this.blockSize) {
      const leaves = await this.leaves(start, end);
      // merkle.ts computes SUBPROOF(m, D, true); with `whole` false and m < n, the recursion differs only
      // when it reaches its end by left turns alone, i.e. when m is a power of two: then it adds MTH(D[0:m]).
      const proof = consistencyProof(leaves, m);
      return !whole && Number.isInteger(Math.log2(m)) ? [merkleRoot(leaves.slice(0, m)), ...proof] : proof;
    }
    const k = splitPoint(n);
    if (m <= k) return [...(await this.subproof(m, start, start + k, whole)), await this.rangeRoot(start + k, end)];
    return [...(await this.subproof(m - k, start + k, end, false)), await this.rangeRoot(start, start + k)];
  }

  /** MTH(D[start:end]) for a range that is a subtree of some RFC 6962 tree. */
  private async rangeRoot(start: number, end: number): Promise<Buffer> {
    const b = this.blockSize;
    const fullBlock = end - start === b && start % b === 0;
    if (end - start <= b && !fullBlock) return merkleRoot(await this.leaves(start, end));
    if (start % b !== 0) throw new RangeError(`range ${start}..${end} does not start on a block`);
    const firstBlock = start / b;
    const fullEnd = Math.floor(end / b);
    const nodes = await this.fullBlockRoots(firstBlock, fullEnd);
    if (end % b !== 0) nodes.push(merkleRoot(await this.leaves(fullEnd * b, end)));
    return merkleRoot(nodes);
  }

  private async fullBlockRoots(from: number, to: number): Promise<Buffer[]> {
    const b = this.blockSize;
    // Fill missing roots in batches of up to 64 blocks per query.
    for (let i = from; i < to; ) {
      if (this.blockRoots.has(i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < to && j - i < 64 && !this.blockRoots.has(j)) j++;
      const leaves = await this.source(i * b, j * b);
      for (let x = i; x < j; x++) this.blockRoots.set(x, merkleRoot(leaves.slice((x - i) * b, (x - i + 1) * b)));
      i = j;
    }
    return Array.from({ length: to - from }, (_, x) => this.blockRoots.get(from + x) as Buffer);
  }

  /** Leaves [start, end) lying inside one block, loaded once per block per tree. */
  private async leaves(start: number, end: number): Promise<Buffer[]> {
    const b = this.blockSize;
    const block = Math.floor(start / b);
    if (end > (block + 1) * b) throw new RangeError(`range ${start}..${end} crosses a block`);
    let loaded = this.blockLeaves.get(block);
    if (!loaded || loaded.length < end - block * b) {
      loaded = await this.source(block * b, end);
      this.blockLeaves.set(block, loaded);
    }
    return loaded.slice(start - block * b, end - block * b);
  }
}

const blockCaches = new WeakMap<Database, BlockRootCache>();

/** A tree over the ledger of `database`, sharing the process-wide cache of full-block roots. */
export function ledgerTree(database: Database, q: Queryable = database.db): LedgerTree {
  let cache = blockCaches.get(database);
  if (!cache) {
    cache = new Map();
    blockCaches.set(database, cache);
  }
  return new LedgerTree(databaseLeafSource(q), cache);
}
