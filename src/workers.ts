// Background work of one server process: outbox delivery, audit checkpoints, the sweep of unclaimed
// uploads, and the periodic jobs modules declare. Several server instances may run these: each job is
// safe when run concurrently.
import { auditJobs } from './core/audit/jobs';
import type { AppContext } from './core/context';
import { fileJobs } from './core/files/jobs';
import { createOutboxHandlers } from './core/outbox/create-outbox-handlers';
import { startOutboxWorker } from './core/outbox/start-outbox-worker';
import { modules } from './modules';

export interface Job {
  name: string;
  everyMs: number;
  run(ctx: AppContext): Promise<void>;
}

const defaultJobs = (): Job[] => [
  ...auditJobs,
  ...fileJobs(modules.flatMap((m) => m.fileReferences ?? [])),
  ...modules.flatMap((m) => m.jobs ?? []),
];

export function startWorkers(ctx: AppContext, jobs: Job[] = defaultJobs()) {
  const stopOutbox = startOutboxWorker(ctx, createOutboxHandlers(ctx, modules), { intervalMs: 2_000 });
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
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    timers.push(timer);
    setImmediate(tick);
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
    await Promise.all([stopOutbox(), ...running]);
  };
}
