// The right edge of an RFC 6962 tree grown one leaf at a time: the roots of its perfect subtrees,
// largest first (at most log2(n) hashes). Lets verification stream millions of entries and still
// compute the root at every checkpoint size without holding the leaves.
import { EMPTY_ROOT, nodeHash } from '../../lib/merkle';

export class CompactRange {
  private readonly nodes: { hash: Buffer; size: number }[] = [];
  size = 0;

  append(leaf: Buffer): void {
    let node = { hash: leaf, size: 1 };
    for (let top = this.nodes.at(-1); top && top.size === node.size; top = this.nodes.at(-1)) {
      this.nodes.pop();
      node = { hash: nodeHash(top.hash, node.hash), size: node.size * 2 };
    }
    this.nodes.push(node);
    this.size++;
  }

  /** MTH of the leaves appended so far: the perfect subtrees folded from the right. */
  root(): Buffer {
    if (this.nodes.length === 0) return Buffer.from(EMPTY_ROOT);
    let r = (this.nodes.at(-1) as { hash: Buffer }).hash;
    for (let i = this.nodes.length - 2; i >= 0; i--) r = nodeHash((this.nodes[i] as { hash: Buffer }).hash, r);
    return r;
  }
}
