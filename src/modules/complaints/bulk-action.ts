// Bulk actions in the console (verify, dispose, archive many reports at once). Each report is its own
// transaction, so one refusal does not undo the others; the answer lists the outcome per report.
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/http/errors';
import type { Text } from '../../core/i18n/messages';
import { changeStatus } from './change-status';
import { disposeComplaint } from './dispose-complaint';
import type { StaffActor } from './policy';
import type { ComplaintStatus } from './states';
import { verifyComplaint } from './verify-complaint';

export type BulkInput =
  | { action: 'verify'; ids: string[] }
  | { action: 'dispose'; ids: string[]; unitId: string; supportUnitIds?: string[] }
  | { action: 'archive'; ids: string[]; message: string };

export interface BulkResult {
  id: string;
  ok: boolean;
  status?: ComplaintStatus;
  error?: { code: string; messages: Text };
}

export async function bulkAction(ctx: AppContext, actor: StaffActor, input: BulkInput): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      const row =
        input.action === 'verify'
          ? await verifyComplaint(ctx, actor, id)
          : input.action === 'dispose'
            ? await disposeComplaint(ctx, actor, id, { unitId: input.unitId, supportUnitIds: input.supportUnitIds })
            : await changeStatus(ctx, actor, id, { action: 'archive', message: input.message });
      results.push({ id, ok: true, status: row.status });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, error: { code: err.code, messages: err.text } });
    }
  }
  return results;
}
