// The public feed's map by region: one circle per region that has a point, drawn as plain SVG (no tiles,
// nothing downloaded: it works without internet), sized by its number of public reports, with a level
// switch and the same counts as a table (the text alternative). Choosing a region filters the feed.
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { Pager } from '../../components/Pager';
import { Empty, ErrorAlert, Loading } from '../../components/Status';
import { api } from '../../lib/api';
import { type Key, useStrings } from './strings';
import './region-map.css';

export type RegionLevel = 2 | 3 | 4;

export interface RegionCount {
  regionCode: string;
  regionName: string | null;
  open: number;
  total: number;
  /** The mean of the region's public report points, rounded by the server to about 1 km. */
  point: { lat: number; lon: number } | null;
}

export const LEVELS: { level: RegionLevel; key: Key }[] = [
  { level: 2, key: 'level2' },
  { level: 3, key: 'level3' },
  { level: 4, key: 'level4' },
];

/** The level of a region code: 2 parts kabupaten/kota, 3 kecamatan, 4 desa/kelurahan (null otherwise). */
export function levelOf(code: string): RegionLevel | null {
  if (!/^[0-9]{2}\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?$/.test(code)) return null;
  return code.split('.').length as RegionLevel;
}

export function useRegionCounts(level: RegionLevel | null) {
  return useQuery({
    queryKey: ['complaint-regions', level],
    queryFn: () => api.get<RegionCount[]>(`/public/complaints/regions?level=${level}`),
    enabled: level !== null,
  });
}

const W = 320;
const H = 240;
const R_MIN = 6;
const R_MAX = 24;
const PAD = R_MAX + 2;
/** Smallest span drawn (degrees), so one region alone sits in the middle instead of dividing by zero. */
const MIN_SPAN = 0.02;
/** The smallest target a finger can hit, in SVG units (the map is about as wide in CSS pixels on a phone). */
const HIT_R = 12;
/** Up to this many regions, each circle carries its name (more would pile up; the table has them all). */
const MAX_LABELS = 12;

interface Dot {
  row: RegionCount;
  x: number;
  y: number;
  r: number;
}

/**
 * Equirectangular placement in the bounding box of the points (longitude scaled by the cosine of the middle
 * latitude, so distances look right near the equator and elsewhere), radius by the square root of the count.
 */
function layout(rows: RegionCount[]): Dot[] {
  const located = rows.filter((r): r is RegionCount & { point: { lat: number; lon: number } } => r.point !== null);
  if (located.length === 0) return [];
  const lats = located.map((r) => r.point.lat);
  const lons = located.map((r) => r.point.lon);
  const [minLat, maxLat, minLon, maxLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const midLat = (minLat + maxLat) / 2;
  const midLon = (minLon + maxLon) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const scale = Math.min(
    (W - 2 * PAD) / Math.max((maxLon - minLon) * kx, MIN_SPAN),
    (H - 2 * PAD) / Math.max(maxLat - minLat, MIN_SPAN),
  );
  const most = Math.max(...located.map((r) => r.total), 1);
  return (
    located
      .map((row) => ({
        row,
        x: W / 2 + (row.point.lon - midLon) * kx * scale,
        y: H / 2 - (row.point.lat - midLat) * scale,
        r: R_MIN + (R_MAX - R_MIN) * Math.sqrt(row.total / most),
      }))
      // Big circles first, so the small ones stay on top and can be picked.
      .sort((a, b) => b.r - a.r)
  );
}

const TABLE_PAGE = 10;

export function PublicRegionMap({
  level,
  onLevel,
  onChoose,
}: {
  level: RegionLevel;
  onLevel(level: RegionLevel): void;
  onChoose(regionCode: string): void;
}) {
  const { s } = useStrings();
  const counts = useRegionCounts(level);
  const [tablePage, setTablePage] = useState(1);
  const nameOf = (r: RegionCount) => r.regionName ?? r.regionCode;
  const label = (r: RegionCount) =>
    r.total === 1 ? s('mapRegionOne', { name: nameOf(r) }) : s('mapRegion', { name: nameOf(r), n: r.total });
  const onKey = (code: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onChoose(code);
    }
  };

  const rows = counts.data ?? [];
  const dots = layout(rows);
  const sorted = [...rows].sort((a, b) => b.total - a.total || nameOf(a).localeCompare(nameOf(b)));
  const pages = Math.max(1, Math.ceil(sorted.length / TABLE_PAGE));
  const page = Math.min(tablePage, pages);
  const shown = sorted.slice((page - 1) * TABLE_PAGE, page * TABLE_PAGE);

  return (
    <section aria-labelledby="region-map-title" className="region-map">
      <h2 id="region-map-title">{s('mapTitle')}</h2>
      <p className="muted">{s('mapLead')}</p>
      <fieldset className="level-switch">
        <legend>{s('mapLevel')}</legend>
        {LEVELS.map((l) => (
          <button
            key={l.level}
            type="button"
            aria-pressed={level === l.level}
            onClick={() => {
              setTablePage(1);
              onLevel(l.level);
            }}
          >
            {s(l.key)}
          </button>
        ))}
      </fieldset>
      {counts.isPending ? (
        <Loading />
      ) : counts.error ? (
        <ErrorAlert error={counts.error} />
      ) : rows.length === 0 ? (
        <Empty>{s('mapEmpty')}</Empty>
      ) : (
        <>
          {dots.length === 0 ? (
            <p className="state">{s('mapNoPoints')}</p>
          ) : (
            // biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; it groups the region buttons.
            <svg
              className="region-map-svg"
              viewBox={`0 0 ${W} ${H}`}
              role="group"
              aria-label={s('mapTitle')}
              data-testid="region-map"
            >
              <rect className="region-map-bg" x="0.5" y="0.5" width={W - 1} height={H - 1} rx="6" />
              {dots.map((d) => (
                // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; role, name, focus and keys are set here.
                <g
                  key={d.row.regionCode}
                  className="region-dot"
                  role="button"
                  tabIndex={0}
                  aria-label={label(d.row)}
                  onClick={() => onChoose(d.row.regionCode)}
                  onKeyDown={onKey(d.row.regionCode)}
                >
                  <circle className="region-dot-hit" cx={d.x} cy={d.y} r={Math.max(d.r, HIT_R)} />
                  <circle className="region-dot-mark" cx={d.x} cy={d.y} r={d.r} />
                  {dots.length <= MAX_LABELS ? (
                    <text
                      className="region-dot-label"
                      x={d.x > W / 2 ? d.x - d.r - 3 : d.x + d.r + 3}
                      y={d.y}
                      textAnchor={d.x > W / 2 ? 'end' : 'start'}
                      dominantBaseline="middle"
                    >
                      {nameOf(d.row)}
                    </text>
                  ) : null}
                </g>
              ))}
            </svg>
          )}
          <div className="region-table-wrap">
            <table className="region-table">
              <caption>{s('mapTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{s('colRegion')}</th>
                  <th scope="col">{s('colTotal')}</th>
                  <th scope="col">{s('colOpen')}</th>
                  <th scope="col">{s('colOnMap')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.regionCode}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => onChoose(r.regionCode)}>
                        {nameOf(r)}
                      </button>
                    </th>
                    <td>{r.total}</td>
                    <td>{r.open}</td>
                    <td>{r.point ? s('onMapYes') : s('onMapNo')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pages={pages} onPage={setTablePage} />
        </>
      )}
    </section>
  );
}
