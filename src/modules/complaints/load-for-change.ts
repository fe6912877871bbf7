// Shared step of every use case that changes a complaint: open a transaction, lock the row, 404 if absent.
import type { AppContext } from '../../core/context';
import type { Tx } from '../../core/db/client';
import { notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { type ComplaintRow, lockComplaint, lockComplaintByCode } from './repository';

export const complaintNotFound = () => notFound(text('Laporan tidak ditemukan.', 'No such report.'));

export function withComplaint<T>(
  ctx: AppContext,
  by: { id: string } | { code: string },
  fn: (tx: Tx, row: ComplaintRow) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const row = 'id' in by ? await lockComplaint(tx, by.id) : await lockComplaintByCode(tx, by.code);
    if (!row) throw complaintNotFound();
    return fn(tx, row);
  });
}
