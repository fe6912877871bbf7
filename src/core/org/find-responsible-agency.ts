// "No wrong door": the local government responsible for a place. A desa/kelurahan or kecamatan belongs to
// the kabupaten/kota whose code is its first two segments (36.73.01.1001 → 36.73); where that
// kabupaten/kota has no agency on this platform, the province (36) answers.
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

export type ResponsibleAgency = {
  id: string;
  slug: string;
  name: string;
  kind: string;
  regionCode: string;
  timeZone: string;
};

/**
 * The rule as SQL, for a region code given as an SQL expression: a subquery of at most one row with the
 * columns of ResponsibleAgency, to use as `cross join lateral (…) x` over many codes at once.
 */
export function responsibleAgencySql(regionCode: SQL): SQL {
  return sql`
    select a.id, a.slug, a.name, a.kind, a.region_code as "regionCode", a.time_zone as "timeZone"
    from core_agencies a
    where a.region_code in (split_part(${regionCode}, '.', 1),
                            split_part(${regionCode}, '.', 1) || '.' || split_part(${regionCode}, '.', 2))
      and a.kind <> 'kementerian_lembaga' and a.active
    -- The kabupaten/kota (longer code) before the province.
    order by length(a.region_code) desc
    limit 1`;
}

export async function findResponsibleAgency(q: Queryable, regionCode: string): Promise<ResponsibleAgency | null> {
  const r = await q.execute<ResponsibleAgency>(responsibleAgencySql(sql`${regionCode}::text`));
  return r.rows[0] ?? null;
}
