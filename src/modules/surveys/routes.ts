// Citizen-facing survey routes, registered under /api/v1: the form, the three ways to answer
// (invitation link, kiosk, the unit's public link), the published result, the QR poster and the
// CSV calculator. No login anywhere here; floods are rate-limited per kiosk and address.
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { RateLimiter, tooManyRequests } from '../../core/auth/rate-limit';
import type { AppContext } from '../../core/context';
import { AppError, badRequest } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import adminRoutes from './admin-routes';
import { computeIkmFromCsv, CsvRejected, csvRejectedError } from './compute-ikm-from-csv';
import { formDefinition } from './form-definition';
import type { WeightConvention } from './ikm';
import { unitSurveyUrl } from './links';
import { type FormContext, loadInvitationForm, loadKiosk, loadUnitForm } from './load-form';
import { openSession } from './open-session';
import { getPublishedResult } from './publish-result';
import { renderPosterPdf } from './render-poster-pdf';
import {
  CsvResultT,
  FormContextT,
  FormDefinitionT,
  LangQuery,
  Ok,
  PublishedT,
  ResponseBody,
  SessionT,
  TokenParams,
  UnitParams,
  Weight,
} from './route-schemas';
import { type ResponseInput, submitResponse } from './submit-response';

const tags = ['surveys'];
const publicPolicy = { policy: { public: true } } as const;

/** Requests (sessions + responses) per kiosk and address per 10 minutes: about 15 respondents. */
export const KIOSK_RATE = { limit: 30, windowMs: 10 * 60_000 };
/** Requests per address per 10 minutes on a unit's public link. */
export const PUBLIC_LINK_RATE = { limit: 20, windowMs: 10 * 60_000 };
/** Invitation look-ups and responses per address per minute. */
export const INVITATION_RATE = { limit: 30, windowMs: 60_000 };
/** CSV computations per address per minute. */
export const COMPUTE_RATE = { limit: 20, windowMs: 60_000 };
const CSV_MAX_BYTES = 2 * 1024 * 1024;

const rateLimited = (seconds: number) =>
  tooManyRequests(
    seconds,
    text(
      `Terlalu banyak jawaban dari perangkat ini. Coba lagi dalam ${seconds} detik.`,
      `Too many responses from this device. Try again in ${seconds} seconds.`,
    ),
  );

const formView = (f: FormContext) => ({
  agencyName: f.agencyName,
  unitId: f.unitId,
  unitName: f.unitName,
  questions: f.questions,
});

const responseInput = (body: Static<typeof ResponseBody>): ResponseInput => ({
  answers: body.answers,
  profile: body.profile,
  suggestion: body.suggestion,
  extra: body.extra,
});

function requireSession(token: string | undefined): string {
  if (!token) {
    throw badRequest('SESSION_REQUIRED', text('Sesi survei belum dibuka.', 'No survey session was opened.'));
  }
  return token;
}

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const kioskLimiter = new RateLimiter(ctx.clock, KIOSK_RATE.limit, KIOSK_RATE.windowMs);
  const publicLimiter = new RateLimiter(ctx.clock, PUBLIC_LINK_RATE.limit, PUBLIC_LINK_RATE.windowMs);
  const invitationLimiter = new RateLimiter(ctx.clock, INVITATION_RATE.limit, INVITATION_RATE.windowMs);
  const limit = (limiter: RateLimiter, key: string) => {
    const wait = limiter.hit(key);
    if (wait) throw rateLimited(wait);
  };

  app.get(
    '/surveys/form',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Unsur dan pilihan profil kuesioner SKM / SKM questionnaire definition',
        response: { 200: FormDefinitionT },
      },
    },
    async () => formDefinition(),
  );

  // --- invitation link ---------------------------------------------------------------------------
  app.get(
    '/surveys/invitations/:token',
    {
      config: publicPolicy,
      schema: { tags, params: TokenParams, querystring: LangQuery, response: { 200: FormContextT } },
    },
    async (req) => {
      limit(invitationLimiter, req.ip);
      return formView(await loadInvitationForm(ctx.db, req.params.token, ctx.clock.now()));
    },
  );
  app.post(
    '/surveys/invitations/:token/responses',
    {
      config: publicPolicy,
      schema: { tags, params: TokenParams, querystring: LangQuery, body: ResponseBody, response: { 201: Ok } },
    },
    async (req, reply) => {
      limit(invitationLimiter, req.ip);
      await submitResponse(ctx, { kind: 'invitation', token: req.params.token }, responseInput(req.body));
      return reply.status(201).send({ ok: true });
    },
  );

  // --- kiosk -------------------------------------------------------------------------------------
  app.get(
    '/surveys/kiosk/:token',
    {
      config: publicPolicy,
      schema: {
        tags,
        params: TokenParams,
        querystring: LangQuery,
        response: { 200: Type.Intersect([FormContextT, Type.Object({ kioskName: Type.String() })]) },
      },
    },
    async (req) => {
      const kiosk = await loadKiosk(ctx.db, req.params.token);
      return { ...formView(kiosk.form), kioskName: kiosk.name };
    },
  );
  app.post(
    '/surveys/kiosk/:token/sessions',
    {
      config: publicPolicy,
      schema: { tags, params: TokenParams, querystring: LangQuery, response: { 201: SessionT } },
    },
    async (req, reply) => {
      const kiosk = await loadKiosk(ctx.db, req.params.token);
      limit(kioskLimiter, `${kiosk.kioskId}|${req.ip}`);
      const s = await openSession(ctx, {
        agencyId: kiosk.form.agencyId,
        unitId: kiosk.form.unitId,
        kioskId: kiosk.kioskId,
      });
      return reply.status(201).send({ sessionToken: s.sessionToken, expiresAt: s.expiresAt.toISOString() });
    },
  );
  app.post(
    '/surveys/kiosk/:token/responses',
    {
      config: publicPolicy,
      schema: { tags, params: TokenParams, querystring: LangQuery, body: ResponseBody, response: { 201: Ok } },
    },
    async (req, reply) => {
      const kiosk = await loadKiosk(ctx.db, req.params.token);
      limit(kioskLimiter, `${kiosk.kioskId}|${req.ip}`);
      const sessionToken = requireSession(req.body.sessionToken);
      await submitResponse(ctx, { kind: 'kiosk', kioskToken: req.params.token, sessionToken }, responseInput(req.body));
      return reply.status(201).send({ ok: true });
    },
  );

  // --- the unit's public link (QR poster) --------------------------------------------------------
  app.get(
    '/surveys/units/:unitId/form',
    {
      config: publicPolicy,
      schema: { tags, params: UnitParams, querystring: LangQuery, response: { 200: FormContextT } },
    },
    async (req) => formView(await loadUnitForm(ctx.db, req.params.unitId)),
  );
  app.post(
    '/surveys/units/:unitId/sessions',
    { config: publicPolicy, schema: { tags, params: UnitParams, querystring: LangQuery, response: { 201: SessionT } } },
    async (req, reply) => {
      const form = await loadUnitForm(ctx.db, req.params.unitId);
      limit(publicLimiter, req.ip);
      const s = await openSession(ctx, { agencyId: form.agencyId, unitId: form.unitId, kioskId: null });
      return reply.status(201).send({ sessionToken: s.sessionToken, expiresAt: s.expiresAt.toISOString() });
    },
  );
  app.post(
    '/surveys/units/:unitId/responses',
    {
      config: publicPolicy,
      schema: { tags, params: UnitParams, querystring: LangQuery, body: ResponseBody, response: { 201: Ok } },
    },
    async (req, reply) => {
      limit(publicLimiter, req.ip);
      const sessionToken = requireSession(req.body.sessionToken);
      await submitResponse(ctx, { kind: 'public', unitId: req.params.unitId, sessionToken }, responseInput(req.body));
      return reply.status(201).send({ ok: true });
    },
  );
  app.get(
    '/surveys/units/:unitId/published',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Hasil IKM terbitan unit / the unit’s published result',
        params: UnitParams,
        querystring: LangQuery,
        response: { 200: PublishedT },
      },
    },
    async (req) => getPublishedResult(ctx.db, req.params.unitId),
  );
  app.get(
    '/surveys/units/:unitId/poster.pdf',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Poster QR survei unit (PDF) / the unit’s QR survey poster',
        params: UnitParams,
        querystring: LangQuery,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (req, reply) => {
      const form = await loadUnitForm(ctx.db, req.params.unitId);
      const pdf = await renderPosterPdf({
        agencyName: form.agencyName,
        unitName: form.unitName,
        url: unitSurveyUrl(ctx.config.publicUrl, form.unitId),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="poster-survei.pdf"')
        .send(pdf);
    },
  );

  await app.register(computeRoutes, { ctx });
  await app.register(adminRoutes, { ctx });
};

/**
 * POST /surveys/ikm/compute is public: it reads and stores nothing, only applies the regulation's
 * arithmetic to the file it is given, so any unit, auditor or citizen can check a published result
 * without an account. It is bounded (2 MB, rate-limited per address) like any public endpoint.
 */
const computeRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(multipart, { limits: { fileSize: CSV_MAX_BYTES, files: 1, fields: 2, fieldSize: 100, parts: 3 } });
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  const limiter = new RateLimiter(ctx.clock, COMPUTE_RATE.limit, COMPUTE_RATE.windowMs);
  const CsvText = Type.String({ minLength: 1, maxLength: CSV_MAX_BYTES });

  app.post(
    '/surveys/ikm/compute',
    {
      config: publicPolicy,
      bodyLimit: CSV_MAX_BYTES,
      schema: {
        tags,
        summary: 'Hitung IKM dari CSV jawaban (u1..u9) / compute the IKM from a CSV of responses',
        description:
          'Body: text/csv or text/plain (the CSV), application/json {csv, weight?}, or multipart/form-data with a file field. ' +
          'Query weight: exact (1/9, default), 0.111 or 0.11.',
        querystring: Type.Object({ weight: Type.Optional(Weight), lang: Type.Optional(Type.String({ maxLength: 2 })) }),
        body: {
          content: {
            'text/csv': { schema: CsvText },
            'text/plain': { schema: CsvText },
            'application/json': { schema: Type.Object({ csv: CsvText, weight: Type.Optional(Weight) }) },
          },
        } as never,
        response: { 200: CsvResultT },
      },
    },
    async (req: FastifyRequest) => {
      const wait = limiter.hit(req.ip);
      if (wait) throw rateLimited(wait);
      const query = req.query as { weight?: WeightConvention };
      let csv: string | Buffer;
      let weight: WeightConvention = query.weight ?? 'exact';
      if (req.isMultipart()) {
        let file: Buffer | undefined;
        try {
          const part = await req.file();
          file = part ? await part.toBuffer() : undefined;
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError(
              413,
              'TOO_LARGE',
              text('Berkas CSV terlalu besar (maksimal 2 MB).', 'The CSV file is too large (2 MB at most).'),
            );
          }
          throw badRequest('INVALID_MULTIPART', text('Data multipart tidak valid.', 'Invalid multipart data.'));
        }
        if (!file) throw badRequest('NO_FILE', text('Tidak ada berkas CSV yang dikirim.', 'No CSV file was sent.'));
        csv = file;
      } else if (typeof req.body === 'string') {
        csv = req.body;
      } else if (req.body && typeof req.body === 'object' && 'csv' in req.body) {
        const body = req.body as { csv: string; weight?: WeightConvention };
        csv = body.csv;
        weight = body.weight ?? weight;
      } else {
        throw new AppError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          text(
            'Kirim CSV sebagai text/csv, JSON {csv} atau unggahan berkas.',
            'Send the CSV as text/csv, JSON {csv} or a file upload.',
          ),
        );
      }
      try {
        return computeIkmFromCsv(csv, weight);
      } catch (e) {
        if (e instanceof CsvRejected) throw csvRejectedError(e);
        throw e;
      }
    },
  );
};

export default routes;
