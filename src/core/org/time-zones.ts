// Indonesia's three time zones by province (Kepmendagri codes): WIB UTC+7, WITA UTC+8, WIT UTC+9.
import type { TimeZone } from './schema';

/** Provinces on WITA (Asia/Makassar): Bali, Nusa Tenggara, South/East/North Kalimantan, all of Sulawesi. */
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
/** Provinces on WIT (Asia/Jayapura): Maluku, Maluku Utara and the six Papua provinces. */
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** The time zone of the province a region code lies in; WIB (Asia/Jakarta) when unknown or national. */
export function defaultTimeZoneFor(regionCode: string | null | undefined): TimeZone {
  const province = regionCode?.slice(0, 2) ?? '';
  if (WIT.has(province)) return 'Asia/Jayapura';
  if (WITA.has(province)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}

export const TIME_ZONE_LABELS: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
