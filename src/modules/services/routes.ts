// Citizen-facing routes of the services module (registered under /api/v1): the catalogue, applications
// (account or guest with the secret link token in x-application-token), tracking, payment, the payment
// gateway's webhook and public document verification.
import fs from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../core/context';
import { contentDisposition } from '../../core/files/sanitize-file-name';
import { badRequest, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { documentStatus, verifyDocumentContent, verifyDocumentFile } from './documents';
import { testDoubleGateway } from './gateway';
import { handlePaymentWebhook } from './handle-payment-webhook';
import { getCatalogueService, listCatalogue } from './read-catalogue';
import {
  listMyApplications,
  openDocumentFile,
  paymentFor,
  trackApplication,
  viewAsApplicant,
} from './read-applications';
import {
  ApplicationOut,
  CatalogueList,
  CatalogueQuery,
  CatalogueService,
  ChangesBody,
  ContentCheckBody,
  ContentCheckOut,
  CreateApplicationBody,
  CreatedApplication,
  FileCheckOut,
  IdParams,
  LangQuery,
  MyApplications,
  PaymentBody,
  PaymentOut,
  SimulateBody,
  TrackOut,
  TrackingParams,
  VerificationOut,
  WebhookOut,
} from './route-schemas';
import { createApplication, submitApplication, updateApplication } from './save-application';
import { payments } from './schema';
import { eq } from 'drizzle-orm';

const tokenOf = (h: unknown) => (typeof h === 'string' && h.length > 0 && h.length <= 100 ? h : undefined);
const TAGS = ['services'];
const pdfOut = { 200: Type.Unsafe<fs.ReadStream>(Type.String({ format: 'binary' })) };

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const pub = { policy: { public: true as const } };

  app.get(
    '/services/catalogue',
    { config: pub, schema: { tags: TAGS, querystring: CatalogueQuery, response: { 200: CatalogueList } } },
    async (req) => listCatalogue(ctx, req.query),
  );
  app.get(
    '/services/catalogue/:id',
    {
      config: pub,
      schema: { tags: TAGS, params: IdParams, querystring: LangQuery, response: { 200: CatalogueService } },
    },
    async (req) => getCatalogueService(ctx, req.params.id),
  );

  app.post(
    '/services/applications',
    { config: pub, schema: { tags: TAGS, body: CreateApplicationBody, response: { 201: CreatedApplication } } },
    async (req, reply) => reply.status(201).send(await createApplication(ctx, req.actor, req.body)),
  );
  app.get(
    '/services/applications/:id',
    {
      config: pub,
      schema: { tags: TAGS, params: IdParams, querystring: LangQuery, response: { 200: ApplicationOut } },
    },
    async (req) => viewAsApplicant(ctx, req.actor, req.params.id, tokenOf(req.headers['x-application-token'])),
  );
  app.put(
    '/services/applications/:id',
    { config: pub, schema: { tags: TAGS, params: IdParams, body: ChangesBody, response: { 200: ApplicationOut } } },
    async (req) => {
      const token = tokenOf(req.headers['x-application-token']);
      await updateApplication(ctx, req.actor, req.params.id, token, req.body);
      return viewAsApplicant(ctx, req.actor, req.params.id, token);
    },
  );
  app.post(
    '/services/applications/:id/submit',
    { config: pub, schema: { tags: TAGS, params: IdParams, body: ChangesBody, response: { 200: ApplicationOut } } },
    async (req) => {
      const token = tokenOf(req.headers['x-application-token']);
      await submitApplication(ctx, req.actor, req.params.id, token, req.body);
      return viewAsApplicant(ctx, req.actor, req.params.id, token);
    },
  );
  app.post(
    '/services/applications/:id/payment',
    { config: pub, schema: { tags: TAGS, params: IdParams, body: PaymentBody, response: { 200: PaymentOut } } },
    async (req) =>
      paymentFor(ctx, req.actor, req.params.id, tokenOf(req.headers['x-application-token']), req.body.amountRupiah),
  );
  app.get(
    '/services/applications/:id/document.pdf',
    { config: pub, schema: { tags: TAGS, params: IdParams, querystring: LangQuery, response: pdfOut } },
    async (req, reply) => {
      const doc = await openDocumentFile(ctx, req.actor, req.params.id, tokenOf(req.headers['x-application-token']));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(doc.name))
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(doc.path));
    },
  );
  app.get(
    '/services/track/:code',
    {
      config: pub,
      schema: { tags: TAGS, params: TrackingParams, querystring: LangQuery, response: { 200: TrackOut } },
    },
    async (req) => trackApplication(ctx, req.params.code),
  );
  app.get(
    '/services/my-applications',
    {
      config: { policy: { citizen: true } },
      schema: { tags: TAGS, querystring: LangQuery, response: { 200: MyApplications } },
    },
    async (req) => listMyApplications(ctx, req.actor.kind === 'citizen' ? req.actor.userId : ''),
  );

  app.get(
    '/services/documents/:id/verification',
    {
      config: pub,
      schema: { tags: TAGS, params: IdParams, querystring: LangQuery, response: { 200: VerificationOut } },
    },
    async (req) => documentStatus(ctx, req.params.id),
  );
  app.post(
    '/services/documents/:id/verify-content',
    {
      config: pub,
      schema: { tags: TAGS, params: IdParams, body: ContentCheckBody, response: { 200: ContentCheckOut } },
    },
    async (req) => verifyDocumentContent(ctx, req.params.id, req.body.content),
  );

  // Raw bodies: the uploaded PDF to compare, and the webhook whose signature covers the exact bytes.
  await app.register(async (raw) => {
    const r = raw.withTypeProvider<TypeBoxTypeProvider>();
    r.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    r.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    r.post(
      '/services/documents/:id/verify-file',
      {
        config: pub,
        schema: { tags: TAGS, params: IdParams, querystring: LangQuery, response: { 200: FileCheckOut } },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          throw badRequest(
            'PDF_REQUIRED',
            text(
              'Kirim berkas PDF dokumen (Content-Type: application/pdf).',
              'Send the document’s PDF file (Content-Type: application/pdf).',
            ),
          );
        }
        return verifyDocumentFile(ctx, req.params.id, req.body);
      },
    );
    r.post(
      '/services/payments/webhook',
      { config: pub, schema: { tags: TAGS, querystring: LangQuery, response: { 200: WebhookOut } } },
      async (req) => {
        if (typeof req.body !== 'string')
          throw badRequest('WEBHOOK_MALFORMED', text('Isi webhook tidak dikenali.', 'Unrecognised webhook body.'));
        return handlePaymentWebhook(ctx, req.headers, req.body);
      },
    );
  });

  // The demo's and tests' "pay" button: the in-process test gateway sends its signed webhook. Never in production.
  app.post(
    '/services/payments/simulate',
    { config: pub, schema: { tags: TAGS, body: SimulateBody, response: { 200: WebhookOut } } },
    async (req) => {
      if (ctx.config.nodeEnv === 'production') throw notFound();
      const [p] = await ctx.db
        .select({ amount: payments.amountRupiah })
        .from(payments)
        .where(eq(payments.code, req.body.paymentCode))
        .limit(1);
      if (!p) throw badRequest('PAYMENT_UNKNOWN', text('Kode pembayaran tidak dikenal.', 'Unknown payment code.'));
      const event = testDoubleGateway(ctx).paidEvent(req.body.paymentCode, p.amount, ctx.clock.now());
      return handlePaymentWebhook(ctx, event.headers, event.rawBody);
    },
  );
};
export default routes;
