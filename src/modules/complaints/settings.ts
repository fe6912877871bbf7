// Per-agency settings of complaint handling, with the regulatory defaults. Admins change them through
// PUT /console/complaint-settings; a category may override the resolution budget and emergency hours.
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { units } from '../../core/org/schema';
import { agencySettings } from './schema';
import type { Tier } from './states';

export interface ComplaintSettings {
  /** Verification and disposition: 3 HK (SP4N-LAPOR!, PermenPANRB 62/2018 → 5/2025). */
  verifyDays: number;
  /** Coordination and follow-up plan by the receiving unit: 5 HK (same sources). */
  planDays: number;
  /** Resolution per tier (local SOPs: 2 / 5 / 14 / 60 HK; 60 days at most after a complete file). */
  ringanDays: number;
  normatifDays: number;
  tidakBerkadarDays: number;
  berkadarDays: number;
  /** Closed by the system this many HK after a follow-up without reply (SP4N-LAPOR!: 10 HK). */
  autoCloseDays: number;
  /** The reporter may reopen within this many HK after closing. */
  reopenDays: number;
  /** Escalation ladder: remind the handler this many HK before the deadline… */
  reminderBeforeDays: number;
  /** …and the inspectorate and pimpinan this many HK after it (kepala unit at the deadline itself). */
  escalateAfterDays: number;
  /** Emergency lane: deadline in hours (e.g. Jabar Quick Response style). */
  emergencyHours: number;
  /** Assign new reports to the learned routing suggestion when its confidence is at least this percent; 0: off. */
  routingAutoAssignPercent: number;
}

export const DEFAULT_SETTINGS: ComplaintSettings = {
  verifyDays: 3,
  planDays: 5,
  ringanDays: 2,
  normatifDays: 5,
  tidakBerkadarDays: 14,
  berkadarDays: 60,
  autoCloseDays: 10,
  reopenDays: 10,
  reminderBeforeDays: 1,
  escalateAfterDays: 2,
  emergencyHours: 6,
  routingAutoAssignPercent: 0,
};

export interface AgencyComplaintSettings extends ComplaintSettings {
  coordinatingUnitId: string | null;
  onDutyUnitId: string | null;
}

export function tierDays(s: ComplaintSettings, tier: Tier): number {
  switch (tier) {
    case 'ringan':
      return s.ringanDays;
    case 'normatif':
      return s.normatifDays;
    case 'tidak_berkadar_pengawasan':
      return s.tidakBerkadarDays;
    case 'berkadar_pengawasan':
      return s.berkadarDays;
  }
}

/** Units that coordinate complaints when an agency names none: the complaint desk, else Diskominfo, else Bagian Organisasi. */
const COORDINATOR_NAMES = [
  'Bidang Informasi dan Komunikasi Publik',
  'Dinas Komunikasi dan Informatika',
  'Bagian Organisasi',
];
const ON_DUTY_NAMES = ['Badan Penanggulangan Bencana Daerah', 'Satuan Polisi Pamong Praja'];
/** Every unit name mergeSettings may fall back to. */
export const FALLBACK_UNIT_NAMES = [...COORDINATOR_NAMES, ...ON_DUTY_NAMES];

type SettingsRow = Pick<typeof agencySettings.$inferSelect, 'settings' | 'coordinatingUnitId' | 'onDutyUnitId'>;

/**
 * An agency's settings: its row over the defaults, and for units it names none, the first active unit
 * found by name (`namedUnits`: the agency's active units among FALLBACK_UNIT_NAMES).
 */
export function mergeSettings(
  row: SettingsRow | null | undefined,
  namedUnits: readonly { id: string; name: string }[],
): AgencyComplaintSettings {
  const merged = { ...DEFAULT_SETTINGS } as ComplaintSettings;
  for (const [k, v] of Object.entries(row?.settings ?? {})) {
    if (k in DEFAULT_SETTINGS && typeof v === 'number') (merged as unknown as Record<string, number>)[k] = v;
  }
  const byNames = (names: string[]) => {
    for (const n of names) {
      const hit = namedUnits.find((u) => u.name === n);
      if (hit) return hit.id;
    }
    return null;
  };
  return {
    ...merged,
    coordinatingUnitId: row?.coordinatingUnitId ?? byNames(COORDINATOR_NAMES),
    onDutyUnitId: row?.onDutyUnitId ?? byNames(ON_DUTY_NAMES),
  };
}

export async function loadSettings(q: Queryable, agencyId: string): Promise<AgencyComplaintSettings> {
  const [row] = await q.select().from(agencySettings).where(eq(agencySettings.agencyId, agencyId)).limit(1);
  const needsUnits = !row?.coordinatingUnitId || !row?.onDutyUnitId;
  const named = needsUnits
    ? await q
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.agencyId, agencyId), eq(units.active, true), inArray(units.name, FALLBACK_UNIT_NAMES)))
    : [];
  return mergeSettings(row, named);
}
