// Staff survey routes, registered under /api/v1: reports (page data, PDF, XLSX, trend), the agency's
// weight setting, and per unit its questions, kiosks, follow-up plans, population and publishing.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { forbidden } from '../../core/http/errors';
import { pickLang } from '../../core/i18n/messages';
import { buildReport } from './build-report';
import { buildTrend } from './build-trend';
import { addFollowUp, listFollowUps, updateFollowUp } from './manage-follow-ups';
import { createKiosk, listKiosks, setKioskActive } from './manage-kiosks';
import { addQuestion, listQuestions, updateQuestion } from './manage-questions';
import { requirePeriod } from './periods';
import { assertCanReadAgency, assertCanReadUnit, loadUnit, MANAGE_ROLES, READ_ROLES } from './policy';
import { publishResult } from './publish-result';
import { renderReportPdf } from './render-report-pdf';
import { renderReportXlsx } from './render-report-xlsx';
import {
  FollowUpBody,
  FollowUpPatch,
  FollowUpT,
  KioskT,
  LangQuery,
  PeriodKey,
  PublishedT,
  QuestionBody,
  QuestionPatch,
  QuestionT,
  ReportQuery,
  ReportT,
  TrendQuery,
  TrendT,
  UnitParams,
  Uuid,
  Weight,
} from './route-schemas';
import type { Scope } from './query-totals';
import { setPopulation } from './set-population';
import { getWeightSetting, setWeightSetting } from './set-weight-setting';

const tags = ['surveys'];
const manage = { policy: { roles: MANAGE_ROLES } } as const;
const read = { policy: { roles: READ_ROLES } } as const;
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** The scope of a report the actor may read: a unit subtree, or (no unitId) the actor's whole agency. */
async function readableScope(
  ctx: AppContext,
  actor: Actor,
  q: { unitId?: string; serviceId?: string },
): Promise<Scope> {
  if (actor.kind !== 'staff') throw forbidden();
  if (q.unitId) {
    const unit = await loadUnit(ctx.db, q.unitId);
    assertCanReadUnit(actor, unit);
    return { agencyId: unit.agencyId, unitId: unit.id, serviceId: q.serviceId ?? null };
  }
  assertCanReadAgency(actor, actor.agencyId);
  return { agencyId: actor.agencyId, unitId: null, serviceId: q.serviceId ?? null };
}

const fileName = (period: string, ext: string) => `attachment; filename="hasil-ikm-${period}.${ext}"`;

const adminRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  // --- reports -----------------------------------------------------------------------------------
  app.get(
    '/surveys/reports',
    {
      config: read,
      schema: { tags, summary: 'Hasil IKM / IKM result', querystring: ReportQuery, response: { 200: ReportT } },
    },
    async (req) => {
      const scope = await readableScope(ctx, req.actor, req.query);
      return buildReport(ctx.db, scope, requirePeriod(req.query.period));
    },
  );
  app.get(
    '/surveys/reports/pdf',
    { config: read, schema: { tags, summary: 'Hasil IKM (PDF)', querystring: ReportQuery, response: { 200: Binary } } },
    async (req, reply) => {
      const scope = await readableScope(ctx, req.actor, req.query);
      const report = await buildReport(ctx.db, scope, requirePeriod(req.query.period));
      const pdf = await renderReportPdf(report, pickLang(req.query, req.headers['accept-language']));
      return reply.type('application/pdf').header('content-disposition', fileName(report.period.key, 'pdf')).send(pdf);
    },
  );
  app.get(
    '/surveys/reports/xlsx',
    {
      config: read,
      schema: { tags, summary: 'Hasil IKM (XLSX)', querystring: ReportQuery, response: { 200: Binary } },
    },
    async (req, reply) => {
      const scope = await readableScope(ctx, req.actor, req.query);
      const report = await buildReport(ctx.db, scope, requirePeriod(req.query.period));
      const xlsx = await renderReportXlsx(report, pickLang(req.query, req.headers['accept-language']));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', fileName(report.period.key, 'xlsx'))
        .send(xlsx);
    },
  );
  app.get(
    '/surveys/reports/trend',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tren IKM antarperiode / IKM trend',
        querystring: TrendQuery,
        response: { 200: TrendT },
      },
    },
    async (req) => {
      const scope = await readableScope(ctx, req.actor, req.query);
      return buildTrend(ctx.db, scope, requirePeriod(req.query.period), req.query.count ?? 6);
    },
  );

  // --- agency setting ----------------------------------------------------------------------------
  const WeightBody = Type.Object({ weight: Weight });
  app.get(
    '/surveys/settings',
    { config: read, schema: { tags, querystring: LangQuery, response: { 200: WeightBody } } },
    async (req) => getWeightSetting(ctx, req.actor),
  );
  app.put(
    '/surveys/settings',
    {
      config: { policy: { roles: ['admin_instansi'] } },
      schema: { tags, body: WeightBody, response: { 200: WeightBody } },
    },
    async (req) => setWeightSetting(ctx, req.actor, req.body.weight),
  );

  // --- questions ---------------------------------------------------------------------------------
  app.get(
    '/surveys/units/:unitId/questions',
    { config: manage, schema: { tags, params: UnitParams, response: { 200: Type.Array(QuestionT) } } },
    async (req) => listQuestions(ctx, req.actor, req.params.unitId),
  );
  app.post(
    '/surveys/units/:unitId/questions',
    { config: manage, schema: { tags, params: UnitParams, body: QuestionBody, response: { 201: QuestionT } } },
    async (req, reply) => reply.status(201).send(await addQuestion(ctx, req.actor, req.params.unitId, req.body)),
  );
  app.patch(
    '/surveys/questions/:questionId',
    {
      config: manage,
      schema: { tags, params: Type.Object({ questionId: Uuid }), body: QuestionPatch, response: { 200: QuestionT } },
    },
    async (req) => updateQuestion(ctx, req.actor, req.params.questionId, req.body),
  );

  // --- kiosks ------------------------------------------------------------------------------------
  app.get(
    '/surveys/units/:unitId/kiosks',
    { config: manage, schema: { tags, params: UnitParams, response: { 200: Type.Array(KioskT) } } },
    async (req) => listKiosks(ctx, req.actor, req.params.unitId),
  );
  app.post(
    '/surveys/units/:unitId/kiosks',
    {
      config: manage,
      schema: {
        tags,
        params: UnitParams,
        body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 100 }) }),
        response: { 201: KioskT },
      },
    },
    async (req, reply) => reply.status(201).send(await createKiosk(ctx, req.actor, req.params.unitId, req.body.name)),
  );
  app.patch(
    '/surveys/kiosks/:kioskId',
    {
      config: manage,
      schema: {
        tags,
        params: Type.Object({ kioskId: Uuid }),
        body: Type.Object({ active: Type.Boolean() }),
        response: { 200: KioskT },
      },
    },
    async (req) => setKioskActive(ctx, req.actor, req.params.kioskId, req.body.active),
  );

  // --- follow-up plans ---------------------------------------------------------------------------
  app.get(
    '/surveys/units/:unitId/follow-ups',
    {
      config: read,
      schema: {
        tags,
        params: UnitParams,
        querystring: Type.Object({ period: PeriodKey }),
        response: { 200: Type.Array(FollowUpT) },
      },
    },
    async (req) => listFollowUps(ctx, req.actor, req.params.unitId, req.query.period),
  );
  app.post(
    '/surveys/units/:unitId/follow-ups',
    { config: manage, schema: { tags, params: UnitParams, body: FollowUpBody, response: { 201: FollowUpT } } },
    async (req, reply) => reply.status(201).send(await addFollowUp(ctx, req.actor, req.params.unitId, req.body)),
  );
  app.patch(
    '/surveys/follow-ups/:followUpId',
    {
      config: manage,
      schema: { tags, params: Type.Object({ followUpId: Uuid }), body: FollowUpPatch, response: { 200: FollowUpT } },
    },
    async (req) => updateFollowUp(ctx, req.actor, req.params.followUpId, req.body),
  );

  // --- population and publishing ----------------------------------------------------------------
  app.put(
    '/surveys/units/:unitId/populations/:period',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Populasi (jumlah penerima layanan) unit pada periode / population served in a period',
        params: Type.Object({ unitId: Uuid, period: PeriodKey }),
        body: Type.Object({ population: Type.Integer({ minimum: 1, maximum: 100_000_000 }) }),
        response: { 200: Type.Object({ periodKey: Type.String(), population: Type.Integer() }) },
      },
    },
    async (req) => setPopulation(ctx, req.actor, req.params.unitId, req.params.period, req.body.population),
  );
  app.post(
    '/surveys/units/:unitId/publications',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Terbitkan hasil IKM / publish the result',
        params: UnitParams,
        body: Type.Object({ period: PeriodKey }),
        response: { 201: PublishedT },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await publishResult(ctx, req.actor, req.params.unitId, req.body.period)),
  );
};

export default adminRoutes;
