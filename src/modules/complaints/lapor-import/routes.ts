// POST /admin/complaints/lapor-import: the agency admin uploads an SP4N-LAPOR! export (xlsx or csv, field
// `file`) and optionally a mapping CSV (field `mapping`, lines `lapor_name,unit_id`). `?dryRun=true` reads and
// checks every row and writes nothing; without it the rows are imported. Both answer with the same summary.
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../core/context';
import { AppError, badRequest } from '../../../core/http/errors';
import { text } from '../../../core/i18n/messages';
import { ADMIN_ROLES, type StaffActor, assertCoordinator } from '../policy';
import { TextPair } from '../route-schemas';
import { type LaporUpload, runLaporImport } from './run-lapor-import';

const MB = 1024 * 1024;
/** The export: a year of an agency's reports fits well within this. */
export const LAPOR_FILE_MAX_BYTES = 10 * MB;
/** The mapping file: a few hundred names at most. */
export const MAPPING_FILE_MAX_BYTES = 256 * 1024;

const Query = Type.Object({ dryRun: Type.Optional(Type.Boolean()) });
const Summary = Type.Object({
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  importable: Type.Integer(),
  imported: Type.Integer(),
  alreadyImported: Type.Integer(),
  overdueOpen: Type.Integer(),
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), trackingId: Type.Union([Type.String(), Type.Null()]), message: TextPair }),
  ),
  unmatched: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
});

const tooLarge = (what: string, en: string, max: number) =>
  new AppError(
    413,
    'FILE_TOO_LARGE',
    text(
      `Berkas ${what} terlalu besar. Ukuran maksimal ${+(max / MB).toFixed(2)} MB.`,
      `The ${en} file is too large. The limit is ${+(max / MB).toFixed(2)} MB.`,
    ),
  );

/** The two file parts of the form; anything else in it is refused. */
async function readUpload(req: FastifyRequest): Promise<Omit<LaporUpload, 'dryRun'>> {
  if (!req.isMultipart()) {
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      text(
        'Kirim berkas sebagai multipart/form-data (isian file, dan mapping bila ada).',
        'Send the files as multipart/form-data (field file, and mapping if any).',
      ),
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > LAPOR_FILE_MAX_BYTES + MAPPING_FILE_MAX_BYTES + 64 * 1024)
    throw tooLarge('ekspor', 'export', LAPOR_FILE_MAX_BYTES);
  let file: { bytes: Buffer; fileName: string } | undefined;
  let mapping: { bytes: Buffer } | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file' || (part.fieldname !== 'file' && part.fieldname !== 'mapping')) {
        throw badRequest(
          'UNEXPECTED_FIELD',
          text(
            `Isian "${part.fieldname.slice(0, 40)}" tidak dikenal; kirim hanya file dan mapping.`,
            `Unknown field "${part.fieldname.slice(0, 40)}"; send only file and mapping.`,
          ),
        );
      }
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') file = { bytes, fileName: part.filename ?? '' };
      else {
        if (bytes.length > MAPPING_FILE_MAX_BYTES) throw tooLarge('pemetaan', 'mapping', MAPPING_FILE_MAX_BYTES);
        mapping = { bytes };
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge('ekspor', 'export', LAPOR_FILE_MAX_BYTES);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw badRequest(
        'TOO_MANY_PARTS',
        text(
          'Kirim satu berkas ekspor dan paling banyak satu berkas pemetaan.',
          'Send one export and at most one mapping file.',
        ),
      );
    // Whatever else the multipart parser rejects (no boundary, truncated body) is the sender's doing.
    throw badRequest('INVALID_MULTIPART', text('Data multipart tidak valid.', 'Invalid multipart data.'));
  }
  if (!file || file.bytes.length === 0)
    throw badRequest(
      'NO_FILE',
      text('Pilih berkas ekspor SP4N-LAPOR! (.xlsx atau .csv).', 'Choose the SP4N-LAPOR! export file (.xlsx or .csv).'),
    );
  return { file, mapping };
}

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(multipart, {
    limits: { fileSize: LAPOR_FILE_MAX_BYTES, files: 2, fields: 2, parts: 4, headerPairs: 50 },
  });

  app.post(
    '/admin/complaints/lapor-import',
    {
      config: { policy: { roles: ADMIN_ROLES } },
      schema: {
        tags: ['complaints-console'],
        summary:
          'Impor ekspor SP4N-LAPOR! (xlsx/csv), dengan uji coba tanpa menyimpan / import an SP4N-LAPOR! export, with a dry run',
        consumes: ['multipart/form-data'],
        querystring: Query,
        response: { 200: Summary },
      },
    },
    async (req) => {
      const actor = req.actor as StaffActor;
      assertCoordinator(actor, actor.agencyId); // before reading megabytes from someone who may not import
      const upload = await readUpload(req);
      return runLaporImport(ctx, actor, actor.agencyId, { ...upload, dryRun: req.query.dryRun ?? false });
    },
  );
};

export default routes;
