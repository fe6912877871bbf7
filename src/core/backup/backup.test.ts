import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app';
import { createEmptyDatabase } from '../../../test/db';
import { createBackupFile } from './create-backup';
import { RestoreError, restoreBackupFile } from './restore-backup';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every line but the header (which carries the time the backup was made). */
const body = (file: string) => gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1).join('\n');

describe('backup and restore', () => {
  it('restores a backup into an empty database with identical data', async () => {
    const t = await createTestApp();
    const a = path.join(dir, 'a.jsonl.gz');
    const header = await createBackupFile(t.ctx.db, a, new Date('2026-01-05T00:00:00Z'));
    const agencies = header.tables.find((x) => x.name === 'public.core_agencies');
    expect(agencies?.rows).toBeGreaterThan(0);

    const target = await createEmptyDatabase();
    try {
      await restoreBackupFile(target.database.db, a, { replace: false });
      const b = path.join(dir, 'b.jsonl.gz');
      await createBackupFile(target.database.db, b, new Date('2026-01-06T00:00:00Z'));
      expect(body(b)).toEqual(body(a));
      // The restored database keeps working: serial columns continue after the restored rows.
      const r = await target.database.db.execute<{ n: number }>(sql`select count(*)::int as n from core_agencies`);
      expect(Number(r.rows[0]?.n)).toBe(agencies?.rows);
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore over existing data unless asked to replace it', async () => {
    const t = await createTestApp();
    const file = path.join(dir, 'c.jsonl.gz');
    await createBackupFile(t.ctx.db, file, new Date());
    await expect(restoreBackupFile(t.ctx.db, file, { replace: false })).rejects.toBeInstanceOf(RestoreError);
    await restoreBackupFile(t.ctx.db, file, { replace: true });
    const again = path.join(dir, 'd.jsonl.gz');
    await createBackupFile(t.ctx.db, again, new Date());
    expect(body(again)).toEqual(body(file));
  });

  it('rejects a file that is not a Pamong backup', async () => {
    const t = await createTestApp();
    const file = path.join(dir, 'bad.gz');
    fs.writeFileSync(file, (await import('node:zlib')).gzipSync('{"hello":1}\n'));
    await expect(restoreBackupFile(t.ctx.db, file, { replace: true })).rejects.toThrow(/Not a Pamong backup/);
  });
});
