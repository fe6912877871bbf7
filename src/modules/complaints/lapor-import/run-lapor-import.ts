// The agency admin imports an uploaded SP4N-LAPOR! export (optionally with a mapping file for unit names the
// import cannot match). A dry run reads and checks every row and writes nothing; a real run imports through
// importLapor (each report through submitComplaint, each recorded in the ledger) and records one ledger entry
// for the import itself, with counts only.
import { recordAudit } from '../../../core/audit/record-audit';
import type { AppContext } from '../../../core/context';
import { badRequest } from '../../../core/http/errors';
import { text } from '../../../core/i18n/messages';
import { type StaffActor, assertCoordinator } from '../policy';
import { type ImportSummary, importLapor } from './import-lapor';
import { readLaporBuffer, readMappingCsv } from './read-lapor-file';

/** One upload imports at most this many rows (larger exports: split them, or use `pamong import lapor`). */
export const MAX_IMPORT_ROWS = 2000;

export interface LaporUpload {
  file: { bytes: Buffer; fileName: string };
  mapping?: { bytes: Buffer } | null;
  dryRun: boolean;
}

export async function runLaporImport(
  ctx: AppContext,
  actor: StaffActor,
  agencyId: string,
  upload: LaporUpload,
): Promise<ImportSummary & { dryRun: boolean }> {
  const role = assertCoordinator(actor, agencyId);
  const rows = await readLaporBuffer(upload.file.bytes, upload.file.fileName);
  if (rows.length === 0)
    throw badRequest('NO_ROWS', text('Berkas tidak berisi baris laporan.', 'The file holds no report rows.'));
  if (rows.length > MAX_IMPORT_ROWS)
    throw badRequest(
      'TOO_MANY_ROWS',
      text(
        `Berkas berisi ${rows.length} baris; satu unggahan paling banyak ${MAX_IMPORT_ROWS}. Bagi berkasnya atau gunakan perintah pamong import lapor.`,
        `The file holds ${rows.length} rows; one upload takes at most ${MAX_IMPORT_ROWS}. Split the file or use the pamong import lapor command.`,
      ),
    );
  const mapping = upload.mapping ? readMappingCsv(upload.mapping.bytes) : undefined;
  const summary = await importLapor(ctx, {
    agencyId,
    rows,
    mapping,
    dryRun: upload.dryRun,
    by: { actor, role },
  });
  if (!upload.dryRun) {
    await ctx.db.transaction(async (tx) => {
      await recordAudit(tx, {
        actor,
        role,
        action: 'complaints.lapor_import.run',
        entityType: 'agency',
        entityId: agencyId,
        agencyId,
        meta: {
          rows: summary.rows,
          imported: summary.imported,
          alreadyImported: summary.alreadyImported,
          overdueOpen: summary.overdueOpen,
          errors: summary.errors.length,
          unmatchedNames: summary.unmatched.length,
          unmatchedRows: summary.unmatched.reduce((n, u) => n + u.count, 0),
          mappingEntries: mapping?.size ?? 0,
        },
        at: ctx.clock.now(),
      });
    });
  }
  return { ...summary, dryRun: upload.dryRun };
}
