// The background loop the server runs: one delivery pass every `intervalMs`, another at once while
// passes come back full. Returns stop(), which waits for the pass in progress.
import type { AppContext } from '../context';
import { type DeliverOptions, type OutboxHandlers, deliverDueMessages } from './deliver-due-messages';

export function startOutboxWorker(
  ctx: AppContext,
  handlers: OutboxHandlers,
  opts: { intervalMs: number } & DeliverOptions,
): () => Promise<void> {
  const batchSize = opts.batchSize ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    let full = true;
    while (full && !stopped) {
      try {
        const r = await deliverDueMessages(ctx, handlers, { ...opts, batchSize });
        full = r.claimed === batchSize;
      } catch (err) {
        ctx.log.error(
          { err: { message: (err as Error).message, code: (err as { code?: unknown }).code } },
          'outbox pass failed',
        );
        full = false;
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(schedule);
    }, opts.intervalMs);
    timer.unref();
  };
  schedule();

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
