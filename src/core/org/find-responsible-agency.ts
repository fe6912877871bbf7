// "No wrong door": the local government responsible for a place. A desa/kelurahan or kecamatan belongs to
// the kabupaten/kota whose code is its first two segments (36.73.01.1001 → 36.73); where that
// kabupaten/kota has no agency on this platform, the province (36) answers.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { agencies } from './schema';

export interface ResponsibleAgency {
  id: string;
  slug: string;
  name: string;
  kind: string;
  regionCode: string;
  timeZone: string;
}

export async function findResponsibleAgency(q: Queryable, regionCode: string): Promise<ResponsibleAgency | null> {
  const parts = regionCode.split('.');
  const candidates = [parts[0]!, ...(parts.length >= 2 ? [parts.slice(0, 2).join('.')] : [])];
  const [row] = await q
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      kind: agencies.kind,
      regionCode: sql<string>`${agencies.regionCode}`,
      timeZone: agencies.timeZone,
    })
    .from(agencies)
    .where(
      and(
        inArray(agencies.regionCode, candidates),
        ne(agencies.kind, 'kementerian_lembaga'),
        eq(agencies.active, true),
      ),
    )
    // The kabupaten/kota (longer code) before the province.
    .orderBy(desc(sql`length(${agencies.regionCode})`))
    .limit(1);
  return row ?? null;
}
