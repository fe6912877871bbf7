// The few facts of an agency the survey needs: its name, time zone and weight convention.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { agencies } from '../../core/org/schema';
import type { WeightConvention } from './ikm';
import { surveySettings } from './schema';

export interface AgencyInfo {
  id: string;
  name: string;
  timeZone: string;
  weight: WeightConvention;
}

export async function loadAgencyInfo(q: Queryable, agencyId: string): Promise<AgencyInfo> {
  const [row] = await q
    .select({ id: agencies.id, name: agencies.name, timeZone: agencies.timeZone, weight: surveySettings.weight })
    .from(agencies)
    .leftJoin(surveySettings, eq(surveySettings.agencyId, agencies.id))
    .where(eq(agencies.id, agencyId))
    .limit(1);
  if (!row) throw new Error(`agency ${agencyId} not found`);
  return { id: row.id, name: row.name, timeZone: row.timeZone, weight: row.weight ?? 'exact' };
}
