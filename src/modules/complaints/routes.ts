// Citizen-facing and public routes of the complaints module (registered under /api/v1).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import { hashToken } from '../../core/auth/session';
import type { AppContext } from '../../core/context';
import { badRequest, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { agencies } from '../../core/org/schema';
import { findSimilarPublic } from './find-similar';
import { addReporterReply } from './add-reporter-reply';
import { listCategories } from './manage-categories';
import { listMyComplaints } from './list-my-complaints';
import { countPublicByRegion, listPublicComplaints, openData, openDataCsv } from './list-public-complaints';
import { presentEntry, statusLabel, TRACK_KINDS } from './present';
import { rateComplaint } from './rate-complaint';
import { closeAsReporter, reopenComplaint } from './reopen-complaint';
import { reporterView, trackingView } from './repository';
import {
  CategoriesQuery,
  Category,
  CodeParams,
  FeedPage,
  FeedQuery,
  MyList,
  Ok,
  OpenDataJson,
  OpenDataQuery,
  PageQuery,
  RateBody,
  RegionCounts,
  RegionCountsQuery,
  ReopenBody,
  ReplyBody,
  SecretHeaders,
  SimilarPublic,
  SimilarQuery,
  Submitted,
  SubmitBody,
  Tracked,
} from './route-schemas';
import { submitComplaint } from './submit-complaint';
import { normalizeTrackingCode } from './tracking-code';

const tags = ['complaints'];
const publicPolicy = { policy: { public: true as const } };
const OPEN_DATA_LICENSE = 'CC BY 4.0';

async function agencyIdBySlug(ctx: AppContext, slug: string): Promise<string> {
  const [a] = await ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug)).limit(1);
  if (!a) throw badRequest('UNKNOWN_AGENCY', text('Instansi tidak ditemukan.', 'No such agency.'));
  return a.id;
}

const trackNotFound = () => notFound(text('Kode laporan tidak ditemukan.', 'No report with this code.'));

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/complaints/categories',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Kategori pengaduan instansi / complaint categories of an agency',
        querystring: CategoriesQuery,
        response: { 200: { type: 'array', items: Category } },
      },
    },
    async (req) => listCategories(ctx.db, await agencyIdBySlug(ctx, req.query.agency), { includeInactive: false }),
  );

  app.get(
    '/complaints/similar',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Laporan serupa yang masih terbuka / similar open reports (possible duplicates)',
        querystring: SimilarQuery,
        response: { 200: SimilarPublic },
      },
    },
    async (req) => {
      const rows = await findSimilarPublic(ctx.db, {
        regionCode: req.query.regionCode,
        categoryId: req.query.categoryId ?? null,
        text: req.query.text,
      });
      return rows.map((r) => ({ ...r, statusLabel: statusLabel(r.status) }));
    },
  );

  app.post(
    '/complaints',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Sampaikan laporan tanpa akun / file a report (no account needed)',
        body: SubmitBody,
        response: { 201: Submitted },
      },
    },
    async (req, reply) => {
      const { agency, ...input } = req.body;
      // The slug is resolved inside the intake batch: no query of its own ahead of the batch.
      const r = await submitComplaint(
        ctx,
        { ...input, agencySlug: agency, actor: req.actor.kind === 'citizen' ? req.actor : undefined },
        'website',
      );
      return reply.status(201).send({
        code: r.code,
        secret: r.secret,
        // The secret travels in the fragment, which browsers never send to a server or put in logs.
        trackingUrl: `${ctx.config.publicUrl}/pengaduan/lacak/${r.code}#rahasia=${r.secret}`,
        status: r.status,
        statusLabel: statusLabel(r.status),
        agencyName: r.agencyName,
        forwarded: r.forwarded,
        dueAt: r.dueAt,
      });
    },
  );

  app.get(
    '/track/:code',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary:
          'Lacak laporan; dengan tautan rahasia pelapor melihat laporannya / track a report; with the secret the reporter sees it all',
        params: CodeParams,
        headers: SecretHeaders,
        response: { 200: Tracked },
      },
    },
    async (req) => {
      const code = normalizeTrackingCode(req.params.code);
      const tracked = await trackingView(ctx.database, code);
      if (!tracked) throw trackNotFound();
      const base = {
        code: tracked.code,
        kind: TRACK_KINDS[tracked.kind],
        complaintKind: tracked.kind,
        status: tracked.status,
        statusLabel: statusLabel(tracked.status),
        closeHow: tracked.closeHow,
        receivedAt: tracked.receivedAt,
        timeline: tracked.timeline.map(presentEntry),
      };
      const secret = req.headers['x-tracking-secret'];
      if (!secret && req.actor.kind !== 'citizen') return base;
      const own = await reporterView(
        ctx.db,
        code,
        secret ? { secretHash: hashToken(secret) } : { userId: (req.actor as { userId: string }).userId },
      );
      if (!own) {
        if (secret)
          throw notFound(
            text('Laporan tidak ditemukan atau tautan rahasia salah.', 'No such report, or the secret link is wrong.'),
          );
        return base;
      }
      const s = own.status;
      return {
        ...base,
        report: {
          title: own.title,
          description: own.description,
          categoryName: own.categoryName,
          regionCode: own.regionCode,
          regionName: own.regionName,
          visibility: own.visibility,
          agencyName: own.agencyName,
          unitName: own.unitName,
          dueAt: own.dueAt,
          closedAt: own.closedAt,
          ratingScore: own.ratingScore,
          ratingComment: own.ratingComment,
          canReply: !['diarsipkan', 'digabung', 'ditutup'].includes(s),
          canRate: s === 'ditutup' || s === 'selesai_ditindaklanjuti',
          canReopen: s === 'ditutup',
          canClose: s === 'selesai_ditindaklanjuti' || s === 'menunggu_kelengkapan',
          timeline: own.timeline.map((e) => ({ ...presentEntry(e), note: e.body })),
        },
      };
    },
  );

  const proofOf = (req: { headers: { 'x-tracking-secret'?: string }; actor: Actor }) => ({
    secret: req.headers['x-tracking-secret'],
    actor: req.actor,
  });
  const reporterSchema = { tags, params: CodeParams, headers: SecretHeaders, response: { 200: Ok } };

  app.post(
    '/track/:code/replies',
    {
      config: publicPolicy,
      schema: {
        ...reporterSchema,
        summary: 'Pelapor menanggapi atau menambah informasi / the reporter replies or adds information',
        body: ReplyBody,
      },
    },
    async (req) => addReporterReply(ctx, normalizeTrackingCode(req.params.code), proofOf(req), req.body),
  );

  app.post(
    '/track/:code/rating',
    {
      config: publicPolicy,
      schema: {
        ...reporterSchema,
        summary: 'Pelapor menilai penanganan (1–5) / the reporter rates the handling',
        body: RateBody,
      },
    },
    async (req) => rateComplaint(ctx, normalizeTrackingCode(req.params.code), proofOf(req), req.body),
  );

  app.post(
    '/track/:code/reopen',
    {
      config: publicPolicy,
      schema: {
        ...reporterSchema,
        summary: 'Pelapor membuka kembali laporan / the reporter reopens the report',
        body: ReopenBody,
      },
    },
    async (req) => reopenComplaint(ctx, normalizeTrackingCode(req.params.code), proofOf(req), req.body.reason),
  );

  app.post(
    '/track/:code/close',
    {
      config: publicPolicy,
      schema: { ...reporterSchema, summary: 'Pelapor menutup laporannya / the reporter closes the report' },
    },
    async (req) => closeAsReporter(ctx, normalizeTrackingCode(req.params.code), proofOf(req)),
  );

  app.get(
    '/me/complaints',
    {
      config: { policy: { citizen: true } },
      schema: { tags, summary: 'Laporan saya / my reports', querystring: PageQuery, response: { 200: MyList } },
    },
    async (req) => {
      const actor = req.actor as Extract<typeof req.actor, { kind: 'citizen' }>;
      const r = await listMyComplaints(ctx, actor.userId, req.query.page);
      return { ...r, items: r.items.map((i) => ({ ...i, statusLabel: statusLabel(i.status) })) };
    },
  );

  app.get(
    '/public/complaints',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Laporan publik (tanpa identitas) / public reports (identity always redacted)',
        querystring: FeedQuery,
        response: { 200: FeedPage },
      },
    },
    async (req) => {
      const r = await listPublicComplaints(ctx, req.query);
      return { ...r, items: r.items.map((i) => ({ ...i, statusLabel: statusLabel(i.status) })) };
    },
  );

  app.get(
    '/public/complaints/regions',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Jumlah laporan publik per wilayah / public report counts per region',
        querystring: RegionCountsQuery,
        response: { 200: RegionCounts },
      },
    },
    async (req) => countPublicByRegion(ctx, { agency: req.query.agency, level: req.query.level as 2 | 3 | 4 }),
  );

  app.get(
    '/open-data/complaints.json',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Data terbuka laporan (JSON) / open data (JSON)',
        querystring: OpenDataQuery,
        response: { 200: OpenDataJson },
      },
    },
    async (req) => ({
      license: OPEN_DATA_LICENSE,
      generatedAt: ctx.clock.now(),
      items: await openData(ctx, req.query),
    }),
  );

  app.get(
    '/open-data/complaints.csv',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Data terbuka laporan (CSV) / open data (CSV)',
        querystring: OpenDataQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const csv = openDataCsv(await openData(ctx, req.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="pengaduan.csv"')
        .send(csv);
    },
  );
};

export default routes;
