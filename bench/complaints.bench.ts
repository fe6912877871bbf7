// Complaint intake and tracking through the real HTTP server, beside the machine's ceilings measured in the
// same run: a pgbench-style single-row insert rate with 4 clients, and a bare Fastify route doing one raw
// lookup. The HTTP load comes from a worker thread (bench/load-worker.mjs). Targets: intake >= 0.35x the insert ceiling with p99 <= 50 ms on PostgreSQL, >= 1,000/s on PGlite;
// tracking lookups >= 0.7x the raw-lookup route with p99 <= 10 ms.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { type BenchEnv, percentile } from './bench-env';

const CONCURRENCY = Number(process.env.BENCH_COMPLAINTS_CONCURRENCY ?? 50);
/** Latency without queueing: at 50 in flight a saturated server's p50 is 50 / throughput (Little's law). */
const LIGHT = 4;
const SECONDS = Number(process.env.BENCH_COMPLAINTS_SECONDS ?? 10);

interface Run {
  /** The server's event loop (this thread) busy share, 0..1, where measured. */
  busy?: number;
  count: number;
  perSec: number;
  p50: number;
  p99: number;
  /** HTTP runs: the shape of the tail (a smooth tail is queueing; a jump is a stall). */
  p90?: number;
  p999?: number;
  failed: number;
}

/** In-process loop for the insert ceiling: `workers` callers until `max` calls or `maxMs` have passed. */
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

/** HTTP load from bench/load-worker.mjs on its own thread (autocannon, `connections` in flight). */
function http(
  url: string,
  mode: 'intake' | 'lookup',
  paths: string[] = [],
  connections = CONCURRENCY,
): Promise<Run & { codes: string[]; busy: number }> {
  const elu = performance.eventLoopUtilization();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { url, connections, seconds: SECONDS, mode, paths },
    });
    worker.once(
      'message',
      (r: {
        ok: number;
        failed: number;
        seconds: number;
        p50: number;
        p90: number;
        p99: number;
        p999: number;
        codes: string[];
      }) =>
        resolve({
          count: r.ok,
          perSec: r.ok / r.seconds,
          p50: r.p50,
          p90: r.p90,
          p99: r.p99,
          p999: r.p999,
          failed: r.failed,
          codes: r.codes,
          busy: performance.eventLoopUtilization(elu).utilization,
        }),
    );
    worker.once('error', reject);
  });
}

const fmt = (r: Run) =>
  `${r.perSec.toFixed(0)}/s (${r.count} ok, ${r.failed} failed), p50 ${r.p50.toFixed(1)} ms, ` +
  (r.p90 === undefined ? '' : `p90 ${r.p90.toFixed(1)} ms, `) +
  `p99 ${r.p99.toFixed(1)} ms` +
  (r.p999 === undefined ? '' : `, p99.9 ${r.p999.toFixed(1)} ms`) +
  (r.busy === undefined ? '' : `, server thread ${(r.busy * 100).toFixed(0)}% busy`);

export default async function complaintsBench(env: BenchEnv): Promise<void> {
  const { ctx, print } = env;

  // Ceiling 1: single-row inserts, 4 clients (PGlite: its one connection).
  await ctx.db.execute(
    sql`create table bench_ceiling (id bigserial primary key, code text not null, at timestamptz not null)`,
  );
  let insertCeiling: Run;
  if (env.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: env.databaseUrl, max: 4 });
    insertCeiling = await load(4, 50_000, 5_000, async (i) => {
      await pool.query('insert into bench_ceiling (code, at) values ($1, now())', [`C${i}`]);
      return true;
    });
    await pool.end();
  } else {
    insertCeiling = await load(4, 50_000, 5_000, async (i) => {
      await ctx.db.execute(sql`insert into bench_ceiling (code, at) values (${`C${i}`}, now())`);
      return true;
    });
  }
  await ctx.db.execute(sql`drop table bench_ceiling`);
  print(`ceiling: single-row insert, 4 clients: ${fmt(insertCeiling)}`);

  const app = await buildApp({ config: ctx.config, database: ctx.database, clock: ctx.clock, logger: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    // Intake through the public API, CONCURRENCY in flight.
    const intake = await http(`${base}/api/v1/complaints`, 'intake');
    const target = env.kind === 'postgres' ? 'target >= 0.35x, p99 <= 50 ms' : 'target >= 1,000/s';
    print(`intake (POST /api/v1/complaints, ${CONCURRENCY} connections): ${fmt(intake)}`);
    print(`  ratio to insert ceiling ${(intake.perSec / insertCeiling.perSec).toFixed(2)}x (${target})`);
    const light = await http(`${base}/api/v1/complaints`, 'intake', [], LIGHT);
    print(`  at light load (${LIGHT} connections): ${fmt(light)}`);
    const codes = intake.codes;

    // Ceiling 2: a bare Fastify route doing one raw lookup.
    const bare = Fastify({ logger: false });
    bare.get<{ Params: { code: string } }>('/r/:code', async (req) => {
      const r = await ctx.db.execute(sql`select code, status from complaints where code = ${req.params.code} limit 1`);
      return r.rows[0] ?? null;
    });
    const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
    const rawLookup = await http(`${bareBase}/r/`, 'lookup', codes);
    await bare.close();
    print(`ceiling: bare Fastify route, one raw lookup: ${fmt(rawLookup)}`);

    const lookups = await http(`${base}/api/v1/track/`, 'lookup', codes);
    print(`tracking lookups (GET /api/v1/track/:code, ${CONCURRENCY} connections): ${fmt(lookups)}`);
    const lightLookups = await http(`${base}/api/v1/track/`, 'lookup', codes, LIGHT);
    print(`  at light load (${LIGHT} connections): ${fmt(lightLookups)}`);
    print(
      `  ratio to raw-lookup route ${(lookups.perSec / rawLookup.perSec).toFixed(2)}x (target >= 0.7x, p99 <= 10 ms)`,
    );
  } finally {
    await app.close();
  }
}
