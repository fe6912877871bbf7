// Regions (Kepmendagri codes), agencies (instansi) and their unit trees.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** level: 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan. Code like 36.03.12.2005. */
export const regions = pgTable(
  'core_regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [
    index('core_regions_parent_idx').on(t.parentCode),
    // Code-prefix search ('36.73%') whatever the database collation.
    index('core_regions_code_prefix_idx').using('btree', t.code.op('text_pattern_ops')),
    index('core_regions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

export const AGENCY_KINDS = ['provinsi', 'kabupaten', 'kota', 'kementerian_lembaga'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

export const agencies = pgTable(
  'core_agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short stable slug, e.g. 'banten', 'kota-serang'; Open311 jurisdiction_id. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<AgencyKind>().notNull(),
    /** Province code (2 segments) or kabupaten/kota code (4); null for kementerian/lembaga. */
    regionCode: text('region_code'),
    parentId: uuid('parent_id'),
    timeZone: text('time_zone').$type<TimeZone>().notNull().default('Asia/Jakarta'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('core_agencies_slug_idx').on(t.slug), index('core_agencies_region_idx').on(t.regionCode)],
);

export const UNIT_KINDS = [
  'opd',
  'bidang',
  'seksi',
  'bagian',
  'upt',
  'kecamatan',
  'kelurahan',
  'desa',
  'lainnya',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const units = pgTable(
  'core_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    /** Materialised path of ids ('/a/b/c/'), so "this unit and below" is one prefix match. */
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    /** Kecamatan/kelurahan units carry their region. */
    regionCode: text('region_code'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('core_units_agency_idx').on(t.agencyId),
    index('core_units_path_idx').using('btree', t.path.op('text_pattern_ops')),
    uniqueIndex('core_units_sibling_name_idx').on(
      t.agencyId,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.name,
    ),
  ],
);
