// Routes of core/org, registered under /api/v1 by app.ts. Public: regions, agencies and their unit trees.
// Staff: agency admins (their own agency) and platform admins (any) manage units; platform admins agencies.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { text } from '../i18n/messages';
import { createAgency } from './create-agency';
import { createUnit } from './create-unit';
import { findResponsibleAgency } from './find-responsible-agency';
import { agencyNotFound, findAgency, getAgency, listAgencies } from './list-agencies';
import { ORG_ADMIN_ROLES, assertPlatformAdmin } from './policy';
import {
  Agency,
  AgencyDetail,
  AgencyListQuery,
  CreateAgencyBody,
  CreateUnitBody,
  RegionDetail,
  RegionPage,
  RegionParams,
  RegionQuery,
  SlugParams,
  Unit,
  UnitParams,
  UnitTree,
  UnitTreeQuery,
  UpdateAgencyBody,
  UpdateUnitBody,
} from './route-schemas';
import { getRegion, searchRegions } from './search-regions';
import { listUnitTree } from './unit-tree';
import { updateAgency } from './update-agency';
import { updateUnit } from './update-unit';
import { Type } from 'typebox';

const tags = ['org'];
const publicPolicy = { policy: { public: true as const } };
const adminPolicy = { policy: { roles: ORG_ADMIN_ROLES } };
const platformPolicy = { policy: { roles: ['platform_admin'] as const } };

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/regions',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Cari wilayah (nama atau awalan kode) / search regions by name or code prefix',
        querystring: RegionQuery,
        response: { 200: RegionPage },
      },
    },
    async (req) => searchRegions(ctx.db, req.query),
  );

  app.get(
    '/regions/:code',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Satu wilayah dan induknya / one region with its ancestors',
        params: RegionParams,
        response: { 200: RegionDetail },
      },
    },
    async (req) => {
      const region = await getRegion(ctx.db, req.params.code);
      if (!region) throw notFound(text('Wilayah tidak ditemukan.', 'No such region.'));
      const agency = await findResponsibleAgency(ctx.db, region.code);
      return { ...region, responsibleAgency: agency ? { slug: agency.slug, name: agency.name } : null };
    },
  );

  app.get(
    '/agencies',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Daftar instansi / agencies',
        querystring: AgencyListQuery,
        response: { 200: Type.Array(Agency) },
      },
    },
    async (req) => listAgencies(ctx.db, req.query),
  );

  app.get(
    '/agencies/:slug',
    {
      config: publicPolicy,
      schema: { tags, summary: 'Satu instansi / one agency', params: SlugParams, response: { 200: AgencyDetail } },
    },
    async (req) => getAgency(ctx.db, req.params.slug),
  );

  app.get(
    '/agencies/:slug/units',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Pohon unit kerja instansi / the unit tree of an agency (depth first)',
        params: SlugParams,
        querystring: UnitTreeQuery,
        response: { 200: UnitTree },
      },
    },
    async (req) => {
      const agency = await findAgency(ctx.db, { slug: req.params.slug });
      if (!agency) throw agencyNotFound();
      const units = await listUnitTree(ctx.db, agency.id, { includeInactive: req.query.includeInactive });
      return { agency: { id: agency.id, slug: agency.slug, name: agency.name }, units };
    },
  );

  app.post(
    '/agencies',
    {
      config: platformPolicy,
      schema: { tags, summary: 'Buat instansi / create an agency', body: CreateAgencyBody, response: { 201: Agency } },
    },
    async (req, reply) => {
      const role = assertPlatformAdmin(req.actor);
      const agency = await createAgency(ctx, req.actor, role, req.body);
      return reply.status(201).send(agency);
    },
  );

  app.patch(
    '/agencies/:slug',
    {
      config: platformPolicy,
      schema: {
        tags,
        summary: 'Ubah instansi / change an agency',
        params: SlugParams,
        body: UpdateAgencyBody,
        response: { 200: Agency },
      },
    },
    async (req) => {
      const role = assertPlatformAdmin(req.actor);
      return updateAgency(ctx, req.actor, role, req.params.slug, req.body);
    },
  );

  app.post(
    '/agencies/:slug/units',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Buat unit kerja / create a unit',
        params: SlugParams,
        body: CreateUnitBody,
        response: { 201: Unit },
      },
    },
    async (req, reply) => {
      // Scope (own agency) is checked by the use case once the agency is known (policy.ts).
      const unit = await createUnit(ctx, req.actor, req.params.slug, {
        name: req.body.name,
        kind: req.body.kind,
        parentId: req.body.parentId ?? null,
        regionCode: req.body.regionCode ?? null,
      });
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/units/:id',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Ubah, pindahkan, atau nonaktifkan unit / rename, move or deactivate a unit',
        params: UnitParams,
        body: UpdateUnitBody,
        response: { 200: Unit },
      },
    },
    async (req) => updateUnit(ctx, req.actor, req.params.id, req.body),
  );
};
export default routes;
