// Seeds the demo government (see demo-org-data.ts): nine agencies, their OPD trees, each kabupaten/kota's
// kecamatan as units (from the region data) and Kota Serang's kelurahan under its kecamatan.
// Bulk inserts in one transaction: about 800 units in a few statements.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { AppContext } from '../context';
import { DEMO_AGENCIES, DEMO_KELURAHAN_AGENCY, type DemoUnit, demoOpd } from './demo-org-data';
import { agencies, regions, units } from './schema';
import { defaultTimeZoneFor } from './time-zones';
import { childPath } from './unit-tree';

export interface DemoOrg {
  /** agency slug -> id */
  agencies: Map<string, string>;
  /**
   * `${agencySlug}/${unitName}` -> id for every unit whose name is unique in its agency, and
   * `${agencySlug}/${parentName}/${unitName}` for every unit with a parent (Kota Serang has two
   * "Kelurahan Sukawana": 'kota-serang/Kecamatan Curug/Kelurahan Sukawana').
   */
  units: Map<string, string>;
}

type UnitRow = typeof units.$inferInsert & { id: string; path: string; depth: number };

export async function seedDemoOrg(ctx: AppContext): Promise<DemoOrg> {
  const now = ctx.clock.now();
  const agencyIds = new Map(DEMO_AGENCIES.map((a) => [a.slug, randomUUID()]));
  const provinceId = agencyIds.get('banten')!;
  const localCodes = DEMO_AGENCIES.filter((a) => a.kind !== 'provinsi').map((a) => a.regionCode);
  const kecamatan = await ctx.db
    .select({ code: regions.code, name: regions.name, parentCode: regions.parentCode })
    .from(regions)
    .where(and(eq(regions.level, 3), inArray(regions.parentCode, localCodes)))
    .orderBy(asc(regions.code));
  const kelurahanAgency = DEMO_AGENCIES.find((a) => a.slug === DEMO_KELURAHAN_AGENCY)!;
  const kelurahan = await ctx.db
    .select({ code: regions.code, name: regions.name, parentCode: regions.parentCode })
    .from(regions)
    .where(and(eq(regions.level, 4), like(regions.code, `${kelurahanAgency.regionCode}.%`)))
    .orderBy(asc(regions.code));

  const rows: UnitRow[] = [];
  const names: { slug: string; name: string; parentName: string | null; id: string }[] = [];
  const add = (slug: string, spec: DemoUnit & { regionCode?: string }, parent: UnitRow | null): UnitRow => {
    const id = randomUUID();
    const row: UnitRow = {
      id,
      agencyId: agencyIds.get(slug)!,
      parentId: parent?.id ?? null,
      name: spec.name,
      kind: spec.kind,
      path: childPath(parent?.path ?? null, id),
      depth: parent ? parent.depth + 1 : 0,
      regionCode: spec.regionCode ?? null,
      createdAt: now,
    };
    rows.push(row);
    names.push({ slug, name: spec.name, parentName: parent?.name ?? null, id });
    for (const c of spec.children ?? []) add(slug, c, row);
    return row;
  };
  for (const a of DEMO_AGENCIES) {
    for (const opd of demoOpd(a.kind)) add(a.slug, opd, null);
    if (a.kind === 'provinsi') continue;
    for (const k of kecamatan.filter((r) => r.parentCode === a.regionCode)) {
      const kec = add(a.slug, { name: `Kecamatan ${k.name}`, kind: 'kecamatan', regionCode: k.code }, null);
      if (a.slug !== DEMO_KELURAHAN_AGENCY) continue;
      for (const v of kelurahan.filter((r) => r.parentCode === k.code)) {
        add(a.slug, { name: `Kelurahan ${v.name}`, kind: 'kelurahan', regionCode: v.code }, kec);
      }
    }
  }

  await ctx.db.transaction(async (tx) => {
    await tx.insert(agencies).values(
      DEMO_AGENCIES.map((a) => ({
        id: agencyIds.get(a.slug)!,
        slug: a.slug,
        name: a.name,
        kind: a.kind,
        regionCode: a.regionCode,
        parentId: a.kind === 'provinsi' ? null : provinceId,
        timeZone: defaultTimeZoneFor(a.regionCode),
        createdAt: now,
      })),
    );
    for (let i = 0; i < rows.length; i += 500) await tx.insert(units).values(rows.slice(i, i + 500));
    await recordAudit(tx, {
      actor: { kind: 'system', name: 'seed-demo' },
      action: 'org.demo_seeded',
      entityType: 'agency',
      entityId: provinceId,
      agencyId: provinceId,
      meta: { agencies: DEMO_AGENCIES.length, units: rows.length },
      at: now,
    });
  });

  const count = new Map<string, number>();
  for (const n of names) count.set(`${n.slug}/${n.name}`, (count.get(`${n.slug}/${n.name}`) ?? 0) + 1);
  const unitMap = new Map<string, string>();
  for (const n of names) {
    if (count.get(`${n.slug}/${n.name}`) === 1) unitMap.set(`${n.slug}/${n.name}`, n.id);
    if (n.parentName !== null) unitMap.set(`${n.slug}/${n.parentName}/${n.name}`, n.id);
  }
  return { agencies: agencyIds, units: unitMap };
}
