// `pamong calendar coverage` and `pamong calendar import FILE [--dry-run] [--replace-years]`: the machine's
// operator checks that the years ahead have their national days off, and loads a new joint decree.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type OpenCliContext, withCliContext } from '../cli-context';
import { getCalendarCoverage } from './get-calendar-coverage';
import { type ImportHolidaysResult, importNationalHolidays } from './import-national-holidays';

/** The lines `pamong calendar import` prints. */
export function formatImport(r: ImportHolidaysResult): string[] {
  const day = (d: { date: string; kind: string; name: string }) => `  ${d.date} ${d.kind} ${d.name}`;
  const lines = [
    r.dryRun ? 'Pratinjau, belum ada yang disimpan / preview, nothing saved' : 'Disimpan / saved',
    `Tahun / years: ${r.years.join(', ')}; baris / rows: ${r.rows}`,
    `Ditambahkan / added: ${r.added.length}`,
    ...r.added.map(day),
    `Dipulihkan / restored: ${r.restored.length}`,
    ...r.restored.map(day),
    `Diubah / changed: ${r.changed.length}`,
    ...r.changed.map((c) => `${day(c)} (sebelumnya / was: ${c.before.kind} ${c.before.name})`),
    `Tetap / unchanged: ${r.unchanged}`,
  ];
  if (r.replaceYears) lines.push(`Dihapus / removed: ${r.removed.length}`, ...r.removed.map(day));
  else if (r.notInFile.length > 0) {
    lines.push(
      `Tidak ada di berkas, tetap disimpan (--replace-years untuk menghapus) / not in the file, kept (--replace-years removes them): ${r.notInFile.length}`,
      ...r.notInFile.map(day),
    );
  }
  return lines;
}

export function registerCalendarCommands(program: Command, open: OpenCliContext): void {
  const calendar = program.command('calendar').description('Kalender hari kerja / working-day calendar');

  calendar
    .command('coverage')
    .description(
      'Apakah hari libur nasional tahun-tahun yang dijangkau batas waktu sudah dimuat / whether the years deadlines reach have their national days off (exit 1 if not)',
    )
    .action(async () => {
      await withCliContext(open, async (ctx) => {
        const c = await getCalendarCoverage(ctx);
        for (const y of c.years) {
          console.log(
            `${y.year}: ${y.liburNasional} libur nasional, ${y.cutiBersama} cuti bersama${y.liburNasional === 0 ? ' — BELUM DIMUAT / NOT LOADED' : ''}`,
          );
        }
        if (c.missingYears.length > 0) {
          console.log(
            `Muat SKB 3 Menteri tahun ${c.missingYears.join(', ')}: pamong calendar import FILE / load the joint decree for ${c.missingYears.join(', ')}: pamong calendar import FILE`,
          );
          process.exitCode = 1;
        }
      });
    });

  calendar
    .command('import <file>')
    .description(
      'Memuat hari libur nasional dan cuti bersama dari CSV (tanggal,jenis,nama) / load national days off from a CSV (tanggal,jenis,nama)',
    )
    .option('--dry-run', 'tampilkan perubahan tanpa menyimpan / show the changes, save nothing')
    .option(
      '--replace-years',
      'hapus hari libur nasional tahun yang sama yang tidak ada di berkas / remove national days of the same years that the file does not list',
    )
    .action(async (file: string, opts: { dryRun?: boolean; replaceYears?: boolean }) => {
      const csv = await readFile(file, 'utf8');
      await withCliContext(open, async (ctx) => {
        const r = await importNationalHolidays(
          ctx,
          { kind: 'system', name: 'cli' },
          { csv, dryRun: opts.dryRun ?? false, replaceYears: opts.replaceYears ?? false },
        );
        for (const line of formatImport(r)) console.log(line);
      });
    });
}
