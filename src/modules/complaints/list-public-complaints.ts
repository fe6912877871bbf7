// The public side: a feed of non-rahasia reports (identity always redacted: publicView has no identity
// columns at all), counts per region for the map, and the same rows as open data (CSV and JSON).
import { type SQL, and, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import { regions } from '../../core/org/schema';
import { toCsv } from './csv';
import { type PublicComplaint, publicView, publiclyVisible } from './repository';
import { PUBLIC_POINT_DECIMALS } from './public-point';
import { complaints } from './schema';
import type { ComplaintStatus } from './states';

export interface PublicFilter {
  agency?: string;
  q?: string;
  regionCode?: string;
  status?: ComplaintStatus;
  page?: number;
  pageSize?: number;
}

function where(f: PublicFilter): SQL | undefined {
  const w: SQL[] = [];
  if (f.agency) w.push(inArray(complaints.agencyId, sql`(select id from core_agencies where slug = ${f.agency})`));
  if (f.status) w.push(eq(complaints.status, f.status));
  if (f.regionCode)
    w.push(
      or(eq(complaints.regionCode, f.regionCode), sql`starts_with(${complaints.regionCode}, ${`${f.regionCode}.`})`)!,
    );
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    w.push(
      or(ilike(complaints.title, like), ilike(complaints.description, like), eq(complaints.code, f.q.toUpperCase()))!,
    );
  }
  return w.length ? and(...w) : undefined;
}

export async function listPublicComplaints(
  ctx: AppContext,
  f: PublicFilter,
): Promise<{ items: PublicComplaint[]; page: number; pageSize: number; total: number }> {
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const w = where(f);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: count() })
    .from(complaints)
    .where(w ? and(publiclyVisible, w) : publiclyVisible);
  const items = await publicView(ctx.db, w)
    .orderBy(desc(complaints.receivedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, page, pageSize, total: Number(total) };
}

export interface RegionCount {
  regionCode: string;
  regionName: string | null;
  open: number;
  total: number;
  /** Where to draw the region: the mean of its public reports' points, rounded to 0.01° (≈1 km); null without any. */
  point: { lat: number; lon: number } | null;
}

/**
 * Public reports per region at a level (2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan), with the region's
 * name and a representative point for the map, in one query. Only publiclyVisible rows count (never rahasia).
 */
export async function countPublicByRegion(
  ctx: AppContext,
  f: { agency?: string; level: 2 | 3 | 4 },
): Promise<RegionCount[]> {
  const codeExpr = sql<string>`array_to_string((string_to_array(${complaints.regionCode}, '.'))[1:${sql.raw(String(f.level))}], '.')`;
  const located = sql`${complaints.lat} is not null and ${complaints.lon} is not null`;
  const mean = (c: typeof complaints.lat | typeof complaints.lon) => {
    const avg = sql`avg(${c}) filter (where ${located})`;
    return sql<number | string | null>`round((${avg})::numeric, ${sql.raw(String(PUBLIC_POINT_DECIMALS))})::float8`;
  };
  const w = where({ agency: f.agency });
  const rows = await ctx.db
    .select({
      regionCode: codeExpr,
      regionName: regions.name,
      open: sql<number>`count(*) filter (where ${complaints.status} <> 'ditutup')::int`,
      total: sql<number>`count(*)::int`,
      lat: mean(complaints.lat),
      lon: mean(complaints.lon),
    })
    .from(complaints)
    .leftJoin(regions, sql`${regions.code} = ${codeExpr}`)
    .where(w ? and(publiclyVisible, w) : publiclyVisible)
    .groupBy(codeExpr, regions.name)
    .orderBy(codeExpr);
  return rows.map(({ lat, lon, ...r }) => ({
    ...r,
    open: Number(r.open),
    total: Number(r.total),
    point: lat === null || lon === null ? null : { lat: Number(lat), lon: Number(lon) },
  }));
}

export const OPEN_DATA_MAX_ROWS = 50_000;

export async function openData(ctx: AppContext, f: { agency?: string }) {
  const rows = await publicView(ctx.db, where({ agency: f.agency }))
    .orderBy(desc(complaints.receivedAt))
    .limit(OPEN_DATA_MAX_ROWS);
  return rows.map((r) => ({
    code: r.code,
    kind: r.kind,
    title: r.title,
    category: r.categoryName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    agency: r.agencyName,
    unit: r.unitName,
    status: r.status,
    closeHow: r.closeHow,
    receivedAt: r.receivedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}

export function openDataCsv(rows: Awaited<ReturnType<typeof openData>>): string {
  const header = [
    'kode',
    'jenis',
    'judul',
    'kategori',
    'kode_wilayah',
    'wilayah',
    'instansi',
    'unit',
    'status',
    'cara_ditutup',
    'diterima',
    'ditutup',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.code,
      r.kind,
      r.title,
      r.category,
      r.regionCode,
      r.regionName,
      r.agency,
      r.unit,
      r.status,
      r.closeHow,
      r.receivedAt,
      r.closedAt,
    ]),
  );
}
