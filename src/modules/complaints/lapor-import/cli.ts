// `pamong import lapor FILE [--agency slug] [--mapping mapping.csv]`: import an SP4N-LAPOR! export.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../core/context';
import { AppError } from '../../../core/http/errors';
import { agencies } from '../../../core/org/schema';
import { importLapor } from './import-lapor';
import { readLaporFile, readMappingCsv } from './read-lapor-file';

export function registerComplaintCommands(
  program: Command,
  open: () => Promise<AppContext & { close(): Promise<void> }>,
): void {
  const imp = program.command('import').description('Impor data / import data');
  imp
    .command('lapor <file>')
    .description('Mengimpor ekspor SP4N-LAPOR! (xlsx/csv) / import an SP4N-LAPOR! export (xlsx/csv)')
    .option('--agency <slug>', 'slug instansi / agency slug', 'banten')
    .option('--mapping <file>', 'CSV lapor_name,unit_id untuk nama yang tidak cocok / for names that do not match')
    .action(async (file: string, opts: { agency: string; mapping?: string }) => {
      const ctx = await open();
      try {
        const [agency] = await ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, opts.agency));
        if (!agency) throw new Error(`Instansi tidak ditemukan / no such agency: ${opts.agency}`);
        const rows = await readLaporFile(file);
        const mapping = opts.mapping ? readMappingCsv(await readFile(opts.mapping)) : undefined;
        const s = await importLapor(ctx, { agencyId: agency.id, rows, mapping });
        console.log(`Baris / rows: ${s.rows}`);
        console.log(`Diimpor / imported: ${s.imported}`);
        console.log(`Sudah pernah diimpor / already imported: ${s.alreadyImported}`);
        if (s.overdueOpen > 0) {
          console.log(
            `Masih terbuka dan lewat tenggat (eskalasi lama dicatat tanpa dikirim) / still open and overdue (past escalations recorded, not sent): ${s.overdueOpen}`,
          );
        }
        for (const e of s.errors) {
          console.log(
            `Baris / row ${e.row}${e.trackingId ? ` (${e.trackingId})` : ''}: ${e.message.id} / ${e.message.en}`,
          );
        }
        if (s.unmatched.length) {
          console.log(
            'Instansi tidak cocok (baris tidak diimpor; tambahkan ke --mapping) / unmatched names (rows not imported; add to --mapping):',
          );
          for (const u of s.unmatched) console.log(`  ${u.name}: ${u.count}`);
        }
        if (s.errors.length || s.unmatched.length) process.exitCode = 1;
      } catch (e) {
        if (e instanceof AppError) throw new Error(`${e.text.id} / ${e.text.en}`);
        throw e;
      } finally {
        await ctx.close();
      }
    });
}
