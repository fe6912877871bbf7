// Complaint intake and tracking through the real HTTP server, beside the machine's ceilings measured in the
// same run: a pgbench-style single-row insert rate with 4 clients, and a bare Fastify route doing one raw
// lookup. Targets: intake >= 0.35x the insert ceiling with p99 <= 50 ms on PostgreSQL, >= 1,000/s on PGlite;
// tracking lookups >= 0.7x the raw-lookup route with p99 <= 10 ms.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { type BenchEnv, percentile } from './bench-env';

const CONCURRENCY = Number(process.env.BENCH_COMPLAINTS_CONCURRENCY ?? 50);
const MAX_REQUESTS = Number(process.env.BENCH_COMPLAINTS_REQUESTS ?? 4000);
const MAX_MS = Number(process.env.BENCH_COMPLAINTS_MS ?? 15_000);

interface Run {
  count: number;
  perSec: number;
  p50: number;
  p99: number;
  failed: number;
}

/** `workers` loops calling `op(i)` until `max` calls or `maxMs` have passed. */
async function load(workers: number, max: number, maxMs: number, op: (i: number) => Promise<boolean>): Promise<Run> {
  const ms: number[] = [];
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < max && performance.now() - t0 < maxMs) {
      const i = next++;
      const s = performance.now();
      const ok = await op(i).catch(() => false);
      if (ok) ms.push(performance.now() - s);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const secs = (performance.now() - t0) / 1000;
  return { count: ms.length, perSec: ms.length / secs, p50: percentile(ms, 50), p99: percentile(ms, 99), failed };
}

const fmt = (r: Run) =>
  `${r.perSec.toFixed(0)}/s (${r.count} ok, ${r.failed} failed), p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;

const report = (i: number) =>
  JSON.stringify({
    agency: 'banten',
    kind: 'pengaduan',
    title: `Jalan berlubang nomor ${i}`,
    description: `Laporan uji beban nomor ${i}: jalan provinsi berlubang di depan pasar.`,
    regionCode: '36.73.02.1001',
  });

export default async function complaintsBench(env: BenchEnv): Promise<void> {
  const { ctx, print } = env;

  // Ceiling 1: single-row inserts, 4 clients (PGlite: its one connection).
  await ctx.db.execute(
    sql`create table bench_ceiling (id bigserial primary key, code text not null, at timestamptz not null)`,
  );
  let insertCeiling: Run;
  if (env.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 4 });
    insertCeiling = await load(4, 20_000, 5_000, async (i) => {
      await pool.query('insert into bench_ceiling (code, at) values ($1, now())', [`C${i}`]);
      return true;
    });
    await pool.end();
  } else {
    insertCeiling = await load(4, 20_000, 5_000, async (i) => {
      await ctx.db.execute(sql`insert into bench_ceiling (code, at) values (${`C${i}`}, now())`);
      return true;
    });
  }
  await ctx.db.execute(sql`drop table bench_ceiling`);
  print(`ceiling: single-row insert, 4 clients: ${fmt(insertCeiling)}`);

  const app = await buildApp({ config: ctx.config, database: ctx.database, clock: ctx.clock, logger: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const codes: string[] = [];
  try {
    // Intake through the public API, 50 in flight.
    const intake = await load(CONCURRENCY, MAX_REQUESTS, MAX_MS, async (i) => {
      const res = await fetch(`${base}/api/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: report(i),
      });
      if (res.status !== 201) {
        await res.arrayBuffer();
        return false;
      }
      codes.push(((await res.json()) as { code: string }).code);
      return true;
    });
    const target = env.kind === 'postgres' ? 'target >= 0.35x, p99 <= 50 ms' : 'target >= 1,000/s';
    print(`intake (POST /api/v1/complaints, ${CONCURRENCY} in flight): ${fmt(intake)}`);
    print(`  ratio to insert ceiling ${(intake.perSec / insertCeiling.perSec).toFixed(2)}x (${target})`);

    // Ceiling 2: a bare Fastify route doing one raw lookup.
    const bare = Fastify({ logger: false });
    bare.get<{ Params: { code: string } }>('/r/:code', async (req) => {
      const r = await ctx.db.execute(sql`select code, status from complaints where code = ${req.params.code} limit 1`);
      return r.rows[0] ?? null;
    });
    const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
    const pick = (i: number) => codes[i % codes.length]!;
    const rawLookup = await load(CONCURRENCY, MAX_REQUESTS * 2, MAX_MS / 2, async (i) => {
      const res = await fetch(`${bareBase}/r/${pick(i)}`);
      await res.arrayBuffer();
      return res.status === 200;
    });
    await bare.close();
    print(`ceiling: bare Fastify route, one raw lookup: ${fmt(rawLookup)}`);

    const lookups = await load(CONCURRENCY, MAX_REQUESTS * 2, MAX_MS / 2, async (i) => {
      const res = await fetch(`${base}/api/v1/track/${pick(i)}`);
      await res.arrayBuffer();
      return res.status === 200;
    });
    print(`tracking lookups (GET /api/v1/track/:code, ${CONCURRENCY} in flight): ${fmt(lookups)}`);
    print(
      `  ratio to raw-lookup route ${(lookups.perSec / rawLookup.perSec).toFixed(2)}x (target >= 0.7x, p99 <= 10 ms)`,
    );
  } finally {
    await app.close();
  }
}
