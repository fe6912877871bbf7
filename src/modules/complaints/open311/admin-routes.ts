// The agency admin's Open311 clients (console): list (never any key), create (the api_key is answered
// once, in the create response), revoke and re-enable.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context';
import { agencies } from '../../../core/org/schema';
import { ADMIN_ROLES, type StaffActor } from '../policy';
import { IdParams } from '../route-schemas';
import { createOpen311Client, listOpen311Clients, setOpen311ClientActive } from './manage-clients';

const tags = ['complaints-console'];
const adminPolicy = { policy: { roles: ADMIN_ROLES } };
const staff = (req: FastifyRequest) => req.actor as StaffActor;

const DateTime = Type.Unsafe<Date>(Type.String({ format: 'date-time' }));
// Declared fields only: the serializer drops anything else (key, hash) even if a query returned it.
const Client = Type.Object({ id: Type.String(), name: Type.String(), active: Type.Boolean(), createdAt: DateTime });
const Door = { endpointUrl: Type.String(), jurisdictionId: Type.String() };
const ListQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
const ClientPage = Type.Object({
  items: Type.Array(Client),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
  ...Door,
});
const CreateBody = Type.Object(
  { name: Type.String({ minLength: 2, maxLength: 100 }) },
  { additionalProperties: false },
);
const Created = Type.Object({ ...Client.properties, apiKey: Type.String(), ...Door });
const ActiveBody = Type.Object({ active: Type.Boolean() }, { additionalProperties: false });

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  /** Where clients send requests, and the jurisdiction_id (the agency's slug) they name. */
  async function door(agencyId: string) {
    const [a] = await ctx.db.select({ slug: agencies.slug }).from(agencies).where(eq(agencies.id, agencyId)).limit(1);
    return { endpointUrl: `${ctx.config.publicUrl}/open311/v2/`, jurisdictionId: a?.slug ?? '' };
  }

  app.get(
    '/console/complaint-open311-clients',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Klien Open311 instansi (tanpa kunci) / the agency Open311 clients (no keys)',
        querystring: ListQuery,
        response: { 200: ClientPage },
      },
    },
    async (req) => {
      const me = staff(req);
      const { page, pageSize } = req.query;
      const r = await listOpen311Clients(ctx, me, me.agencyId, { page, pageSize });
      return { ...r, page, pageSize, ...(await door(me.agencyId)) };
    },
  );

  app.post(
    '/console/complaint-open311-clients',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Tambah klien Open311; api_key hanya ditampilkan sekali / add a client; the api_key is shown once',
        body: CreateBody,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const me = staff(req);
      const created = await createOpen311Client(ctx, { agencyId: me.agencyId, name: req.body.name, actor: me });
      return reply.status(201).send({ ...created, ...(await door(me.agencyId)) });
    },
  );

  app.patch(
    '/console/complaint-open311-clients/:id',
    {
      config: adminPolicy,
      schema: {
        tags,
        summary: 'Cabut atau aktifkan kembali klien Open311 / revoke or re-enable a client',
        params: IdParams,
        body: ActiveBody,
        response: { 200: Client },
      },
    },
    async (req) => setOpen311ClientActive(ctx, staff(req), staff(req).agencyId, req.params.id, req.body.active),
  );
};

export default routes;
