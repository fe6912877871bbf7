// Region look-ups for the citizen forms and the complaint router: search by name (trigram index) or by
// code prefix, and one region with its ancestors (provinsi → kabupaten/kota → kecamatan).
import { type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { regions } from './schema';

/** Kepmendagri code of any level: 36 · 36.73 · 36.73.01 · 36.73.01.1001. */
export const REGION_CODE_PATTERN = '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$';

export interface RegionView {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}
export interface RegionWithAncestors extends RegionView {
  /** From the province down to the parent. */
  ancestors: RegionView[];
}

/** The codes above a region, province first: '36.03.12.2005' → ['36', '36.03', '36.03.12']. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

const view = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  parentCode: regions.parentCode,
};

async function withAncestors(q: Queryable, rows: RegionView[]): Promise<RegionWithAncestors[]> {
  const codes = [...new Set(rows.flatMap((r) => ancestorCodes(r.code)))];
  const found = codes.length ? await q.select(view).from(regions).where(inArray(regions.code, codes)) : [];
  const byCode = new Map(found.map((r) => [r.code, r]));
  return rows.map((r) => ({
    ...r,
    ancestors: ancestorCodes(r.code).flatMap((c) => {
      const a = byCode.get(c);
      return a ? [a] : [];
    }),
  }));
}

export interface RegionSearch {
  /** Part of a name ('cipocok'), or the start of a code ('36.73'). */
  q?: string;
  level?: number;
  parent?: string;
  page: number;
  pageSize: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchRegions(
  q: Queryable,
  s: RegionSearch,
): Promise<{ items: RegionWithAncestors[]; total: number; page: number; pageSize: number }> {
  const where: SQL[] = [];
  const order: SQL[] = [];
  const term = s.q?.trim() ?? '';
  if (/^[0-9.]+$/.test(term)) {
    where.push(sql`${regions.code} like ${`${term}%`}`);
  } else if (term) {
    const lower = term.toLowerCase();
    where.push(sql`${regions.name} ilike ${`%${escapeLike(term)}%`}`);
    // Exact names first, then names starting with the term, then the rest.
    order.push(
      sql`case when lower(${regions.name}) = ${lower} then 0 when lower(${regions.name}) like ${`${escapeLike(lower)}%`} then 1 else 2 end`,
    );
  }
  if (s.level !== undefined) where.push(eq(regions.level, s.level));
  if (s.parent !== undefined) where.push(eq(regions.parentCode, s.parent));
  const cond = where.length ? and(...where) : undefined;
  const [count] = await q.select({ n: sql<number>`count(*)::int` }).from(regions).where(cond);
  const rows = await q
    .select(view)
    .from(regions)
    .where(cond)
    .orderBy(...order, asc(regions.level), asc(regions.name), asc(regions.code))
    .limit(s.pageSize)
    .offset((s.page - 1) * s.pageSize);
  return { items: await withAncestors(q, rows), total: Number(count?.n ?? 0), page: s.page, pageSize: s.pageSize };
}

export async function getRegion(
  q: Queryable,
  code: string,
): Promise<(RegionWithAncestors & { children: number }) | null> {
  const [row] = await q.select(view).from(regions).where(eq(regions.code, code)).limit(1);
  if (!row) return null;
  const [count] = await q.select({ n: sql<number>`count(*)::int` }).from(regions).where(eq(regions.parentCode, code));
  const [full] = await withAncestors(q, [row]);
  return { ...full!, children: Number(count?.n ?? 0) };
}
