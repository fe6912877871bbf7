import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { type Agent, loginAs, loginWith } from '../../../test/auth';
import { DEMO_OTHER_AGENCY_ACCOUNTS, DEMO_PASSWORD } from '../auth/seed-demo-accounts';
import { users } from '../auth/schema';
import { registerAttachmentAuthorizer } from './authorizers';
import { claimAttachments } from './claim-attachments';
import { filePath } from './file-store';
import { PUBLIC_UPLOAD_RATE } from './routes';
import { listAttachments } from './list-attachments';
import { attachments, files } from './schema';

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}
const BOUNDARY = '----pamong-uji-7d1f';
function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const head = `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

const MAX = 200_000;
const NOW = new Date('2025-03-03T01:00:00.000Z');
let dataDir: string;
let t: TestApp;
let agency: string;
let staff: Agent;
let outsider: Agent;
let citizen: Agent;
let gpsJpeg: Buffer;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-files-'));
  t = await createTestApp({ now: NOW, config: { dataDir, uploadMaxBytes: MAX } });
  staff = await loginAs(t, 'operator_unit');
  outsider = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.operator_unit, DEMO_PASSWORD);
  citizen = await loginAs(t, 'citizen');
  agency = (await t.ctx.db.select({ a: users.agencyId }).from(users).where(eq(users.id, staff.userId)))[0]!.a!;
  // A phone photo: 64×48 pixels stored sideways (EXIF orientation 6), with a GPS position and camera make.
  gpsJpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'KameraUji' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 7/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 9/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  // Tests test issues owner type 'uji_laporan': staff of the owning agency may see its attachments.
  registerAttachmentAuthorizer(
    'uji_laporan',
    async (_ctx, actor, a) => actor.kind === 'staff' && actor.agencyId === a.agencyId,
  );
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const upload = (parts: Part[], as?: Agent) => {
  const m = multipart(parts);
  return (as ?? t.app).inject({ method: 'POST', url: '/api/v1/files', payload: m.payload, headers: m.headers });
};
const download = (id: string, opts: { claim?: string; as?: Agent } = {}) =>
  (opts.as ?? t.app).inject({
    method: 'GET',
    url: `/api/v1/files/${id}${opts.claim ? `?claim=${encodeURIComponent(opts.claim)}` : ''}`,
  });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('POST /api/v1/files', () => {
  it('takes a photo from anyone, strips its GPS position and camera data, and keeps it upright', async () => {
    const before = await sharp(gpsJpeg).metadata();
    expect(before.orientation).toBe(6);
    // The GPS IFD pointer (tag 0x8825, little-endian) is in the photo as sent.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const res = await upload([{ name: 'file', filename: 'IMG_0042.jpg', contentType: 'image/jpeg', data: gpsJpeg }]);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ mime: 'image/jpeg', name: 'IMG_0042.jpg' });
    expect(body.claimToken).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const got = await download(body.id, { claim: body.claimToken });
    expect(got.statusCode).toBe(200);
    const after = await sharp(got.rawPayload).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([48, 64]);
    expect(got.rawPayload.includes(Buffer.from('KameraUji'))).toBe(false);
    expect(got.rawPayload.length).toBe(body.size);
  });

  it('refuses an HTML page or a program named .jpg, whatever type it claims, in both languages', async () => {
    const html = await upload([
      {
        name: 'file',
        filename: 'foto.jpg',
        contentType: 'image/jpeg',
        data: '<!doctype html><html><script>alert(1)</script></html>',
      },
    ]);
    expect(html.statusCode).toBe(415);
    expect(html.json().error).toMatchObject({
      code: 'UNSUPPORTED_FILE_TYPE',
      messages: {
        id: 'Jenis berkas tidak diizinkan. Unggah gambar JPEG, PNG, WebP, atau dokumen PDF.',
        en: 'This file type is not allowed. Upload a JPEG, PNG or WebP image, or a PDF document.',
      },
    });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
    exe.writeUInt32LE(64, 0x3c);
    const program = await upload([{ name: 'file', filename: 'foto.jpg', contentType: 'image/jpeg', data: exe }]);
    expect(program.statusCode).toBe(415);
    const gif = await upload([
      { name: 'file', filename: 'a.gif', data: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') },
    ]);
    expect(gif.statusCode).toBe(415);
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX + 1, 0x20)]);
    const res = await upload([{ name: 'file', filename: 'besar.pdf', contentType: 'application/pdf', data: big }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    expect(res.json().error.messages.en).toBe('The file is too large. The limit is 0.19 MB.');
  });

  it('refuses an image it cannot decode', async () => {
    const broken = Buffer.concat([gpsJpeg.subarray(0, 200), Buffer.alloc(50)]);
    const res = await upload([{ name: 'file', filename: 'rusak.jpg', data: broken }]);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('UNREADABLE_IMAGE');
  });

  it('stores the same bytes once, however often they are uploaded', async () => {
    const a = (await upload([{ name: 'file', filename: 'surat.pdf', data: PDF }])).json();
    const b = (await upload([{ name: 'file', filename: 'salinan surat.pdf', data: PDF }])).json();
    expect(a.id).not.toBe(b.id);
    expect([a.size, b.size]).toEqual([PDF.length, PDF.length]);
    const [rowA] = await t.ctx.db.select().from(attachments).where(eq(attachments.id, a.id));
    const [rowB] = await t.ctx.db.select().from(attachments).where(eq(attachments.id, b.id));
    expect(rowA!.fileSha256).toBe(rowB!.fileSha256);
    const stored = await t.ctx.db.select().from(files).where(eq(files.sha256, rowA!.fileSha256));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ mime: 'application/pdf', size: PDF.length });
    const onDisk = filePath(dataDir, rowA!.fileSha256);
    expect(path.relative(dataDir, onDisk)).toBe(
      path.join('files', rowA!.fileSha256.slice(0, 2), rowA!.fileSha256.slice(2, 4), rowA!.fileSha256),
    );
    expect(fs.readFileSync(onDisk).equals(PDF)).toBe(true);
    expect(fs.readdirSync(path.dirname(onDisk))).toEqual([rowA!.fileSha256]);
    expect(fs.readdirSync(path.join(dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('answers requests that are not a file upload with 4xx, never 5xx', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/files', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: 'halo',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.statusCode).toBe(415);
    const octet = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: PDF,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(octet.statusCode).toBe(415);
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/files' });
    expect(empty.statusCode).toBe(415);
    const noBoundary = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: 'xx',
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(noBoundary.statusCode).toBe(400);
    const truncated = multipart([{ name: 'file', filename: 'a.pdf', data: PDF }]);
    const cut = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: truncated.payload.subarray(0, 80),
      headers: truncated.headers,
    });
    expect(cut.statusCode).toBe(400);
    const fieldOnly = await upload([{ name: 'catatan', data: 'tanpa berkas' }]);
    expect(fieldOnly.statusCode).toBe(400);
    expect(fieldOnly.json().error.code).toBe('NO_FILE');
  });

  it('takes at most 30 uploads per address per 10 minutes, except from signed-in staff', async () => {
    const m = multipart([{ name: 'file', filename: 'surat.pdf', data: PDF }]);
    const from = (ip: string, as?: Agent) =>
      (as ?? t.app).inject({
        method: 'POST',
        url: '/api/v1/files',
        payload: m.payload,
        headers: { ...m.headers, 'x-forwarded-for': ip },
      });
    for (let i = 0; i < PUBLIC_UPLOAD_RATE.limit; i++) expect((await from('203.0.113.7')).statusCode).toBe(201);
    const before = await t.ctx.db.$count(attachments);
    const over = await from('203.0.113.7');
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBe('600');
    expect(over.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      messages: {
        id: expect.stringContaining('Coba lagi dalam 600 detik'),
        en: expect.stringContaining('600 seconds'),
      },
    });
    expect(await t.ctx.db.$count(attachments)).toBe(before);
    expect((await from('198.51.100.9')).statusCode).toBe(201);
    expect((await from('203.0.113.7', staff)).statusCode).toBe(201);
    t.clock.advance(PUBLIC_UPLOAD_RATE.windowMs);
    expect((await from('203.0.113.7')).statusCode).toBe(201);
  });
});

describe('GET /api/v1/files/:id', () => {
  it('shows an unclaimed upload only to the holder of its claim token, in the session that uploaded it', async () => {
    const anon = (await upload([{ name: 'file', filename: 'a.pdf', data: PDF }])).json();
    expect((await download(anon.id)).statusCode).toBe(404);
    expect((await download(anon.id, { claim: 'salah' })).statusCode).toBe(404);
    expect((await download(anon.id, { as: staff })).statusCode).toBe(404);
    expect((await download(anon.id, { claim: anon.claimToken })).statusCode).toBe(200);

    const mine = (await upload([{ name: 'file', filename: 'b.pdf', data: PDF }], citizen)).json();
    expect((await download(mine.id, { claim: mine.claimToken, as: citizen })).statusCode).toBe(200);
    expect((await download(mine.id, { claim: mine.claimToken })).statusCode).toBe(404);
    expect((await download(mine.id, { claim: mine.claimToken, as: outsider })).statusCode).toBe(404);
  });

  it('serves the bytes as a download that the browser must not sniff', async () => {
    const up = (await upload([{ name: 'file', filename: 'Surat: resmi (1).pdf', data: PDF }])).json();
    const res = await download(up.id, { claim: up.claimToken });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Surat resmi _1_.pdf"; filename*=UTF-8''Surat%20resmi%20%281%29.pdf`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.equals(PDF)).toBe(true);
  });

  it('after a module claims it, asks that module who may see it', async () => {
    const up = (await upload([{ name: 'file', filename: 'bukti.pdf', data: PDF }])).json();
    const ownerId = '7b0e0a51-6a53-4d0c-9a44-3f1d5f0e2b11';
    await t.ctx.db.transaction((tx) =>
      claimAttachments(tx, [up.id], [up.claimToken], { type: 'uji_laporan', id: ownerId, agencyId: agency, now: NOW }),
    );
    expect((await download(up.id, { as: staff })).statusCode).toBe(200);
    expect((await download(up.id, { as: outsider })).statusCode).toBe(403);
    expect((await download(up.id)).statusCode).toBe(403);
    // The claim token has done its job: it no longer opens the file.
    expect((await download(up.id, { claim: up.claimToken })).statusCode).toBe(403);
    const listed = await listAttachments(t.ctx.db, 'uji_laporan', ownerId);
    expect(listed.map((a) => ({ id: a.id, name: a.name, mime: a.mime, agencyId: a.agencyId }))).toEqual([
      { id: up.id, name: 'bukti.pdf', mime: 'application/pdf', agencyId: agency },
    ]);
  });

  it('serves an attachment whose owner type has no authorizer to nobody', async () => {
    const up = (await upload([{ name: 'file', filename: 'c.pdf', data: PDF }])).json();
    await claimAttachments(t.ctx.db, [up.id], [up.claimToken], {
      type: 'tanpa_pengatur',
      id: up.id,
      agencyId: agency,
      now: NOW,
    });
    expect((await download(up.id, { as: staff })).statusCode).toBe(403);
  });

  it('answers an unknown or malformed id with 404 and 400', async () => {
    expect((await download('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await download('bukan-uuid')).statusCode).toBe(400);
  });
});

describe('claimAttachments', () => {
  it('claims nothing unless every id comes with its own token, and never twice', async () => {
    const a = (await upload([{ name: 'file', filename: 'a.pdf', data: PDF }])).json();
    const b = (await upload([{ name: 'file', filename: 'b.pdf', data: PDF }])).json();
    const owner = { type: 'uji_laporan', id: '0d9c2f56-8f0e-4c1e-9a2b-6f4e1d3c2b10', agencyId: agency, now: NOW };
    await expect(
      t.ctx.db.transaction((tx) => claimAttachments(tx, [a.id, b.id], [a.claimToken, a.claimToken], owner)),
    ).rejects.toMatchObject({ statusCode: 400, code: 'ATTACHMENT_CLAIM' });
    const unclaimed = await t.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from core_attachments where id in (${a.id}, ${b.id}) and owner_type is null`,
    );
    expect(unclaimed.rows[0]!.n).toBe(2);
    expect(await claimAttachments(t.ctx.db, [a.id, b.id], [a.claimToken, b.claimToken], owner)).toEqual([a.id, b.id]);
    await expect(claimAttachments(t.ctx.db, [a.id], [a.claimToken], owner)).rejects.toMatchObject({ statusCode: 400 });
  });
});
