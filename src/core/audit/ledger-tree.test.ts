import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../lib/merkle';
import { CompactRange } from './compact-range';
import { type LeafSource, LedgerInconsistentError, LedgerTree } from './ledger-tree';

const leaves = Array.from({ length: 70 }, (_, i) => leafHash(createHash('sha256').update(`entry ${i}`).digest()));

/** A leaf source over `leaves` that counts how many leaves it handed out. */
function countingSource() {
  const stats = { leavesRead: 0 };
  const source: LeafSource = async (start, end) => {
    stats.leavesRead += end - start;
    return leaves.slice(start, end);
  };
  return { source, stats };
}

describe('LedgerTree (blocks of 4 leaves, so every shape of tree crosses block boundaries)', () => {
  it('gives the same root as merkle.ts for every size from 1 to 70', async () => {
    const { source } = countingSource();
    const tree = new LedgerTree(source, new Map(), 4);
    for (let n = 1; n <= 70; n++)
      expect((await tree.root(n)).toString('hex')).toBe(merkleRoot(leaves.slice(0, n)).toString('hex'));
  });

  it('gives the same inclusion proofs as merkle.ts, and they verify', async () => {
    const { source } = countingSource();
    const cache = new Map();
    for (let n = 1; n <= 70; n += 3) {
      for (let i = 0; i < n; i++) {
        const proof = await new LedgerTree(source, cache, 4).inclusionProof(i, n);
        expect(proof.map((p) => p.toString('hex'))).toEqual(inclusionProof(leaves, i, n).map((p) => p.toString('hex')));
        expect(verifyInclusion(leaves[i]!, i, n, proof, merkleRoot(leaves.slice(0, n)))).toBe(true);
      }
    }
  });

  it('gives the same consistency proofs as merkle.ts, and they verify', async () => {
    const { source } = countingSource();
    const cache = new Map();
    for (let n = 1; n <= 70; n += 2) {
      for (let m = 0; m <= n; m++) {
        const proof = await new LedgerTree(source, cache, 4).consistencyProof(m, n);
        expect(proof.map((p) => p.toString('hex'))).toEqual(
          consistencyProof(leaves, m, n).map((p) => p.toString('hex')),
        );
        const oldRoot = merkleRoot(leaves.slice(0, m));
        expect(verifyConsistency(m, n, oldRoot, merkleRoot(leaves.slice(0, n)), proof)).toBe(true);
      }
    }
  });

  it('reads only one block of leaves for a proof once full blocks are cached', async () => {
    const { source, stats } = countingSource();
    const cache = new Map();
    await new LedgerTree(source, cache, 4).root(70);
    expect(stats.leavesRead).toBe(70);
    stats.leavesRead = 0;
    await new LedgerTree(source, cache, 4).inclusionProof(33, 70);
    // the block holding leaf 33 (leaves 32..35) and the ragged tail (leaves 68..69)
    expect(stats.leavesRead).toBe(6);
  });

  it('refuses indices outside the tree', async () => {
    const tree = new LedgerTree(countingSource().source, new Map(), 4);
    await expect(tree.inclusionProof(5, 5)).rejects.toThrow(RangeError);
    await expect(tree.consistencyProof(6, 5)).rejects.toThrow(RangeError);
  });

  it('lets a broken-ledger error from its source through', async () => {
    const broken: LeafSource = async () => {
      throw new LedgerInconsistentError('gap');
    };
    await expect(new LedgerTree(broken, new Map(), 4).root(9)).rejects.toThrow(LedgerInconsistentError);
  });
});

describe('CompactRange', () => {
  it('has the root merkle.ts computes after each appended leaf', () => {
    const range = new CompactRange();
    expect(range.root().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 70; n++) {
      range.append(leaves[n - 1]!);
      expect(range.root().toString('hex')).toBe(merkleRoot(leaves.slice(0, n)).toString('hex'));
    }
    expect(range.size).toBe(70);
  });
});
