// TypeBox schemas of the core/org routes (regions, agencies, units).
import { type TSchema, Type } from 'typebox';
import { AGENCY_KINDS, TIME_ZONES, UNIT_KINDS } from './schema';
import { REGION_CODE_PATTERN } from './search-regions';

export const Uuid = Type.String({ format: 'uuid' });
export const RegionCode = Type.String({ pattern: REGION_CODE_PATTERN, maxLength: 13 });
export const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  parentCode: Nullable(Type.String()),
});
export const RegionWithAncestors = Type.Object({ ...Region.properties, ancestors: Type.Array(Region) });
export const RegionDetail = Type.Object({
  ...RegionWithAncestors.properties,
  children: Type.Integer(),
  responsibleAgency: Nullable(Type.Object({ slug: Type.String(), name: Type.String() })),
});
export const RegionQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  parent: Type.Optional(RegionCode),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
});
export const RegionPage = Type.Object({
  items: Type.Array(RegionWithAncestors),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export const RegionParams = Type.Object({ code: RegionCode });

export const AgencyKind = Type.Enum(AGENCY_KINDS);
export const TimeZone = Type.Enum(TIME_ZONES);
export const Agency = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  kind: AgencyKind,
  regionCode: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  parentSlug: Nullable(Type.String()),
  timeZone: TimeZone,
  active: Type.Boolean(),
});
export const AgencyDetail = Type.Object({ ...Agency.properties, unitCount: Type.Integer() });
export const AgencyListQuery = Type.Object({
  kind: Type.Optional(AgencyKind),
  includeInactive: Type.Boolean({ default: false }),
});
export const SlugParams = Type.Object({ slug: Slug });
export const CreateAgencyBody = Type.Object({
  slug: Slug,
  name: Name,
  kind: AgencyKind,
  regionCode: Nullable(RegionCode),
  timeZone: Type.Optional(TimeZone),
});
export const UpdateAgencyBody = Type.Object({
  name: Type.Optional(Name),
  timeZone: Type.Optional(TimeZone),
  active: Type.Optional(Type.Boolean()),
});

export const UnitKind = Type.Enum(UNIT_KINDS);
export const Unit = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  parentId: Nullable(Uuid),
  name: Type.String(),
  kind: UnitKind,
  regionCode: Nullable(Type.String()),
  depth: Type.Integer(),
  path: Type.String(),
  active: Type.Boolean(),
});
export const UnitTree = Type.Object({
  agency: Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() }),
  /** Depth first, siblings by name: a parent always comes before its children. */
  units: Type.Array(Unit),
});
export const UnitTreeQuery = Type.Object({ includeInactive: Type.Boolean({ default: false }) });
export const UnitParams = Type.Object({ id: Uuid });
export const CreateUnitBody = Type.Object({
  name: Name,
  kind: UnitKind,
  parentId: Type.Optional(Nullable(Uuid)),
  regionCode: Type.Optional(Nullable(RegionCode)),
});
export const UpdateUnitBody = Type.Object({
  name: Type.Optional(Name),
  kind: Type.Optional(UnitKind),
  parentId: Type.Optional(Nullable(Uuid)),
  regionCode: Type.Optional(Nullable(RegionCode)),
  active: Type.Optional(Type.Boolean()),
});
