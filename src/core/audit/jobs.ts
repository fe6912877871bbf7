// Background jobs of the audit ledger, run by the server's worker loop.
import type { AppContext } from '../context';
import { LedgerTamperedError, createCheckpoint } from './create-checkpoint';

export const auditJobs: { name: string; everyMs: number; run(ctx: AppContext): Promise<void> }[] = [
  {
    name: 'audit-checkpoint',
    everyMs: 60_000,
    run: async (ctx) => {
      try {
        await createCheckpoint(ctx);
      } catch (e) {
        // Loud: someone changed the ledger under the database. Checkpoints stop until it is investigated.
        if (e instanceof LedgerTamperedError)
          ctx.log.error({ problems: e.problems }, 'audit ledger tampered: checkpoint refused');
        throw e;
      }
    },
  },
];
