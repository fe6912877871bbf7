// Durability under SIGKILL: every complaint the server acknowledged with a 2xx (and its tracking code)
// survives the server being killed in the middle of a burst of submissions and is found after a restart
// on the same data (PGlite: the same data directory; PostgreSQL: the same database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from './db';
import { type Proc, runPamong, waitForUrl } from './process';

const TOTAL = 200;
const IN_FLIGHT = 20;
const KILL_AFTER = 60; // acknowledged submissions before the SIGKILL

const report = (i: number) => ({
  agency: 'banten',
  kind: 'pengaduan',
  title: `Jalan berlubang nomor ${i}`,
  description: `Laporan uji ketahanan nomor ${i}: jalan berlubang di depan pasar.`,
  regionCode: '36.73.02.1001',
});

describe('acknowledged complaints survive a SIGKILL', () => {
  let dir: string;
  let pgDb: TestDatabase | undefined;
  afterAll(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await pgDb?.drop();
  });

  it('finds every acknowledged tracking code after a restart', { timeout: 300_000 }, async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-kill-'));
    let env: Record<string, string> = {
      PAMONG_DATA_DIR: dir,
      PAMONG_SEED_DEMO: 'true',
      PAMONG_WORKERS: 'false',
      DATABASE_URL: '',
    };
    if (process.env.DATABASE_URL) {
      pgDb = await createEmptyDatabase();
      env = { ...env, DATABASE_URL: pgDb.url! };
    }

    const first: Proc = runPamong(['serve'], env);
    const url = await waitForUrl(first);
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        try {
          const res = await fetch(`${url}/api/v1/complaints`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(report(i)),
          });
          if (res.status >= 200 && res.status < 300) {
            acknowledged.push(((await res.json()) as { code: string }).code);
            if (acknowledged.length >= KILL_AFTER && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          }
        } catch {
          // connection refused or reset once the server is gone: not acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await first.exited;
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const second = runPamong(['serve'], env);
    try {
      const url2 = await waitForUrl(second);
      const missing: string[] = [];
      for (const code of acknowledged) {
        const res = await fetch(`${url2}/api/v1/track/${code}`);
        if (res.status !== 200) missing.push(`${code}: ${res.status}`);
        else expect(((await res.json()) as { status: string }).status).toBe('diterima');
      }
      expect(missing).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
