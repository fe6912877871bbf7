// Reference data every deployment needs (regions, national holidays); loaded once, idempotently.
import { loadNationalHolidays } from './calendar/load-national-holidays';
import type { AppContext } from './context';
import { loadRegions } from './org/load-regions';

export async function loadReferenceData(ctx: AppContext): Promise<void> {
  const regions = await loadRegions(ctx.db);
  if (!regions.skipped)
    ctx.log.info({ rows: regions.loaded, ms: Math.round(regions.ms) }, 'regions loaded (idn-area-data)');
  const days = await loadNationalHolidays(ctx.db);
  if (days.added > 0) ctx.log.info({ days: days.added }, 'national holidays loaded');
}
