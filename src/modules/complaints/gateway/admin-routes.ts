// The agency admin's SMS/WhatsApp gateways (console): list (never any secret), create (the HMAC secret is
// answered once, in the create response), revoke and re-enable.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context';
import { ADMIN_ROLES, type StaffActor } from '../policy';
import { IdParams } from '../route-schemas';
import { createGateway } from './create-gateway';
import { type GatewayView, listGateways } from './list-gateways';
import { setGatewayActive } from './set-gateway-active';

const tags = ['complaints-console'];
const adminPolicy = { policy: { roles: ADMIN_ROLES } };
const staff = (req: FastifyRequest) => req.actor as StaffActor;

const DateTime = Type.Unsafe<Date>(Type.String({ format: 'date-time' }));
const Channel = Type.Union([Type.Literal('sms'), Type.Literal('whatsapp')]);
// Declared fields only: the serializer drops anything else even if a query returned it.
const Gateway = Type.Object({
  id: Type.String(),
  name: Type.String(),
  channel: Channel,
  defaultRegionCode: Type.String(),
  defaultRegionName: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  createdAt: DateTime,
  /** Where the gateway posts signed messages. */
  webhookUrl: Type.String(),
});
const ListQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
const GatewayPage = Type.Object({
  items: Type.Array(Gateway),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
const CreateBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    channel: Channel,
    defaultRegionCode: Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$', maxLength: 13 }),
  },
  { additionalProperties: false },
);
const Created = Type.Object({ ...Gateway.properties, secret: Type.String() });
const ActiveBody = Type.Object({ active: Type.Boolean() }, { additionalProperties: false });

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const withUrl = <T extends GatewayView>(g: T) => ({
    ...g,
    webhookUrl: `${ctx.config.publicUrl}/api/v1/complaints/inbound/${g.id}`,
  });

  app.get(
    '/console/complaint-gateways',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Gateway SMS/WhatsApp instansi (tanpa rahasia) / the agency SMS/WhatsApp gateways (no secrets)',
        querystring: ListQuery,
        response: { 200: GatewayPage },
      },
    },
    async (req) => {
      const me = staff(req);
      const { page, pageSize } = req.query;
      const r = await listGateways(ctx, me, me.agencyId, { page, pageSize });
      return { items: r.items.map(withUrl), total: r.total, page, pageSize };
    },
  );

  app.post(
    '/console/complaint-gateways',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Tambah gateway; rahasia HMAC hanya ditampilkan sekali / add a gateway; the HMAC secret is shown once',
        body: CreateBody,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const me = staff(req);
      const created = await createGateway(ctx, { ...req.body, agencyId: me.agencyId, actor: me });
      return reply.status(201).send(withUrl(created));
    },
  );

  app.patch(
    '/console/complaint-gateways/:id',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Cabut atau aktifkan kembali gateway / revoke or re-enable a gateway',
        params: IdParams,
        body: ActiveBody,
        response: { 200: Gateway },
      },
    },
    async (req) =>
      withUrl(await setGatewayActive(ctx, staff(req), staff(req).agencyId, req.params.id, req.body.active)),
  );
};

export default routes;
