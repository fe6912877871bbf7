// Where a public output may place a report: never finer than 0.01° (about 1 km), whatever its visibility
// and whatever an officer does. A reporter who filed from home must not be found from a public feed, map
// or API; the desa/kelurahan (published beside it) already tells a field team where to go.
export const PUBLIC_POINT_DECIMALS = 2;

const round = (v: number) => Math.round(v * 10 ** PUBLIC_POINT_DECIMALS) / 10 ** PUBLIC_POINT_DECIMALS;

/** The point a public output may show, or null when the report has none. */
export function publicPoint(lat: number | null, lon: number | null): { lat: number; lon: number } | null {
  return lat === null || lon === null ? null : { lat: round(lat), lon: round(lon) };
}
