// Reference data every deployment needs (regions, national holidays); loaded once, idempotently.
import type { AppContext } from './context';

export async function loadReferenceData(_ctx: AppContext): Promise<void> {
  // Filled by core/org (regions) and core/calendar (holidays).
}
