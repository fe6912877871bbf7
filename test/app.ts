// Test harness: a real app on a private copy of the seeded template database, driven with inject().
import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import type { AppContext, Clock } from '../src/core/context';
import { createTestDatabase, type TestDatabase } from './db';

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(private t: Date = new Date()) {}
  now(): Date {
    return new Date(this.t);
  }
  set(d: Date | string): void {
    this.t = new Date(d);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** Builds an app for this test file and closes it in afterAll. */
export async function createTestApp(opts: { now?: Date; config?: Partial<Config> } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const clock = new TestClock(opts.now);
  const config = loadConfig(
    { PAMONG_DATA_DIR: '.test-data/run', LEDGER_KEY_FILE: '.test-data/ledger-test.pem', PAMONG_WORKERS: 'false' },
    opts.config,
  );
  const app = await buildApp({ config, database: testDb.database, clock, logger: false });
  await app.ready();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await testDb.drop();
  };
  afterAll(close);
  return { app, ctx: app.ctx, clock, testDb, close };
}
