// Batcher: who is batched with whom, and who learns what when a batch or an item fails.
import { describe, expect, it, vi } from 'vitest';
import { Batcher, type Outcome } from './batcher';

/** A writer that records its batches and finishes each one when the test says so. */
function recorder(opts: { maxBatch?: number; maxConcurrent?: number; maxSettleWaits?: number } = {}) {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const gc = new Batcher<number, string>({
    maxBatch: opts.maxBatch ?? 100,
    maxConcurrent: opts.maxConcurrent ?? 1,
    maxSettleWaits: opts.maxSettleWaits,
    run: async (items) => {
      batches.push(items);
      await new Promise<void>((resolve) => finish.push(resolve));
      if (items.includes(-1)) throw new Error('batch failed');
      return items.map(
        (i): Outcome<string> => (i === 13 ? { ok: false, error: new Error('bad 13') } : { ok: true, value: `#${i}` }),
      );
    },
  });
  const turn = () => new Promise((r) => setImmediate(r));
  return { gc, batches, finish, turn };
}

describe('Batcher', () => {
  it('writes items submitted together as one batch, and later arrivals together in the next', async () => {
    const { gc, batches, finish, turn } = recorder();
    const first = [1, 2, 3].map((i) => gc.submit(i));
    await turn();
    expect(batches).toEqual([[1, 2, 3]]);
    const second = [4, 5].map((i) => gc.submit(i));
    await turn();
    expect(batches).toHaveLength(1); // waiting for the first batch to commit
    finish.shift()!();
    expect(await Promise.all(first)).toEqual(['#1', '#2', '#3']);
    await turn();
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    finish.shift()!();
    expect(await Promise.all(second)).toEqual(['#4', '#5']);
  });

  it('answers nobody before their batch is written', async () => {
    const { gc, finish, turn } = recorder();
    let answered = false;
    const p = gc.submit(1).then(() => {
      answered = true;
    });
    await turn();
    await turn();
    expect(answered).toBe(false);
    finish.shift()!();
    await p;
    expect(answered).toBe(true);
  });

  it('fails only the item whose outcome failed, and every item of a batch whose write threw', async () => {
    const { gc, finish, turn } = recorder();
    const ok = gc.submit(12);
    const bad = gc.submit(13);
    await turn();
    finish.shift()!();
    await expect(ok).resolves.toBe('#12');
    await expect(bad).rejects.toThrow('bad 13');

    const a = gc.submit(7);
    const b = gc.submit(-1);
    await turn();
    finish.shift()!();
    await expect(a).rejects.toThrow('batch failed');
    await expect(b).rejects.toThrow('batch failed');
    // The queue goes on after a failed batch.
    const c = gc.submit(8);
    await turn();
    finish.shift()!();
    await expect(c).resolves.toBe('#8');
  });

  it('keeps batches within maxBatch and runs up to maxConcurrent at once', async () => {
    const { gc, batches, finish, turn } = recorder({ maxBatch: 2, maxConcurrent: 2 });
    const all = [1, 2, 3, 4, 5].map((i) => gc.submit(i));
    await turn();
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    finish.shift()!();
    await turn();
    await turn();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    finish.shift()!();
    finish.shift()!();
    expect(await Promise.all(all)).toEqual(['#1', '#2', '#3', '#4', '#5']);
  });

  it('lets the first few callers back after a large batch wait a moment for the rest', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { gc, batches, finish, turn } = recorder();
      const big = Array.from({ length: 10 }, (_, i) => gc.submit(i));
      await turn();
      finish.shift()!();
      await Promise.all(big);
      const early = [20, 21].map((i) => gc.submit(i));
      await turn();
      expect(batches).toHaveLength(1); // two of ten: waiting for more
      const late = [22, 23, 24, 25, 26].map((i) => gc.submit(i));
      vi.advanceTimersByTime(1);
      await turn();
      expect(batches[1]).toEqual([20, 21, 22, 23, 24, 25, 26]);
      finish.shift()!();
      await Promise.all([...early, ...late]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never holds a short batch back when told not to wait (reads)', async () => {
    const { gc, batches, finish, turn } = recorder({ maxSettleWaits: 0 });
    const big = Array.from({ length: 10 }, (_, i) => gc.submit(i));
    await turn();
    finish.shift()!();
    await Promise.all(big);
    const early = gc.submit(20);
    await turn();
    expect(batches[1]).toEqual([20]);
    finish.shift()!();
    await expect(early).resolves.toBe('#20');
  });
});
