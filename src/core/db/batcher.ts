// Batching of calls that arrive together: callers submit one item each and wait; items that arrive while
// a batch is running run together in the next one. Under load this turns N round trips (or N
// transactions, each with its own lock waits and WAL flush) into one; with a single caller it is a batch
// of one, started on the next turn of the event loop: nothing waits for a timer. Every caller learns its
// own item's outcome, and only after its batch finished: for a write (group commit), after the commit, so
// an acknowledged item is durable.
const MAX_SETTLE_WAITS = 3;

export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface BatcherOptions<I, O> {
  /** Runs a batch and returns one outcome per item, in order. A throw fails every item of the batch. */
  run(items: I[]): Promise<Outcome<O>[]>;
  /** Most items in one batch. */
  maxBatch: number;
  /** Batches running at the same time (1 for a single-connection database). */
  maxConcurrent: number;
  /** Most 1 ms waits for stragglers before a short batch (see settle); default 3, 0 never waits. */
  maxSettleWaits?: number;
}

interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

export class Batcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private running = 0;
  private scheduled = false;
  private lastBatchSize = 0;
  private seenAtLastWait = 0;

  constructor(private readonly opts: BatcherOptions<I, O>) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  // A batch starts on the next turn of the event loop, after the I/O callbacks already waiting: requests
  // that arrived together join one batch. (An embedded database such as PGlite runs a whole transaction
  // in microtasks; started at once, every batch would hold a single item.)
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.settle(0));
  }

  // Under load the callers answered by the last batch come back over the next millisecond or two. Rather
  // than writing the first few of them alone (a small batch costs almost as much as a full one), wait a
  // moment while the queue is well short of the last batch and still growing. A lone caller never waits.
  private settle(waits: number): void {
    const short = this.queue.length < this.lastBatchSize / 2;
    if (short && waits < (this.opts.maxSettleWaits ?? MAX_SETTLE_WAITS) && this.queue.length > this.seenAtLastWait) {
      this.seenAtLastWait = this.queue.length;
      setTimeout(() => this.settle(waits + 1), 1);
      return;
    }
    this.seenAtLastWait = 0;
    this.scheduled = false;
    this.pump();
  }

  private pump(): void {
    while (this.running < this.opts.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.opts.maxBatch);
      this.lastBatchSize = batch.length;
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.schedule();
      });
    }
  }

  private async run(batch: Pending<I, O>[]): Promise<void> {
    let outcomes: Outcome<O>[];
    try {
      outcomes = await this.opts.run(batch.map((p) => p.item));
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o?.ok) p.resolve(o.value);
      else p.reject(o ? o.error : new Error('batcher: no outcome for item'));
    });
  }
}
