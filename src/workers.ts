// Background work of one server process: outbox delivery and the periodic jobs modules declare.
// Several server instances may run these: each job is written to be safe when run concurrently.
import type { AppContext } from './core/context';
import { modules } from './modules';

export interface Job {
  name: string;
  everyMs: number;
  run(ctx: AppContext): Promise<void>;
}

export const coreJobs: Job[] = [];

export function startWorkers(ctx: AppContext, jobs: Job[] = [...coreJobs, ...modules.flatMap((m) => m.jobs ?? [])]) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run(ctx)
        .catch((err: Error) => ctx.log.error({ job: job.name, err: { message: err.message } }, 'job failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    timers.push(setInterval(tick, job.everyMs));
    setImmediate(tick);
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
    await Promise.all(running);
  };
}
