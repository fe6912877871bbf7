// Staff routes of the services module (registered under /api/v1): publishing services, the queue, actions
// on applications (one or in bulk), revoking documents, and figures per service.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/context';
import { badRequest, forbidden } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { actOnApplication, actOnApplications } from './act-on-application';
import { revokeDocument } from './documents';
import { listAdminServices } from './list-admin-services';
import { listQueue } from './list-queue';
import { computeServiceStats } from './compute-stats';
import { createService, publishVersion } from './publish-service';
import { getCatalogueService } from './read-catalogue';
import { viewAsStaff } from './read-applications';
import {
  ActionBody,
  AdminServiceList,
  ApplicationOut,
  BulkBody,
  BulkOut,
  CatalogueService,
  IdParams,
  LangQuery,
  Ok,
  Published,
  QueueOut,
  QueueQuery,
  RevokeBody,
  ServiceBody,
  StatsOut,
  StatsQuery,
  VersionBody,
} from './route-schemas';
import { staffAgencyIds } from './staff-scope';

const TAGS = ['services'];
const ADMINS = { policy: { roles: ['admin_instansi', 'platform_admin'] as const } };
const STAFF = {
  policy: { roles: ['operator_unit', 'kepala_unit', 'admin_instansi', 'platform_admin', 'pimpinan'] as const },
};
const OFFICERS = { policy: { roles: ['operator_unit', 'kepala_unit', 'admin_instansi'] as const } };
const REVOKERS = { policy: { roles: ['kepala_unit', 'admin_instansi', 'platform_admin'] as const } };

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/services/admin/services',
    { config: STAFF, schema: { tags: TAGS, querystring: LangQuery, response: { 200: AdminServiceList } } },
    async (req) => listAdminServices(ctx, req.actor),
  );
  app.get(
    '/services/admin/services/:id',
    {
      config: STAFF,
      schema: { tags: TAGS, params: IdParams, querystring: LangQuery, response: { 200: CatalogueService } },
    },
    async (req) => {
      const s = await getCatalogueService(ctx, req.params.id, { includeInactive: true });
      if (!staffAgencyIds(req.actor).includes(s.agencyId) && !isPlatform(req.actor)) throw forbidden();
      return s;
    },
  );
  app.post(
    '/services/admin/services',
    { config: ADMINS, schema: { tags: TAGS, body: ServiceBody, response: { 201: Published } } },
    async (req, reply) => reply.status(201).send(await createService(ctx, req.actor, req.body)),
  );
  app.post(
    '/services/admin/services/:id/versions',
    { config: ADMINS, schema: { tags: TAGS, params: IdParams, body: VersionBody, response: { 201: Published } } },
    async (req, reply) => reply.status(201).send(await publishVersion(ctx, req.actor, req.params.id, req.body)),
  );

  app.get(
    '/services/admin/queue',
    { config: STAFF, schema: { tags: TAGS, querystring: QueueQuery, response: { 200: QueueOut } } },
    async (req) => listQueue(ctx, req.actor, req.query),
  );
  app.get(
    '/services/admin/applications/:id',
    {
      config: STAFF,
      schema: { tags: TAGS, params: IdParams, querystring: LangQuery, response: { 200: ApplicationOut } },
    },
    async (req) => viewAsStaff(ctx, req.actor, req.params.id),
  );
  app.post(
    '/services/admin/applications/:id/actions',
    { config: OFFICERS, schema: { tags: TAGS, params: IdParams, body: ActionBody, response: { 200: ApplicationOut } } },
    async (req) => {
      await actOnApplication(ctx, req.actor, req.params.id, req.body);
      return viewAsStaff(ctx, req.actor, req.params.id);
    },
  );
  app.post(
    '/services/admin/applications/bulk',
    { config: OFFICERS, schema: { tags: TAGS, body: BulkBody, response: { 200: BulkOut } } },
    async (req) => {
      const b = req.body;
      if (b.action === 'reject' && !b.reason) {
        throw badRequest(
          'REASON_REQUIRED',
          text('Penolakan massal memerlukan alasan.', 'A bulk rejection needs a reason.'),
        );
      }
      await actOnApplications(
        ctx,
        req.actor,
        b.ids,
        b.action === 'approve'
          ? { action: 'approve', stepIndex: b.stepIndex, note: b.note }
          : { action: 'reject', stepIndex: b.stepIndex, reason: b.reason! },
      );
      return { done: b.ids.length };
    },
  );
  app.post(
    '/services/admin/documents/:id/revoke',
    { config: REVOKERS, schema: { tags: TAGS, params: IdParams, body: RevokeBody, response: { 200: Ok } } },
    async (req) => {
      await revokeDocument(ctx, req.actor, req.params.id, req.body.reason);
      return { ok: true };
    },
  );
  app.get(
    '/services/admin/stats',
    { config: STAFF, schema: { tags: TAGS, querystring: StatsQuery, response: { 200: StatsOut } } },
    async (req) => {
      const agencies = staffAgencyIds(req.actor);
      const agencyId = req.query.agencyId ?? (req.actor.kind === 'staff' ? req.actor.agencyId : '');
      if (!agencies.includes(agencyId) && !isPlatform(req.actor)) throw forbidden();
      return computeServiceStats(ctx, { agencyId, serviceId: req.query.serviceId });
    },
  );
};

const isPlatform = (actor: { kind: string; grants?: { role: string }[] }) =>
  actor.kind === 'staff' && !!actor.grants?.some((g) => g.role === 'platform_admin');

export default routes;
