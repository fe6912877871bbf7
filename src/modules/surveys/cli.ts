// `pamong ikm compute FILE [--weight exact|0.111|0.11] [--json] [--lang id|en]`: the IKM of a CSV of
// responses, without a database. Exit code 1 on a bad file, with every problem by row.
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Lang } from '../../core/i18n/messages';
import { computeIkmFromCsv, CsvRejected, type CsvIkmResult } from './compute-ikm-from-csv';
import type { WeightConvention } from './ikm';
import { reportLabels } from './report-labels';

const WEIGHT_CHOICES = ['exact', '0.111', '0.11'];

export function formatCsvResult(r: CsvIkmResult, lang: Lang): string {
  const L = reportLabels(lang);
  const pad = (s: string, n: number) => s.padEnd(n);
  const lines = [
    L.title,
    `${L.weight}: ${r.weight.label[lang]}`,
    `${L.responses}: ${r.responses}`,
    '',
    `${pad(L.no, 4)} ${pad(L.element, 48)} ${pad(L.total, 12)} ${pad(L.nrr, 8)} ${L.weightedNrr}`,
    ...r.result.elements.map(
      (e) =>
        `${pad(e.key.toUpperCase(), 4)} ${pad(e.name[lang], 48)} ${pad(String(e.sum), 12)} ${pad(e.nrr, 8)} ${e.weightedNrr}${e.lowest ? `  <- ${L.lowest}` : ''}`,
    ),
    '',
    `${L.ikmRow}: ${r.result.ikm}`,
    `${L.convertedRow}: ${r.result.converted}`,
    `${L.mutuRow}: ${r.result.mutu.grade} (${r.result.mutu.kinerja[lang]})`,
  ];
  return `${lines.join('\n')}\n`;
}

export function registerSurveyCommands(program: Command): void {
  const ikm = program
    .command('ikm')
    .description('Indeks Kepuasan Masyarakat (PermenPANRB 14/2017) / community satisfaction index');
  ikm
    .command('compute')
    .description(
      'Hitung IKM dari CSV jawaban (kolom u1..u9, profil opsional) / compute the IKM from a CSV of responses',
    )
    .argument('<file>', 'berkas CSV / CSV file')
    .option('--weight <weight>', 'bobot / weight: exact (1/9), 0.111, 0.11', 'exact')
    .option('--lang <lang>', 'bahasa / language: id, en', 'id')
    .option('--json', 'hasil sebagai JSON / print the result as JSON')
    .action((file: string, opts: { weight: string; lang: string; json?: boolean }) => {
      const lang: Lang = opts.lang === 'en' ? 'en' : 'id';
      if (!WEIGHT_CHOICES.includes(opts.weight)) {
        process.stderr.write(`Bobot tidak dikenal / unknown weight: ${opts.weight} (exact, 0.111, 0.11)\n`);
        process.exitCode = 1;
        return;
      }
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        process.stderr.write(`Berkas tidak dapat dibaca / cannot read the file: ${(e as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      try {
        const result = computeIkmFromCsv(bytes, opts.weight as WeightConvention);
        process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatCsvResult(result, lang));
      } catch (e) {
        if (!(e instanceof CsvRejected)) throw e;
        for (const err of e.errors) process.stderr.write(`${err.message[lang]}\n`);
        process.exitCode = 1;
      }
    });
}
