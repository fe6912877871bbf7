// Routes of core/files, registered under /api/v1 by app.ts: upload (public, so citizens filing without
// an account can attach photos) and authorized download. Multipart parsing exists only in this plugin.
import fs from 'node:fs';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { RateLimiter, tooManyRequests } from '../auth/rate-limit';
import type { AppContext } from '../context';
import { AppError, badRequest } from '../http/errors';
import { text } from '../i18n/messages';
import { openAttachment } from './open-attachment';
import { contentDisposition } from './sanitize-file-name';
import { uploadAttachment } from './upload-attachment';

const Uploaded = Type.Object({
  id: Type.String({ format: 'uuid' }),
  mime: Type.String(),
  size: Type.Integer(),
  name: Type.String(),
  /** Give it back with the report that this file belongs to; it also lets the uploader preview it. */
  claimToken: Type.String(),
});
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 2 })) });
const DownloadQuery = Type.Object({
  claim: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  lang: Type.Optional(Type.String({ maxLength: 2 })),
});

const MB = 1024 * 1024;
/**
 * Uploads per address per 10 minutes for anyone but signed-in staff (a counter may upload for many walk-in
 * reporters). A citizen attaches a few photos; more is someone filling the disk.
 */
export const PUBLIC_UPLOAD_RATE = { limit: 30, windowMs: 10 * 60_000 };

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const maxBytes = ctx.config.uploadMaxBytes;
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1000, parts: 11, headerPairs: 50 },
  });

  const uploadLimiter = new RateLimiter(ctx.clock, PUBLIC_UPLOAD_RATE.limit, PUBLIC_UPLOAD_RATE.windowMs);

  const tooLarge = () =>
    new AppError(
      413,
      'FILE_TOO_LARGE',
      text(
        `Berkas terlalu besar. Ukuran maksimal ${+(maxBytes / MB).toFixed(2)} MB.`,
        `The file is too large. The limit is ${+(maxBytes / MB).toFixed(2)} MB.`,
      ),
    );

  app.post(
    '/files',
    {
      config: { policy: { public: true } },
      schema: {
        tags: ['files'],
        summary: 'Unggah lampiran (JPEG, PNG, WebP, PDF) / Upload an attachment',
        consumes: ['multipart/form-data'],
        querystring: LangQuery,
        response: { 201: Uploaded },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'staff') {
        const wait = uploadLimiter.hit(req.ip);
        if (wait) throw tooManyRequests(wait);
      }
      if (!req.isMultipart()) {
        throw new AppError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          text('Kirim berkas sebagai multipart/form-data.', 'Send the file as multipart/form-data.'),
        );
      }
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw tooLarge();
      let upload: { bytes: Buffer; fileName: string | undefined };
      try {
        const part = await req.file();
        if (!part) throw badRequest('NO_FILE', text('Tidak ada berkas yang dikirim.', 'No file was sent.'));
        upload = { bytes: await part.toBuffer(), fileName: part.filename };
      } catch (err) {
        if (err instanceof AppError) throw err;
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        const status = (err as { statusCode?: number }).statusCode;
        if (status && status >= 400 && status < 500) throw err;
        // Whatever else the multipart parser rejects (no boundary, truncated body) is the sender's doing.
        throw badRequest('INVALID_MULTIPART', text('Data multipart tidak valid.', 'Invalid multipart data.'));
      }
      const uploaded = await uploadAttachment(
        ctx,
        { actor: req.actor, sessionId: req.session?.sessionId ?? null },
        upload,
      );
      return reply.status(201).send(uploaded);
    },
  );

  app.get(
    '/files/:id',
    {
      config: { policy: { public: true } },
      schema: {
        tags: ['files'],
        summary: 'Unduh lampiran (hanya yang berwenang) / Download an attachment (authorized viewers only)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: DownloadQuery,
        response: { 200: Type.Unsafe<fs.ReadStream>(Type.String({ format: 'binary' })) },
      },
    },
    async (req, reply) => {
      const { info, path } = await openAttachment(
        ctx,
        { actor: req.actor, sessionId: req.session?.sessionId ?? null, claimToken: req.query.claim },
        req.params.id,
      );
      const stat = await fs.promises.stat(path);
      return reply
        .header('content-type', info.mime)
        .header('content-length', stat.size)
        .header('content-disposition', contentDisposition(info.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(path));
    },
  );
};
export default routes;
