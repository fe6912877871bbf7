import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

// Certificate Transparency reference test vectors (the C++/Go reference merkle tree tests).
const CT_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_LEAVES = CT_INPUTS.map(leafHash);
/** Roots for tree sizes 1..8. */
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const ctRoot = (size: number) => unhex(CT_ROOTS[size - 1] as string);
/** [0-based index, tree size, path]. */
const CT_INCLUSION: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];
/** [old size, new size, proof]. */
const CT_CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [
    1,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    6,
    8,
    [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [
    2,
    5,
    [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

describe('RFC 6962 reference vectors', () => {
  it('hashes leaves and nodes with domain prefixes', () => {
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(leafHash(new Uint8Array()))).toBe(CT_ROOTS[0]);
    expect(hex(nodeHash(CT_LEAVES[0] as Buffer, CT_LEAVES[1] as Buffer))).toBe(CT_ROOTS[1]);
  });

  it('computes the root of every prefix of the 8-leaf tree', () => {
    expect(merkleRoot([]).equals(EMPTY_ROOT)).toBe(true);
    for (let n = 1; n <= 8; n++) expect(hex(merkleRoot(CT_LEAVES.slice(0, n))), `size ${n}`).toBe(CT_ROOTS[n - 1]);
  });

  it.each(CT_INCLUSION)('inclusion proof for leaf %i of %i', (index, size, path) => {
    expect(inclusionProof(CT_LEAVES, index, size).map(hex)).toEqual(path);
    expect(inclusionProof(CT_LEAVES.slice(0, size), index).map(hex)).toEqual(path);
    expect(verifyInclusion(CT_LEAVES[index] as Buffer, index, size, path.map(unhex), ctRoot(size))).toBe(true);
  });

  it.each(CT_CONSISTENCY)('consistency proof %i -> %i', (oldSize, newSize, proof) => {
    expect(consistencyProof(CT_LEAVES, oldSize, newSize).map(hex)).toEqual(proof);
    expect(verifyConsistency(oldSize, newSize, ctRoot(oldSize), ctRoot(newSize), proof.map(unhex))).toBe(true);
  });
});

// Larger trees cover every shape of the recursion (powers of two and ragged right edges).
const MAX = 40;
const LEAVES = Array.from({ length: MAX }, (_, i) => leafHash(Buffer.from(`audit-entry-${i}`)));
const ROOTS = Array.from({ length: MAX + 1 }, (_, n) => merkleRoot(LEAVES.slice(0, n)));
const root = (n: number) => ROOTS[n] as Buffer;
const leaf = (i: number) => LEAVES[i] as Buffer;

/** Copies of `proof`, each with one bit flipped in one element. */
function tamperedCopies(proof: Buffer[]): Buffer[][] {
  return proof.map((_, j) => proof.map((p, k) => (k === j ? flip(p) : p)));
}
function flip(b: Buffer, byte = 7): Buffer {
  const c = Buffer.from(b);
  c[byte] = (c[byte] as number) ^ 0x01;
  return c;
}

describe('inclusion proofs, trees of size 1..40', () => {
  it('verify for every index', () => {
    for (let n = 1; n <= MAX; n++) {
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(LEAVES, i, n);
        expect(verifyInclusion(leaf(i), i, n, proof, root(n)), `${i}/${n}`).toBe(true);
      }
    }
  });

  it('fail when the leaf, index, any proof element or the root changes', () => {
    for (let n = 1; n <= MAX; n++) {
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(LEAVES, i, n);
        const ok = (l: Buffer, idx: number, p: Buffer[], r: Buffer) => verifyInclusion(l, idx, n, p, r);
        expect(ok(leafHash(Buffer.from('forged')), i, proof, root(n))).toBe(false);
        if (n > 1) expect(ok(leaf((i + 1) % n), i, proof, root(n))).toBe(false);
        for (let j = 0; j < n; j++) if (j !== i) expect(ok(leaf(i), j, proof, root(n)), `index ${j}`).toBe(false);
        expect(ok(leaf(i), n, proof, root(n))).toBe(false);
        expect(ok(leaf(i), -1, proof, root(n))).toBe(false);
        for (const bad of tamperedCopies(proof)) expect(ok(leaf(i), i, bad, root(n))).toBe(false);
        expect(ok(leaf(i), i, proof, flip(root(n), 0))).toBe(false);
        if (n > 1) expect(ok(leaf(i), i, proof, root(n - 1))).toBe(false);
        if (proof.length > 0) expect(ok(leaf(i), i, proof.slice(0, -1), root(n))).toBe(false);
        expect(ok(leaf(i), i, [...proof, leaf(0)], root(n))).toBe(false);
        if (proof.length >= 2) expect(ok(leaf(i), i, [...proof].reverse(), root(n))).toBe(false);
      }
    }
  });

  it('return false rather than throw on malformed input', () => {
    const proof = inclusionProof(CT_LEAVES, 5, 8);
    expect(verifyInclusion(Buffer.alloc(31), 5, 8, proof, ctRoot(8))).toBe(false);
    expect(verifyInclusion(leaf(5), 5, 8, proof, Buffer.alloc(31))).toBe(false);
    expect(verifyInclusion(CT_LEAVES[5] as Buffer, 5, 8, [Buffer.alloc(31), ...proof.slice(1)], ctRoot(8))).toBe(false);
    expect(verifyInclusion(CT_LEAVES[5] as Buffer, 5.5, 8, proof, ctRoot(8))).toBe(false);
    expect(verifyInclusion(CT_LEAVES[0] as Buffer, 0, 0, [], EMPTY_ROOT)).toBe(false);
  });

  it('reject impossible requests when generating', () => {
    expect(() => inclusionProof(CT_LEAVES, 8, 8)).toThrow(RangeError);
    expect(() => inclusionProof(CT_LEAVES, -1)).toThrow(RangeError);
    expect(() => inclusionProof(CT_LEAVES, 0, 9)).toThrow(RangeError);
    expect(() => inclusionProof([], 0)).toThrow(RangeError);
    expect(() => inclusionProof([Buffer.from('raw entry')], 0)).toThrow(TypeError);
    expect(() => merkleRoot([Buffer.from('raw entry')])).toThrow(TypeError);
  });
});

describe('consistency proofs, all pairs 1 <= m <= n <= 40', () => {
  it('verify', () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(LEAVES, m, n);
        expect(verifyConsistency(m, n, root(m), root(n), proof), `${m} -> ${n}`).toBe(true);
      }
    }
  });

  it('fail when tampered', () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(LEAVES, m, n);
        const ok = (oldRoot: Buffer, newRoot: Buffer, p: Buffer[]) => verifyConsistency(m, n, oldRoot, newRoot, p);
        const where = `${m} -> ${n}`;
        for (const bad of tamperedCopies(proof)) expect(ok(root(m), root(n), bad), where).toBe(false);
        expect(ok(flip(root(m), 0), root(n), proof), where).toBe(false);
        expect(ok(root(m), flip(root(n), 0), proof), where).toBe(false);
        // A different history of the same old size must not pass as a prefix.
        const forkedOld = merkleRoot([leafHash(Buffer.from('forged')), ...LEAVES.slice(1, m)]);
        expect(ok(forkedOld, root(n), proof), where).toBe(false);
        if (proof.length > 0) expect(ok(root(m), root(n), proof.slice(0, -1)), where).toBe(false);
        expect(ok(root(m), root(n), [...proof, leaf(0)]), where).toBe(false);
        if (m < n) expect(ok(root(m), root(n), []), where).toBe(false);
        if (proof.length >= 2) expect(ok(root(m), root(n), [...proof].reverse()), where).toBe(false);
        expect(verifyConsistency(n, m, root(n), root(m), proof), where).toBe(m === n);
      }
    }
  });

  it('treat the empty old tree and equal sizes explicitly', () => {
    expect(consistencyProof(LEAVES, 0, 5)).toEqual([]);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, root(5), [])).toBe(true);
    expect(verifyConsistency(0, 5, root(1), root(5), [])).toBe(false);
    expect(verifyConsistency(0, 5, EMPTY_ROOT, root(5), [leaf(0)])).toBe(false);
    expect(verifyConsistency(4, 4, root(4), root(4), [])).toBe(true);
    expect(verifyConsistency(4, 4, root(4), root(5), [])).toBe(false);
    expect(verifyConsistency(4, 4, root(4), root(4), [leaf(0)])).toBe(false);
    expect(verifyConsistency(6, 8, Buffer.alloc(31), root(8), consistencyProof(LEAVES, 6, 8))).toBe(false);
  });

  it('reject impossible requests when generating', () => {
    expect(() => consistencyProof(CT_LEAVES, 5, 3)).toThrow(RangeError);
    expect(() => consistencyProof(CT_LEAVES, 1, 9)).toThrow(RangeError);
    expect(() => consistencyProof(CT_LEAVES, -1, 8)).toThrow(RangeError);
  });
});
