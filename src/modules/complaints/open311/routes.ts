// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at /open311/v2, jurisdiction_id = agency slug,
// plus mySociety's servicerequestupdates. Responses in JSON or XML by the path's extension; errors in the
// spec's list shape, by a local error handler so the rest of the API keeps its own.
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context';
import { AppError } from '../../../core/http/errors';
import { text } from '../../../core/i18n/messages';
import { agencies } from '../../../core/org/schema';
import { categories } from '../schema';
import { KINDS } from '../states';
import { submitComplaint } from '../submit-complaint';
import { normalizeTrackingCode } from '../tracking-code';
import { listRequests, listUpdates } from './list-requests';
import { findOpen311Client } from './manage-clients';
import { toXml } from './xml';

const PREFIX = '/open311/v2';
const policy = { policy: { public: true as const } };
const hide = { tags: ['open311'] };

type Format = 'json' | 'xml';
const fail = (status: 400 | 403 | 404, id: string, en: string) =>
  new AppError(status, status === 400 ? 'BAD_REQUEST' : status === 403 ? 'FORBIDDEN' : 'NOT_FOUND', text(id, en));

/** 'requests.json' → ['requests', 'json']; anything else → 404. */
function splitFormat(file: string): [string, Format] {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw fail(404, 'Format tidak dikenal (gunakan .json atau .xml).', 'Unknown format (use .json or .xml).');
  return [m[1]!, m[2] as Format];
}

function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) {
  if (format === 'xml') return reply.status(status).type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
}

const Str = (max: number) => Type.String({ maxLength: max });
const JurisdictionQuery = { jurisdiction_id: Type.Optional(Type.String({ maxLength: 60 })) };
const FileParams = Type.Object({ file: Type.String({ minLength: 1, maxLength: 200 }) });
const Any = Type.Unknown();
const DateParam = Type.String({ format: 'date-time', maxLength: 40 });

const RequestBody = Type.Object(
  {
    api_key: Type.Optional(Str(200)),
    jurisdiction_id: Type.Optional(Str(60)),
    service_code: Type.Optional(Str(100)),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    long: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    address_string: Type.Optional(Str(500)),
    address_id: Type.Optional(Str(40)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    device_id: Type.Optional(Str(200)),
    account_id: Type.Optional(Str(200)),
    first_name: Type.Optional(Str(60)),
    last_name: Type.Optional(Type.String({ maxLength: 60 })),
    phone: Type.Optional(Type.String({ pattern: '^[+0-9 ()-]{6,20}$', maxLength: 20 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    media_url: Type.Optional(Str(1000)),
  },
  // attribute[code]=value pairs arrive as flat keys of the form body.
  { additionalProperties: Type.String({ maxLength: 200 }), maxProperties: 40 },
);

const DESA = /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/;

const v2: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(formbody);

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const status = err instanceof AppError ? err.statusCode : (err.statusCode ?? 500);
    const code = status >= 500 ? 500 : status === 401 ? 403 : status;
    const description =
      err instanceof AppError
        ? `${err.text.id} / ${err.text.en}`
        : (err as FastifyError).validation
          ? `Masukan tidak valid / Invalid input: ${err.message}`
          : status >= 500
            ? 'Kesalahan server / Server error'
            : err.message;
    if (status >= 500) req.log.error({ err }, 'open311 error');
    const xml = /\.xml(\?|$)/.test(req.url);
    return send(reply, xml ? 'xml' : 'json', 'errors', [{ code, description }], code);
  });

  async function jurisdiction(slug: string | undefined) {
    if (!slug) throw fail(400, 'jurisdiction_id wajib diisi.', 'jurisdiction_id is required.');
    const [a] = await ctx.db
      .select({ id: agencies.id, name: agencies.name, active: agencies.active })
      .from(agencies)
      .where(eq(agencies.slug, slug))
      .limit(1);
    if (!a?.active) throw fail(404, 'Yurisdiksi tidak dikenal.', 'Unknown jurisdiction.');
    return a;
  }

  async function service(agencyId: string, code: string) {
    const [c] = await ctx.db
      .select()
      .from(categories)
      .where(and(eq(categories.agencyId, agencyId), eq(categories.code, code), eq(categories.active, true)))
      .limit(1);
    return c ?? null;
  }

  const attributes = [
    {
      variable: true,
      code: 'region_code',
      datatype: 'string',
      required: false,
      datatype_description:
        'Kode desa/kelurahan Kemendagri, mis. 36.73.01.1001 (atau isi address_id) / Kemendagri desa code, e.g. 36.73.01.1001 (or give address_id)',
      order: 1,
      description: 'Desa/kelurahan lokasi / Desa (village) of the location',
      values: [] as { key: string; name: string }[],
    },
    {
      variable: true,
      code: 'kind',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: 2,
      description: 'Jenis laporan (bawaan: pengaduan) / Kind of report (default: complaint)',
      values: [
        { key: 'pengaduan', name: 'Pengaduan / Complaint' },
        { key: 'aspirasi', name: 'Aspirasi / Suggestion' },
        { key: 'permintaan_informasi', name: 'Permintaan informasi / Information request' },
      ],
    },
  ];

  app.get(
    `/:file`,
    {
      config: policy,
      schema: {
        ...hide,
        params: FileParams,
        querystring: Type.Object({
          ...JurisdictionQuery,
          api_key: Type.Optional(Str(200)),
          service_request_id: Type.Optional(Str(2000)),
          service_code: Type.Optional(Str(100)),
          start_date: Type.Optional(DateParam),
          end_date: Type.Optional(DateParam),
          status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
        }),
        response: { 200: Any },
      },
    },
    async (req, reply) => {
      const [name, format] = splitFormat(req.params.file);
      const q = req.query;
      if (name === 'discovery') {
        const url = `${ctx.config.publicUrl}${PREFIX}/`;
        return send(reply, format, 'discovery', {
          changeset: '2026-01-01T00:00:00Z',
          contact: 'Pamong — pengaduan pelayanan publik / public service complaints',
          key_service: 'Minta api_key ke admin instansi / ask the agency admin for an api_key',
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url,
              changeset: '2026-01-01T00:00:00Z',
              type: 'production',
              formats: ['application/json', 'text/xml'],
            },
          ],
        });
      }
      const agency = await jurisdiction(q.jurisdiction_id);
      if (name === 'services') {
        const rows = await ctx.db
          .select()
          .from(categories)
          .where(and(eq(categories.agencyId, agency.id), eq(categories.active, true)))
          .orderBy(asc(categories.code));
        const byId = new Map(rows.map((r) => [r.id, r]));
        return send(
          reply,
          format,
          'services',
          rows.map((c) => ({
            service_code: c.code,
            service_name: c.nameId,
            description: `${c.nameId} / ${c.nameEn}`,
            metadata: true,
            type: 'realtime',
            keywords: c.code.split('.').join(','),
            group: (c.parentId && byId.get(c.parentId)?.nameId) || c.code.split('.')[0]!,
          })),
        );
      }
      if (name === 'requests') {
        const ids = q.service_request_id
          ?.split(',')
          .map((s) => normalizeTrackingCode(s))
          .filter(Boolean);
        const rows = await listRequests(ctx.db, {
          agencyId: agency.id,
          ids,
          serviceCode: q.service_code,
          start: q.start_date ? new Date(q.start_date) : undefined,
          end: q.end_date ? new Date(q.end_date) : undefined,
          status: q.status,
        });
        return send(reply, format, 'service_requests', rows);
      }
      if (name === 'servicerequestupdates') {
        const client = q.api_key ? await findOpen311Client(ctx.db, agency.id, q.api_key) : null;
        if (!client) throw fail(403, 'api_key tidak valid.', 'Invalid api_key.');
        const rows = await listUpdates(ctx.db, {
          agencyId: agency.id,
          start: q.start_date ? new Date(q.start_date) : undefined,
          end: q.end_date ? new Date(q.end_date) : undefined,
        });
        return send(reply, format, 'service_request_updates', rows);
      }
      throw fail(404, 'Tidak ditemukan.', 'Not found.');
    },
  );

  app.get(
    `/services/:file`,
    {
      config: policy,
      schema: { ...hide, params: FileParams, querystring: Type.Object(JurisdictionQuery), response: { 200: Any } },
    },
    async (req, reply) => {
      const [code, format] = splitFormat(req.params.file);
      const agency = await jurisdiction(req.query.jurisdiction_id);
      const c = await service(agency.id, code);
      if (!c) throw fail(404, 'Layanan (service_code) tidak dikenal.', 'Unknown service_code.');
      return send(reply, format, 'service_definition', { service_code: c.code, attributes });
    },
  );

  const byCode =
    (kind: 'requests' | 'tokens') =>
    async (req: { params: { file: string }; query: { jurisdiction_id?: string } }, reply: FastifyReply) => {
      const [raw, format] = splitFormat(req.params.file);
      const agency = await jurisdiction(req.query.jurisdiction_id);
      const code = normalizeTrackingCode(raw);
      const rows = await listRequests(ctx.db, { agencyId: agency.id, ids: [code] });
      if (!rows.length) throw fail(404, 'Laporan tidak ditemukan.', 'No such service request.');
      // Pamong issues the tracking code at once, so a token is the request id itself.
      const out = kind === 'tokens' ? [{ service_request_id: rows[0]!.service_request_id, token: code }] : rows;
      return send(reply, format, 'service_requests', out);
    };
  const byCodeSchema = {
    ...hide,
    params: FileParams,
    querystring: Type.Object(JurisdictionQuery),
    response: { 200: Any },
  };
  app.get(`/requests/:file`, { config: policy, schema: byCodeSchema }, byCode('requests'));
  app.get(`/tokens/:file`, { config: policy, schema: byCodeSchema }, byCode('tokens'));

  app.post(
    `/:file`,
    {
      config: policy,
      schema: {
        ...hide,
        params: FileParams,
        querystring: Type.Object(JurisdictionQuery),
        body: RequestBody,
        response: { 201: Any },
      },
    },
    async (req, reply) => {
      const [name, format] = splitFormat(req.params.file);
      if (name !== 'requests') throw fail(404, 'Tidak ditemukan.', 'Not found.');
      const b = req.body;
      const agency = await jurisdiction(b.jurisdiction_id ?? req.query.jurisdiction_id);
      const client = b.api_key ? await findOpen311Client(ctx.db, agency.id, b.api_key) : null;
      if (!client) throw fail(403, 'api_key tidak valid.', 'Invalid api_key.');
      if (!b.service_code) throw fail(400, 'service_code wajib diisi.', 'service_code is required.');
      const category = await service(agency.id, b.service_code);
      if (!category) throw fail(404, 'Layanan (service_code) tidak dikenal.', 'Unknown service_code.');
      const attr = (k: string) => (b as Record<string, unknown>)[`attribute[${k}]`] as string | undefined;
      const regionCode = [attr('region_code'), b.address_id].find((v) => v && DESA.test(v.trim()))?.trim();
      if (!regionCode)
        throw fail(
          400,
          'Isi attribute[region_code] atau address_id dengan kode desa/kelurahan (mis. 36.73.01.1001).',
          'Give attribute[region_code] or address_id as a desa code (e.g. 36.73.01.1001).',
        );
      const kind = attr('kind') ?? 'pengaduan';
      if (!(KINDS as readonly string[]).includes(kind))
        throw fail(400, 'attribute[kind] tidak dikenal.', 'Unknown attribute[kind].');
      const description = [
        b.description?.trim(),
        b.address_string?.trim() && `Alamat / address: ${b.address_string.trim()}`,
      ]
        .filter(Boolean)
        .join('\n\n');
      if (description.length < 10)
        throw fail(400, 'Uraian (description) minimal 10 karakter.', 'description needs at least 10 characters.');
      const firstLine = b.description?.trim().split('\n')[0] ?? '';
      const title = (firstLine.length >= 5 ? firstLine : category.nameId).slice(0, 200);
      const name2 = [b.first_name, b.last_name]
        .map((s) => s?.trim())
        .filter(Boolean)
        .join(' ');
      const hasPoint = b.lat !== undefined && b.long !== undefined;
      const r = await submitComplaint(
        ctx,
        {
          agencyId: agency.id,
          kind: kind as (typeof KINDS)[number],
          title,
          description,
          categoryId: category.id,
          regionCode,
          lat: hasPoint ? b.lat : null,
          lon: hasPoint ? b.long : null,
          // Reporters through third-party apps cannot choose here: secure by default.
          visibility: 'rahasia',
          reporter: { name: name2 || null, email: b.email ?? null, phone: b.phone ?? null },
        },
        'open311',
      );
      return send(
        reply,
        format,
        'service_requests',
        [
          {
            service_request_id: r.code,
            service_notice: `Diteruskan ke / handled by ${r.agencyName}`,
            account_id: null,
            expected_datetime: r.dueAt,
          },
        ],
        201,
      );
    },
  );

  app.setNotFoundHandler((_req, _reply) => {
    throw fail(404, 'Tidak ditemukan.', 'Not found.');
  });
};

/** Registered at the app root (manifest rootRoutes). */
const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, opts) => {
  await app.register(v2, { ...opts, prefix: PREFIX });
};

export default routes;
