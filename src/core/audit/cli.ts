// `pamong audit verify` and `pamong audit checkpoint`. Wired into src/cli.ts by registerAuditCommands.
import type { Command } from 'commander';
import { type OpenCliContext, withCliContext } from '../cli-context';
import { LedgerTamperedError, createCheckpoint } from './create-checkpoint';
import { formatVerifyReport } from './format-verify-report';
import { verifyLedger } from './verify-ledger';

export function registerAuditCommands(program: Command, open: OpenCliContext): void {
  const audit = program.command('audit').description('Buku besar audit / audit ledger');

  audit
    .command('verify')
    .description(
      'Periksa hash, rantai dan checkpoint bertanda tangan / verify hashes, chain and signed checkpoints (exit 1 on problems)',
    )
    .option('--json', 'laporan sebagai JSON / print the report as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withCliContext(open, async (ctx) => {
        const report = await verifyLedger(ctx);
        process.stdout.write(`${opts.json ? JSON.stringify(report, null, 2) : formatVerifyReport(report)}\n`);
        if (!report.ok) process.exitCode = 1;
      });
    });

  audit
    .command('checkpoint')
    .description('Tanda tangani checkpoint baru / sign a new checkpoint now')
    .action(async () => {
      await withCliContext(open, async (ctx) => {
        try {
          const { created, checkpoint } = await createCheckpoint(ctx);
          const line = !checkpoint
            ? 'Buku besar masih kosong, tidak ada checkpoint / The ledger is empty, no checkpoint made'
            : created
              ? `Checkpoint dibuat / checkpoint made: ${checkpoint.treeSize} entri / entries, root ${checkpoint.rootHash}, key ${checkpoint.keyId}`
              : `Tidak ada entri baru; checkpoint terakhir / no new entries; latest checkpoint: ${checkpoint.treeSize}, root ${checkpoint.rootHash}`;
          process.stdout.write(`${line}\n`);
        } catch (e) {
          if (!(e instanceof LedgerTamperedError)) throw e;
          process.stderr.write(
            `Checkpoint ditolak: buku besar tidak utuh. Jalankan \`pamong audit verify\`. / Checkpoint refused: the ledger failed its checks. Run \`pamong audit verify\`.\n${e.message}\n`,
          );
          process.exitCode = 1;
        }
      });
    });
}
