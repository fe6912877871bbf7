// PGlite is one session in one process: a second owner of a data directory is refused, never opened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPamong, waitForUrl } from './process';

// Only meaningful for the embedded database; with DATABASE_URL the server holds no data directory.
const pglite = !process.env.DATABASE_URL;

describe.runIf(pglite)('the PGlite data directory has one owner', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-lock-'));
  const env = { PAMONG_DATA_DIR: dir, PAMONG_SEED_DEMO: 'false', DATABASE_URL: '' };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second server and a CLI command while the first runs, and allows them after it stops', {
    timeout: 240_000,
  }, async () => {
    const first = runPamong(['serve'], env);
    try {
      const url = await waitForUrl(first);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      const second = runPamong(['serve'], env);
      expect(await second.exited).toBe(2);
      expect(second.output()).toContain(`sedang dipakai oleh proses ${first.child.pid}`);
      expect(second.output()).toContain(`is in use by process ${first.child.pid}`);

      const backup = runPamong(['backup', path.join(dir, 'b.jsonl.gz')], env);
      expect(await backup.exited).toBe(2);
      expect(backup.output()).toContain('is in use by process');
      // The first server is unharmed.
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    const after = runPamong(['backup', path.join(dir, 'b.jsonl.gz')], env);
    expect(await after.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'b.jsonl.gz'))).toBe(true);
  });

  it('takes over the lock of a server that was killed with SIGKILL', { timeout: 240_000 }, async () => {
    const first = runPamong(['serve'], env);
    await waitForUrl(first);
    first.child.kill('SIGKILL');
    await first.exited;
    const again = runPamong(['serve'], env);
    try {
      const url = await waitForUrl(again);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});
