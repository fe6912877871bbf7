// Reading agencies (instansi): the public list and one agency by slug or id.
import { type SQL, and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/client';
import { notFound } from '../http/errors';
import { text } from '../i18n/messages';
import { type AgencyKind, type TimeZone, agencies, regions, units } from './schema';

export interface AgencyView {
  id: string;
  slug: string;
  name: string;
  kind: AgencyKind;
  regionCode: string | null;
  regionName: string | null;
  parentSlug: string | null;
  timeZone: TimeZone;
  active: boolean;
}

export const agencyNotFound = () => notFound(text('Instansi tidak ditemukan.', 'No such agency.'));

const parent = alias(agencies, 'parent');

function selectAgencies(q: Queryable, where: SQL | undefined) {
  return q
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      kind: agencies.kind,
      regionCode: agencies.regionCode,
      regionName: regions.name,
      parentSlug: parent.slug,
      timeZone: agencies.timeZone,
      active: agencies.active,
    })
    .from(agencies)
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .leftJoin(parent, eq(parent.id, agencies.parentId))
    .where(where)
    .orderBy(asc(agencies.regionCode), asc(agencies.name));
}

export async function listAgencies(
  q: Queryable,
  opts: { kind?: AgencyKind; includeInactive?: boolean } = {},
): Promise<AgencyView[]> {
  const where: SQL[] = [];
  if (opts.kind) where.push(eq(agencies.kind, opts.kind));
  if (!opts.includeInactive) where.push(eq(agencies.active, true));
  return selectAgencies(q, where.length ? and(...where) : undefined);
}

export async function findAgency(q: Queryable, by: { slug: string } | { id: string }): Promise<AgencyView | null> {
  const [row] = await selectAgencies(q, 'slug' in by ? eq(agencies.slug, by.slug) : eq(agencies.id, by.id)).limit(1);
  return row ?? null;
}

export async function getAgency(q: Queryable, slug: string): Promise<AgencyView & { unitCount: number }> {
  const agency = await findAgency(q, { slug });
  if (!agency) throw agencyNotFound();
  const [count] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.agencyId, agency.id), eq(units.active, true)));
  return { ...agency, unitCount: Number(count?.n ?? 0) };
}
