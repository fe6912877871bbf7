import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { claimAttachments } from './claim-attachments';
import { filePath } from './file-store';
import { attachments, files } from './schema';
import { UNCLAIMED_TTL_MS, sweepUnclaimedFiles } from './sweep-unclaimed';

const NOW = new Date('2026-11-02T01:00:00.000Z');
let dataDir: string;
let t: TestApp;
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const BOUNDARY = '----pamong-sapu';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-sweep-'));
  t = await createTestApp({ now: NOW, config: { dataDir } });
  // Stands in for a module's column that refers to stored files (as services_documents.file_sha256 does).
  await t.ctx.db.execute(sql`create table test_file_refs (sha text not null)`);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function upload(bytes: Buffer): Promise<{ id: string; claimToken: string; sha256: string }> {
  const payload = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
  expect(res.statusCode).toBe(201);
  const { id, claimToken } = res.json();
  const [row] = await t.ctx.db.select().from(attachments).where(eq(attachments.id, id));
  return { id, claimToken, sha256: row!.fileSha256 };
}
const onDisk = (sha256: string) => fs.existsSync(filePath(dataDir, sha256));
const fileRow = async (sha256: string) => (await t.ctx.db.select().from(files).where(eq(files.sha256, sha256))).length;
const owner = (now: Date) => ({ type: 'uji', id: '4b0f3a52-5b9e-4f7e-8d0c-2f1e3d4c5b6a', agencyId: null, now });
const refs = [{ table: 'test_file_refs', column: 'sha' }];

describe('sweep of unclaimed uploads', () => {
  it('removes uploads nobody claimed within the time allowed, and their bytes once nothing refers to them', async () => {
    const abandoned = await upload(pdf('abandoned'));
    const claimed = await upload(pdf('claimed'));
    await claimAttachments(t.ctx.db, [claimed.id], [claimed.claimToken], owner(NOW));
    const reused = await upload(pdf('reused'));
    const referenced = await upload(pdf('referenced elsewhere'));
    await t.ctx.db.execute(sql`insert into test_file_refs (sha) values (${referenced.sha256})`);

    // Just before the limit nothing is swept and the claim token still works for a preview.
    t.clock.set(new Date(NOW.getTime() + UNCLAIMED_TTL_MS - 60_000));
    expect(await sweepUnclaimedFiles(t.ctx, refs)).toEqual({ attachments: 0, files: 0 });
    const preview = `/api/v1/files/${abandoned.id}?claim=${abandoned.claimToken}`;
    expect((await t.app.inject({ method: 'GET', url: preview })).statusCode).toBe(200);

    t.clock.set(new Date(NOW.getTime() + UNCLAIMED_TTL_MS + 60_000));
    // Expired: the token no longer opens or claims it.
    expect((await t.app.inject({ method: 'GET', url: preview })).statusCode).toBe(404);
    await expect(
      claimAttachments(t.ctx.db, [abandoned.id], [abandoned.claimToken], owner(t.clock.now())),
    ).rejects.toMatchObject({ statusCode: 400, code: 'ATTACHMENT_CLAIM' });
    // Someone uploads the same bytes as an expired upload again: those bytes stay for the new upload.
    const again = await upload(pdf('reused'));
    expect(again.sha256).toBe(reused.sha256);

    // One row per batch, to walk every page.
    expect(await sweepUnclaimedFiles(t.ctx, refs, { batch: 1 })).toEqual({ attachments: 3, files: 1 });
    const left = await t.ctx.db.select({ id: attachments.id }).from(attachments);
    expect(left.map((a) => a.id).sort()).toEqual([claimed.id, again.id].sort());
    expect([onDisk(abandoned.sha256), await fileRow(abandoned.sha256)]).toEqual([false, 0]);
    for (const kept of [claimed, reused, referenced]) {
      expect([onDisk(kept.sha256), await fileRow(kept.sha256)]).toEqual([true, 1]);
    }
    const fresh = `/api/v1/files/${again.id}?claim=${again.claimToken}`;
    expect((await t.app.inject({ method: 'GET', url: fresh })).rawPayload.equals(pdf('reused'))).toBe(true);

    // The swept bytes can be uploaded again: they are written anew.
    const back = await upload(pdf('abandoned'));
    expect(back.sha256).toBe(abandoned.sha256);
    expect(onDisk(back.sha256)).toBe(true);
    expect(await sweepUnclaimedFiles(t.ctx, refs)).toEqual({ attachments: 0, files: 0 });
  });
});
