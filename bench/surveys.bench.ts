// Time to compute a unit's IKM report over 1,000,000 responses (target: under 300 ms on PostgreSQL).
// The rows go in with one INSERT … SELECT generate_series; the statement-level trigger adds them to the
// per-day roll-up in the same statement. Also printed for comparison: the same aggregate scanned
// straight from the response rows, which is what the roll-up saves.
import { performance } from 'node:perf_hooks';
import { and, eq, sql } from 'drizzle-orm';
import { agencies, units } from '../src/core/org/schema';
import { buildReport } from '../src/modules/surveys/build-report';
import { buildTrend } from '../src/modules/surveys/build-trend';
import { requirePeriod } from '../src/modules/surveys/periods';
import { type BenchEnv, percentile } from './bench-env';

const ROWS = Number(process.env.BENCH_SURVEY_ROWS ?? 1_000_000);

async function time<T>(fn: () => Promise<T>, runs: number): Promise<{ median: number; p95: number; last: T }> {
  await fn(); // warm-up
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    ms.push(performance.now() - t0);
  }
  return { median: percentile(ms, 50), p95: percentile(ms, 95), last };
}

export default async function surveysBench(env: BenchEnv): Promise<void> {
  const { ctx, print } = env;
  const [unit] = await ctx.db
    .select({ agencyId: agencies.id, unitId: units.id })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(and(eq(agencies.slug, 'banten'), eq(units.name, 'Dinas Pekerjaan Umum dan Penataan Ruang')))
    .limit(1);
  if (!unit) throw new Error('demo unit not found');

  const t0 = performance.now();
  await ctx.db.execute(sql`
    insert into surveys_responses (agency_id, unit_id, channel, submitted_on, u1, u2, u3, u4, u5, u6, u7, u8, u9,
                                   jenis_kelamin, umur, pendidikan, pekerjaan)
    select ${unit.agencyId}, ${unit.unitId}, 'kiosk', date '2025-01-01' + (g % 365),
           1 + (g * 7) % 4, 1 + (g * 11) % 4, 1 + (g * 13) % 4, 1 + (g * 17) % 4, 1 + (g * 19) % 4,
           1 + (g * 23) % 4, 1 + (g * 29) % 4, 1 + (g * 31) % 4, 1 + (g * 37) % 4,
           (array['L','P'])[1 + g % 2], (array['<20','20-29','30-39','40-49','50-59','60+'])[1 + g % 6],
           (array['SD','SMP','SMA','D1-D3-D4','S1','S2+'])[1 + (g / 7) % 6],
           (array['PNS','TNI','POLRI','SWASTA','WIRAUSAHA','LAINNYA'])[1 + (g / 3) % 6]
    from generate_series(1, ${ROWS}) g`);
  print(
    `inserted ${ROWS.toLocaleString('en')} responses (one INSERT … SELECT, roll-up by trigger) in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  if (env.kind === 'postgres') await ctx.db.execute(sql`vacuum analyze surveys_responses, surveys_totals`);

  const scope = { agencyId: unit.agencyId, unitId: unit.unitId, serviceId: null };
  const year = await time(() => buildReport(ctx.db, scope, requirePeriod('2025')), 10);
  const r = year.last;
  print(
    `unit report, year 2025 (${r.responses.toLocaleString('en')} responses): median ${year.median.toFixed(1)} ms, p95 ${year.p95.toFixed(1)} ms` +
      ` -> IKM ${r.result?.ikm}, converted ${r.result?.converted}, mutu ${r.result?.mutu.grade}`,
  );
  const quarter = await time(() => buildReport(ctx.db, scope, requirePeriod('2025-Q2')), 10);
  print(
    `unit report, 2025-Q2 (${quarter.last.responses.toLocaleString('en')} responses): median ${quarter.median.toFixed(1)} ms`,
  );
  const agency = await time(() => buildReport(ctx.db, { ...scope, unitId: null }, requirePeriod('2025')), 10);
  print(`agency report, year 2025: median ${agency.median.toFixed(1)} ms`);
  const trend = await time(() => buildTrend(ctx.db, scope, requirePeriod('2025-12'), 12), 10);
  print(`12-month trend: median ${trend.median.toFixed(1)} ms`);

  // For comparison: the same element sums scanned from the response rows themselves.
  const raw = await time(
    () =>
      ctx.db.execute<Record<string, number>>(sql`
        select count(*)::int as n, sum(u1)::int as s1, sum(u2)::int as s2, sum(u3)::int as s3, sum(u4)::int as s4,
               sum(u5)::int as s5, sum(u6)::int as s6, sum(u7)::int as s7, sum(u8)::int as s8, sum(u9)::int as s9
        from surveys_responses
        where unit_id = ${unit.unitId} and submitted_on >= '2025-01-01' and submitted_on < '2026-01-01'`),
    env.kind === 'postgres' ? 5 : 2,
  );
  const row = raw.last.rows[0]!;
  const same = Number(row.n) === r.responses && r.result!.elements.every((e, i) => e.sum === Number(row[`s${i + 1}`]));
  print(
    `raw scan of the response rows (no roll-up), for comparison: median ${raw.median.toFixed(1)} ms; roll-up agrees: ${same}`,
  );
}
