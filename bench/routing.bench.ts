// The learned routing suggestion on a synthetic but realistic labelled history (3,000 complaints over 12
// units with unit vocabulary, shared words and 8% mislabelled rows; fixed seed): 80/20 split, top-1 and
// top-3 accuracy against the majority-class baseline, training and prediction time; then the model trained
// from this backend's complaints table (the demo agency) to show the database path.
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { agencies } from '../src/core/org/schema';
import { predict, train } from '../src/modules/complaints/routing-model/naive-bayes';
import { trainAgencyModel } from '../src/modules/complaints/routing-model/suggest-route';
import { evaluate, syntheticHistory } from '../src/modules/complaints/routing-model/synthetic-history';
import type { BenchEnv } from './bench-env';

const N = Number(process.env.BENCH_ROUTING_N ?? 3000);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export default async function routingBench(env: BenchEnv): Promise<void> {
  const history = syntheticHistory(N, 20260101);
  const cut = Math.floor(history.length * 0.8);
  const trainSet = history.slice(0, cut);
  const testSet = history.slice(cut);
  const t0 = performance.now();
  const model = train(trainSet.map((x) => ({ x, label: x.unit })));
  const trainMs = performance.now() - t0;
  const t1 = performance.now();
  const r = evaluate(trainSet, testSet, (x) => predict(model, x, 3).map((p) => p.label));
  const predictMs = (performance.now() - t1) / testSet.length;
  env.print(
    `routing (${env.kind}): ${N} synthetic complaints, 12 units, 20% held out — top-1 ${pct(r.top1)}, ` +
      `top-3 ${pct(r.top3)}, majority baseline ${pct(r.baseline)}; train ${trainMs.toFixed(0)} ms, ` +
      `predict ${predictMs.toFixed(3)} ms/report`,
  );
  const [agency] = await env.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'banten'));
  if (agency) {
    const t2 = performance.now();
    const m = await trainAgencyModel(env.ctx, agency.id);
    env.print(
      `routing (${env.kind}): trained from the complaints table (banten demo) on ${m.trainedOn} dispositions ` +
        `in ${(performance.now() - t2).toFixed(0)} ms`,
    );
  }
}
