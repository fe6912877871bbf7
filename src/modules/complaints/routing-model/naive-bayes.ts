// A multinomial naive Bayes over words of the title and description plus category and region-prefix
// features, trained on the agency's own past dispositions. Pure functions: no database here.

/** Common Indonesian function words (and a few complaint boilerplate words) that say nothing about the unit. */
const STOP_WORDS = new Set(
  (
    'yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga sudah belum ada atau karena ' +
    'oleh saya kami kita mereka anda bapak ibu pak bu sangat sekali lagi agar bisa dapat mohon tolong harap ' +
    'sebagai secara kepada bahwa hal tersebut telah masih hanya saja jika kalau maka namun tetapi tapi serta ' +
    'para sejak sampai hingga atas bagi nya pun lah kah apa siapa bagaimana kapan dimana mana kenapa mengapa ' +
    'terima kasih terimakasih laporan lapor melaporkan warga kami mengadu pengaduan keluhan mohon segera ' +
    'yth selamat pagi siang sore malam the of and to in'
  ).split(' '),
);

/** Lower case, letters and digits only, no stop words, no one-letter tokens. */
export function tokenize(s: string): string[] {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

export interface Example {
  title: string;
  description: string;
  categoryId?: string | null;
  regionCode?: string | null;
}

/** Words, plus the category and the kabupaten/kota and kecamatan prefixes of the region code. */
export function features(x: Example): string[] {
  const f = tokenize(`${x.title} ${x.description}`);
  if (x.categoryId) f.push(`cat:${x.categoryId}`, `cat:${x.categoryId}`);
  if (x.regionCode) {
    const parts = x.regionCode.split('.');
    if (parts.length >= 2) f.push(`reg:${parts.slice(0, 2).join('.')}`);
    if (parts.length >= 3) f.push(`reg:${parts.slice(0, 3).join('.')}`);
  }
  return f;
}

export interface Model {
  labels: string[];
  logPrior: number[];
  /** Per label: log P(feature | label) for seen features, and the log probability of an unseen one. */
  logLikelihood: Map<string, number>[];
  logUnseen: number[];
  /** Features seen in training; others carry no evidence and are skipped. */
  vocabulary: Set<string>;
  trainedOn: number;
}

export function train(examples: { x: Example; label: string }[], alpha = 1): Model {
  const labelIndex = new Map<string, number>();
  const docCounts: number[] = [];
  const featureCounts: Map<string, number>[] = [];
  const totals: number[] = [];
  const vocabulary = new Set<string>();
  for (const { x, label } of examples) {
    let i = labelIndex.get(label);
    if (i === undefined) {
      i = labelIndex.size;
      labelIndex.set(label, i);
      docCounts.push(0);
      featureCounts.push(new Map());
      totals.push(0);
    }
    docCounts[i]! += 1;
    const counts = featureCounts[i]!;
    for (const f of features(x)) {
      counts.set(f, (counts.get(f) ?? 0) + 1);
      totals[i]! += 1;
      vocabulary.add(f);
    }
  }
  const v = vocabulary.size;
  const n = examples.length;
  return {
    labels: [...labelIndex.keys()],
    logPrior: docCounts.map((c) => Math.log(c / n)),
    logLikelihood: featureCounts.map((counts, i) => {
      const denom = Math.log(totals[i]! + alpha * v);
      return new Map([...counts].map(([f, c]) => [f, Math.log(c + alpha) - denom]));
    }),
    logUnseen: totals.map((t) => Math.log(alpha) - Math.log(t + alpha * v)),
    vocabulary,
    trainedOn: n,
  };
}

/** Labels ranked by posterior probability (softmax of the log scores), best first. */
export function predict(model: Model, x: Example, top = 3): { label: string; confidence: number }[] {
  if (model.labels.length === 0) return [];
  const f = features(x).filter((w) => model.vocabulary.has(w));
  const scores = model.labels.map((_, i) => {
    let s = model.logPrior[i]!;
    const ll = model.logLikelihood[i]!;
    for (const w of f) s += ll.get(w) ?? model.logUnseen[i]!;
    return s;
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.labels
    .map((label, i) => ({ label, confidence: exp[i]! / sum }))
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, top);
}
