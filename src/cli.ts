// The `pamong` command: serve, migrate, seed, user, audit, calendar, import, backup, restore.
// Commands that touch a PGlite data directory take the same exclusive lock as the server.
import { Command } from 'commander';
import pino from 'pino';
import { prepareDatabase } from './bootstrap';
import { ConfigError, type Config, loadConfig } from './config';
import { type AppContext, systemClock } from './core/context';
import { createBackupFile } from './core/backup/create-backup';
import { restoreBackupFile } from './core/backup/restore-backup';
import { DataDirLockedError } from './core/db/lock';
import { openConfiguredDatabase } from './core/db/open';
import { migrateDatabase } from './core/db/migrate';
import { loadReferenceData } from './core/reference-data';
import { printBanner } from './banner';
import { startServer } from './server';
import { registerCliCommands } from './cli-commands';

export type OpenedContext = AppContext & { close(): Promise<void> };

async function openContext(config: Config): Promise<OpenedContext> {
  const database = await openConfiguredDatabase(config);
  const log = pino({ level: config.logLevel });
  return { config, database, db: database.db, clock: systemClock, log, close: () => database.close() };
}

export function buildProgram(): Command {
  const program = new Command('pamong').description('Pamong: platform reformasi birokrasi untuk pemerintah daerah');
  const config = () => loadConfig();
  const open = () => openContext(config());

  program
    .command('serve')
    .description('Menjalankan server / run the server (PGlite in ./data unless DATABASE_URL is set)')
    .action(async () => {
      const c = config();
      const server = await startServer(c);
      printBanner(c, server.url, server.missingHolidayYears);
      const shutdown = async (signal: string) => {
        server.app.log.info({ signal }, 'shutting down');
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Menerapkan migrasi dan data referensi / apply migrations and reference data')
    .action(async () => {
      const ctx = await open();
      try {
        await migrateDatabase(ctx.database);
        await loadReferenceData(ctx);
        console.log('Migrasi selesai / migrations applied');
      } finally {
        await ctx.close();
      }
    });

  program
    .command('seed')
    .argument('<what>', 'demo')
    .description('Mengisi data demo / seed the demo government (only into an empty database)')
    .action(async (what: string) => {
      if (what !== 'demo') throw new Error('Only "seed demo" is available');
      const ctx = await open();
      try {
        const { seeded } = await prepareDatabase(ctx, { seedDemo: true });
        console.log(
          seeded
            ? 'Data demo dibuat / demo data seeded'
            : 'Basis data sudah berisi / database not empty: nothing seeded',
        );
      } finally {
        await ctx.close();
      }
    });

  program
    .command('backup')
    .argument('<file>', 'output file (.jsonl.gz)')
    .description('Mencadangkan seluruh data / back up all data (restores into PGlite or PostgreSQL)')
    .action(async (file: string) => {
      const ctx = await open();
      try {
        const header = await createBackupFile(ctx.db, file, ctx.clock.now());
        const rows = header.tables.reduce((n, t) => n + t.rows, 0);
        console.log(`Cadangan ditulis / backup written: ${file} (${header.tables.length} tables, ${rows} rows)`);
      } finally {
        await ctx.close();
      }
    });

  program
    .command('restore')
    .argument('<file>', 'a file made by `pamong backup`')
    .option('--replace', 'hapus data yang ada / delete existing data first', false)
    .description('Memulihkan cadangan / restore a backup into a migrated database')
    .action(async (file: string, opts: { replace: boolean }) => {
      const ctx = await open();
      try {
        await migrateDatabase(ctx.database);
        const header = await restoreBackupFile(ctx.db, file, { replace: opts.replace });
        console.log(`Cadangan dipulihkan / restored backup of ${header.createdAt}`);
      } finally {
        await ctx.close();
      }
    });

  registerCliCommands(program, open);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(2);
    }
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli.ts')) {
  void main(process.argv);
}
