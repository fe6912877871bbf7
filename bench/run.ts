// `npm run bench`: runs every bench/*.bench.ts on embedded PGlite and on PostgreSQL (BENCH_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created and dropped), and
// prints the figures (BENCH_BACKENDS=postgres or =pglite: one of them). Benchmarks print numbers; they never
// fail a build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { prepareDatabase } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { systemClock } from '../src/core/context';
import { type Database, openDatabase } from '../src/core/db/client';
import type { BenchEnv, BenchModule } from './bench-env';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

async function withBackend(kind: 'pglite' | 'postgres', fn: (env: BenchEnv) => Promise<void>): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let database: Database;
  let url: string | undefined;
  let drop = async () => {};
  if (kind === 'postgres') {
    const name = `pamong_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    database = await openDatabase({ databaseUrl: url, poolSize: 20 });
    drop = async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    database = await openDatabase({});
  }
  const config = loadConfig({
    PAMONG_DATA_DIR: path.join(here, '..', '.test-data', 'bench'),
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const ctx = { config, database, db: database.db, clock: systemClock, log: pino({ level: 'warn' }) };
  try {
    await prepareDatabase(ctx, { seedDemo: true });
    await fn({ kind, ctx, databaseUrl: url, print: (line) => console.log(`[${kind}] ${line}`) });
  } finally {
    await database.close();
    await drop();
  }
}

const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const backends = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',') as ('postgres' | 'pglite')[];
for (const kind of backends) {
  for (const f of files) {
    const mod = (await import(path.join(here, f))) as BenchModule;
    console.log(`\n== ${f} on ${kind}`);
    await withBackend(kind, mod.default);
  }
}
