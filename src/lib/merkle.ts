// RFC 6962 / RFC 9162 Merkle tree hashing for the tamper-evident audit ledger.
// Proof generation follows RFC 6962 §2.1.1-2.1.2; verification follows RFC 9162
// §2.1.3.2 and §2.1.4.2, so any standard CT/transparency-log verifier agrees with us.
//
// Sizes and indices are plain numbers; we use arithmetic rather than bitwise
// operators so trees beyond 2^31 leaves would still work.

import { createHash } from 'node:crypto';

const HASH_SIZE = 32;

function sha256(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** SHA-256(0x00 || data): the domain prefix stops a leaf from posing as an inner node. */
export function leafHash(data: Uint8Array): Buffer {
  return sha256(LEAF_PREFIX, data);
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** Root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = sha256();

/** Largest power of two strictly smaller than n (n >= 2): where RFC 6962 splits a tree. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isOdd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/** MTH(D[n]) over already-computed leaf hashes (RFC 6962 §2.1). */
export function merkleRoot(leaves: readonly Uint8Array[]): Buffer {
  assertLeafHashes(leaves);
  return subtreeRoot(leaves, 0, leaves.length);
}

/** MTH of leaves[start, end). */
function subtreeRoot(leaves: readonly Uint8Array[], start: number, end: number): Buffer {
  const n = end - start;
  if (n === 0) return Buffer.from(EMPTY_ROOT);
  if (n === 1) return Buffer.from(leaves[start] as Uint8Array);
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

// Catches raw entries passed where leaf hashes are expected, which would otherwise
// produce a plausible-looking but wrong root.
function assertLeafHashes(leaves: readonly Uint8Array[]): void {
  for (const [i, leaf] of leaves.entries()) {
    if (!isHash(leaf)) throw new TypeError(`leaf ${i} is not a ${HASH_SIZE}-byte hash`);
  }
}

function assertSize(value: number, what: string, max: number, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/**
 * Audit path for leaf `index` in the tree made of the first `treeSize` leaves
 * (RFC 6962 §2.1.1 PATH), ordered from the leaf's sibling up to the root's child.
 */
export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  treeSize: number = leafHashes.length,
): Buffer[] {
  assertSize(treeSize, 'treeSize', leafHashes.length, 1);
  assertSize(index, 'index', treeSize - 1);
  assertLeafHashes(leafHashes);
  const path: Buffer[] = [];
  // Walk down from the root, collecting siblings; reverse at the end (PATH lists bottom-up).
  let start = 0;
  let end = treeSize;
  let m = index;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < k) {
      path.push(subtreeRoot(leafHashes, start + k, end));
      end = start + k;
    } else {
      path.push(subtreeRoot(leafHashes, start, start + k));
      start += k;
      m -= k;
    }
  }
  return path.reverse();
}

/** RFC 9162 §2.1.3.2. Returns false (never throws) on any malformed input. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return false;
  }
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // Skip levels where this node has no right sibling (the right edge of a ragged tree).
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalHash(r, root);
}

/**
 * Proof that the tree of the first `oldSize` leaves is a prefix of the tree of the
 * first `newSize` leaves (RFC 6962 §2.1.2 PROOF/SUBPROOF). Empty when oldSize is 0
 * or equals newSize.
 */
export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  oldSize: number,
  newSize: number = leafHashes.length,
): Buffer[] {
  assertSize(newSize, 'newSize', leafHashes.length);
  assertSize(oldSize, 'oldSize', newSize);
  assertLeafHashes(leafHashes);
  if (oldSize === 0 || oldSize === newSize) return [];
  return subproof(leafHashes, oldSize, 0, newSize, true);
}

/** SUBPROOF(m, D[start:end], b) with m counted from `start`. */
function subproof(
  leaves: readonly Uint8Array[],
  m: number,
  start: number,
  end: number,
  isWholeOldTree: boolean,
): Buffer[] {
  const n = end - start;
  if (m === n) return isWholeOldTree ? [] : [subtreeRoot(leaves, start, end)];
  const k = splitPoint(n);
  if (m <= k) {
    return [...subproof(leaves, m, start, start + k, isWholeOldTree), subtreeRoot(leaves, start + k, end)];
  }
  return [...subproof(leaves, m - k, start + k, end, false), subtreeRoot(leaves, start, start + k)];
}

/**
 * RFC 9162 §2.1.4.2. Equal sizes need an empty proof and equal roots. For oldSize 0
 * the proof must be empty and oldRoot must be the empty-tree root; newRoot is then
 * unconstrained, as every tree extends the empty one. Returns false on malformed input.
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize) || oldSize < 0 || oldSize > newSize) {
    return false;
  }
  if (!isHash(oldRoot) || !isHash(newRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (oldSize === newSize) return proof.length === 0 && equalHash(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0 && equalHash(oldRoot, EMPTY_ROOT);
  if (proof.length === 0) return false;

  // When the old tree is a complete subtree, its root is the path's implicit first node.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Uint8Array = path[0] as Uint8Array;
  let sr: Uint8Array = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalHash(fr, oldRoot) && equalHash(sr, newRoot);
}

function isPowerOfTwo(x: number): boolean {
  let v = x;
  while (v > 1 && !isOdd(v)) v = half(v);
  return v === 1;
}

function isHash(x: unknown): x is Uint8Array {
  return x instanceof Uint8Array && x.length === HASH_SIZE;
}

/** Byte equality; timing does not matter here since every value compared is public. */
function equalHash(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
