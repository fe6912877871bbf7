// Maps every failure to the one error shape. Anything a user can send ends as a 4xx; only our own
// faults are 5xx, logged without request bodies (they may carry personal data).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Lang, type Text, pickLang, text } from '../i18n/messages';
import { AppError, type ErrorBody } from './errors';

function body(lang: Lang, code: string, t: Text, details?: unknown): ErrorBody {
  return { error: { code, message: t[lang], messages: t, ...(details === undefined ? {} : { details }) } };
}

// PostgreSQL errors that can only come from input the schema let through (a safety net, not a design).
const pgInputErrors: Record<string, [number, string, Text]> = {
  '22P02': [400, 'INVALID_VALUE', text('Nilai tidak valid.', 'Invalid value.')],
  '22007': [400, 'INVALID_VALUE', text('Format tanggal tidak valid.', 'Invalid date format.')],
  '22008': [400, 'INVALID_VALUE', text('Tanggal di luar jangkauan.', 'Date out of range.')],
  '22003': [400, 'INVALID_VALUE', text('Angka di luar jangkauan.', 'Number out of range.')],
  '22001': [400, 'TOO_LONG', text('Teks terlalu panjang.', 'Text too long.')],
  '23505': [409, 'DUPLICATE', text('Data yang sama sudah ada.', 'The same record already exists.')],
  '23503': [
    409,
    'REFERENCE',
    text('Data yang dirujuk tidak ada atau masih dipakai.', 'A referenced record is missing or still in use.'),
  ],
};

export function toErrorResponse(err: FastifyError | AppError | Error, lang: Lang): { status: number; body: ErrorBody } {
  if (err instanceof AppError) return { status: err.statusCode, body: body(lang, err.code, err.text, err.details) };
  const fe = err as FastifyError & {
    validation?: { instancePath?: string; message?: string; params?: unknown }[];
    validationContext?: string;
  };
  if (fe.validation) {
    const details = fe.validation.map((v) => ({
      field: `${fe.validationContext ?? 'body'}${v.instancePath ?? ''}`.replace(/\//g, '.'),
      problem: v.message,
    }));
    return {
      status: 400,
      body: body(lang, 'VALIDATION', text('Data yang dikirim tidak valid.', 'The data sent is not valid.'), details),
    };
  }
  const pgCode = (err as { code?: string }).code;
  if (pgCode && pgInputErrors[pgCode]) {
    const [status, code, t] = pgInputErrors[pgCode];
    return { status, body: body(lang, code, t) };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return {
        status: 413,
        body: body(lang, 'TOO_LARGE', text('Data yang dikirim terlalu besar.', 'The request is too large.')),
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 415,
        body: body(lang, 'UNSUPPORTED_MEDIA_TYPE', text('Jenis konten tidak didukung.', 'Unsupported content type.')),
      };
  }
  const status = fe.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = status === 429 ? 'RATE_LIMITED' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    const t =
      status === 429
        ? text('Terlalu banyak permintaan, coba lagi nanti.', 'Too many requests, try again later.')
        : status === 404
          ? text('Tidak ditemukan.', 'Not found.')
          : text('Permintaan tidak valid.', 'Bad request.');
    return { status, body: body(lang, code, t, fe.code ? { reason: fe.code } : undefined) };
  }
  return {
    status: 500,
    body: body(lang, 'INTERNAL', text('Terjadi kesalahan pada server.', 'Internal server error.')),
  };
}

/** `fallback` may answer a 404 itself (the web app's client-side routes) and return true. */
export function installErrorHandling(
  app: FastifyInstance,
  fallback?: (req: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body: b } = toErrorResponse(err, pickLang(req.query, req.headers['accept-language']));
    if (status >= 500)
      req.log.error({ err: { message: err.message, stack: err.stack, code: err.code } }, 'request failed');
    // Every rate limit that says how long to wait says it in the header clients and proxies read too.
    const wait = (b.error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (status === 429 && typeof wait === 'number') void reply.header('retry-after', String(wait));
    void reply.status(status).send(b);
  });
  app.setNotFoundHandler((req, reply) => {
    if (fallback?.(req, reply)) return;
    const lang = pickLang(req.query, req.headers['accept-language']);
    void reply.status(404).send(body(lang, 'NOT_FOUND', text('Alamat tidak ditemukan.', 'No such route.')));
  });
}
