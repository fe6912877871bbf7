// Background job of the file store, run by the server's worker loop: the sweep of expired unclaimed
// uploads. The app wiring passes the modules' file references (core does not know the modules).
import type { AppContext } from '../context';
import { type FileReference, sweepUnclaimedFiles } from './sweep-unclaimed';

export function fileJobs(references: readonly FileReference[]) {
  return [
    {
      name: 'files-sweep-unclaimed',
      everyMs: 3_600_000,
      run: async (ctx: AppContext) => {
        const r = await sweepUnclaimedFiles(ctx, references);
        if (r.attachments > 0) ctx.log.info(r, 'expired unclaimed uploads removed');
      },
    },
  ];
}
