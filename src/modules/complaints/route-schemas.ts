// TypeBox schemas of the complaints routes. Every string and array is bounded.
import { type TSchema, Type } from 'typebox';
import { STAFF_ACTIONS, STAFF_CLOSE_HOWS } from './change-status';
import { CLOSE_HOWS, KINDS, SOURCES, STATUSES, TIERS, VISIBILITIES } from './states';
import { CODE_PATTERN } from './tracking-code';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.Unsafe<Date>(Type.String({ format: 'date-time' }));
const Day = Type.String({ format: 'date', maxLength: 10 });
export const TextPair = Type.Object({ id: Type.String(), en: Type.String() });
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 });
const DesaCode = Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$', maxLength: 13 });
const RegionPrefix = Type.String({ pattern: '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$', maxLength: 13 });
const Status = Type.Enum(STATUSES);
const Kind = Type.Enum(KINDS);
const Source = Type.Enum(SOURCES);
const Tier = Type.Enum(TIERS);
const Visibility = Type.Enum(VISIBILITIES);
const CloseHow = Type.Enum(CLOSE_HOWS);
const Message = Type.String({ minLength: 1, maxLength: 5000 });
const Attachments = Type.Array(Type.Object({ id: Uuid, claimToken: Type.String({ minLength: 1, maxLength: 200 }) }), {
  maxItems: 10,
});
export const Ok = Type.Object({ ok: Type.Boolean() });

export const CodeParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9 -]{1,20}$', minLength: 1, maxLength: 20 }),
});
export const IdParams = Type.Object({ id: Uuid });
export const SecretHeaders = Type.Object({
  'x-tracking-secret': Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export { CODE_PATTERN };

// ---- citizen / public ---------------------------------------------------------------------------------

export const SubmitBody = Type.Object({
  agency: Slug,
  kind: Kind,
  title: Type.String({ minLength: 5, maxLength: 200 }),
  description: Type.String({ minLength: 10, maxLength: 10_000 }),
  categoryId: Type.Optional(Nullable(Uuid)),
  regionCode: DesaCode,
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
  lon: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180 }))),
  incidentDate: Type.Optional(Nullable(Day)),
  visibility: Type.Optional(Visibility),
  reporter: Type.Optional(
    Type.Object({
      name: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
      email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
      phone: Type.Optional(Nullable(Type.String({ pattern: '^[+0-9 ()-]{6,20}$', maxLength: 20 }))),
    }),
  ),
  attachments: Type.Optional(Attachments),
});

export const Submitted = Type.Object({
  code: Type.String(),
  secret: Type.String(),
  trackingUrl: Type.String(),
  status: Status,
  statusLabel: TextPair,
  agencyName: Type.String(),
  forwarded: Type.Boolean(),
  dueAt: Nullable(DateTime),
});

export const CategoriesQuery = Type.Object({ agency: Slug });
export const Category = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  code: Type.String(),
  nameId: Type.String(),
  nameEn: Type.String(),
  tier: Tier,
  emergency: Type.Boolean(),
  forceConfidential: Type.Boolean(),
  resolutionDays: Nullable(Type.Integer()),
  emergencyHours: Nullable(Type.Integer()),
  active: Type.Boolean(),
});

export const SimilarQuery = Type.Object({
  regionCode: DesaCode,
  categoryId: Type.Optional(Uuid),
  text: Type.String({ minLength: 3, maxLength: 300 }),
});
export const SimilarPublic = Type.Array(
  Type.Object({
    code: Type.String(),
    title: Type.String(),
    status: Status,
    statusLabel: TextPair,
    receivedAt: DateTime,
  }),
);

const TimelineEntry = Type.Object({
  at: DateTime,
  kind: Type.String(),
  status: Nullable(Status),
  statusLabel: Nullable(TextPair),
  label: TextPair,
  unitName: Nullable(Type.String()),
  author: Type.String(),
});
const ReporterTimelineEntry = Type.Object({
  ...TimelineEntry.properties,
  note: Nullable(Type.String()),
  internal: Type.Optional(Type.Boolean()),
});

export const Tracked = Type.Object({
  code: Type.String(),
  kind: Type.String(),
  complaintKind: Kind,
  status: Status,
  statusLabel: TextPair,
  closeHow: Nullable(CloseHow),
  receivedAt: DateTime,
  timeline: Type.Array(TimelineEntry),
  /** Present only for the reporter (secret link or own account). */
  report: Type.Optional(
    Type.Object({
      title: Type.String(),
      description: Type.String(),
      categoryName: Nullable(Type.String()),
      regionCode: Type.String(),
      regionName: Nullable(Type.String()),
      visibility: Visibility,
      agencyName: Type.String(),
      unitName: Nullable(Type.String()),
      dueAt: Nullable(DateTime),
      closedAt: Nullable(DateTime),
      ratingScore: Nullable(Type.Integer()),
      ratingComment: Nullable(Type.String()),
      canReply: Type.Boolean(),
      canRate: Type.Boolean(),
      canReopen: Type.Boolean(),
      canClose: Type.Boolean(),
      timeline: Type.Array(ReporterTimelineEntry),
    }),
  ),
});

export const ReplyBody = Type.Object({ body: Message, attachments: Type.Optional(Attachments) });
export const RateBody = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const ReopenBody = Type.Object({ reason: Message });

export const PageQuery = Type.Object({ page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }) });
export const MyList = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      kind: Kind,
      title: Type.String(),
      status: Status,
      statusLabel: TextPair,
      receivedAt: DateTime,
      closedAt: Nullable(DateTime),
    }),
  ),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const FeedQuery = Type.Object({
  agency: Type.Optional(Slug),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  regionCode: Type.Optional(RegionPrefix),
  status: Type.Optional(Status),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});
const PublicItem = Type.Object({
  code: Type.String(),
  kind: Kind,
  title: Type.String(),
  description: Type.String(),
  categoryName: Nullable(Type.String()),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  status: Status,
  statusLabel: TextPair,
  closeHow: Nullable(CloseHow),
  agencyName: Type.String(),
  unitName: Nullable(Type.String()),
  receivedAt: DateTime,
  closedAt: Nullable(DateTime),
});
export const FeedPage = Type.Object({
  items: Type.Array(PublicItem),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
export const RegionCountsQuery = Type.Object({
  agency: Type.Optional(Slug),
  level: Type.Union([Type.Literal(2), Type.Literal(3), Type.Literal(4)], { default: 3 }),
});
export const RegionCounts = Type.Array(
  Type.Object({
    regionCode: Type.String(),
    regionName: Nullable(Type.String()),
    open: Type.Integer(),
    total: Type.Integer(),
    // The mean of the region's public report points, rounded to 0.01° (≈1 km); null when none has a point.
    point: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
  }),
);
export const OpenDataQuery = Type.Object({ agency: Type.Optional(Slug) });
export const OpenDataJson = Type.Object({
  license: Type.String(),
  generatedAt: DateTime,
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      kind: Kind,
      title: Type.String(),
      category: Nullable(Type.String()),
      regionCode: Type.String(),
      regionName: Nullable(Type.String()),
      agency: Type.String(),
      unit: Nullable(Type.String()),
      status: Status,
      closeHow: Nullable(CloseHow),
      receivedAt: Type.String(),
      closedAt: Nullable(Type.String()),
    }),
  ),
});

// ---- staff ---------------------------------------------------------------------------------------------

export const InboxQuery = Type.Object({
  status: Type.Optional(Type.Array(Status, { maxItems: 10 })),
  overdue: Type.Optional(Type.Boolean()),
  emergency: Type.Optional(Type.Boolean()),
  categoryId: Type.Optional(Uuid),
  regionCode: Type.Optional(RegionPrefix),
  source: Type.Optional(Source),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});
const InboxItem = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: Kind,
  title: Type.String(),
  categoryId: Nullable(Uuid),
  categoryName: Nullable(Type.String()),
  tier: Tier,
  emergency: Type.Boolean(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  visibility: Visibility,
  source: Source,
  status: Status,
  statusLabel: TextPair,
  closeHow: Nullable(CloseHow),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  receivedAt: DateTime,
  dueAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  overdue: Type.Boolean(),
});
export const InboxPage = Type.Object({
  items: Type.Array(InboxItem),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

const StaffTimelineEntry = Type.Object({
  ...TimelineEntry.properties,
  note: Nullable(Type.String()),
  visibility: Type.String(),
  meta: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export const Detail = Type.Object({
  ...InboxItem.properties,
  agencyId: Uuid,
  agencyName: Type.String(),
  description: Type.String(),
  supportUnitIds: Type.Array(Uuid),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  incidentDate: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  mergedIntoCode: Nullable(Type.String()),
  verifyDueAt: Nullable(DateTime),
  planDueAt: Nullable(DateTime),
  resolutionDueAt: Nullable(DateTime),
  autoCloseAt: Nullable(DateTime),
  ratingScore: Nullable(Type.Integer()),
  ratingComment: Nullable(Type.String()),
  reporter: Nullable(
    Type.Object({ name: Nullable(Type.String()), email: Nullable(Type.String()), phone: Nullable(Type.String()) }),
  ),
  timeline: Type.Array(StaffTimelineEntry),
  escalations: Type.Array(Type.Object({ step: Type.String(), deadline: DateTime, at: DateTime })),
  attachments: Type.Array(Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer() })),
  similar: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      title: Type.String(),
      status: Status,
      receivedAt: DateTime,
      score: Type.Number(),
    }),
  ),
  /** The SP4N-LAPOR! tracking ID of an imported report. */
  laporTrackingId: Type.Optional(Nullable(Type.String())),
});

export const ChangeResult = Type.Object({
  id: Uuid,
  code: Type.String(),
  status: Status,
  statusLabel: TextPair,
  unitId: Nullable(Uuid),
  agencyId: Uuid,
  dueAt: Nullable(DateTime),
});
export const VerifyBody = Type.Object({
  kind: Type.Optional(Kind),
  categoryId: Type.Optional(Uuid),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const DisposeBody = Type.Object({
  unitId: Uuid,
  supportUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const NotAuthorityBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 2000 }) });
export const RerouteBody = Type.Object({
  agency: Type.Optional(Slug),
  unitId: Type.Optional(Nullable(Uuid)),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const TransitionBody = Type.Object({
  action: Type.Enum(STAFF_ACTIONS),
  message: Type.Optional(Type.String({ maxLength: 5000 })),
  closeHow: Type.Optional(Type.Enum(STAFF_CLOSE_HOWS)),
});
export const StaffReplyBody = Type.Object({
  body: Type.Optional(Type.String({ maxLength: 5000 })),
  templateId: Type.Optional(Uuid),
  attachments: Type.Optional(Attachments),
});
export const NoteBody = Type.Object({ body: Message });
export const MergeBody = Type.Object({ intoId: Uuid });
export const BulkBody = Type.Object({
  action: Type.Union([Type.Literal('verify'), Type.Literal('dispose'), Type.Literal('archive')]),
  ids: Type.Array(Uuid, { minItems: 1, maxItems: 100 }),
  unitId: Type.Optional(Uuid),
  supportUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
  message: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
});
export const BulkResults = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Uuid,
      ok: Type.Boolean(),
      status: Type.Optional(Status),
      error: Type.Optional(Type.Object({ code: Type.String(), messages: TextPair })),
    }),
  ),
});

export const CategoryBody = Type.Object({
  parentId: Type.Optional(Nullable(Uuid)),
  code: Type.String({ pattern: '^[a-z0-9_.-]{2,60}$', maxLength: 60 }),
  nameId: Type.String({ minLength: 2, maxLength: 150 }),
  nameEn: Type.String({ minLength: 2, maxLength: 150 }),
  tier: Tier,
  emergency: Type.Optional(Type.Boolean()),
  forceConfidential: Type.Optional(Type.Boolean()),
  resolutionDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 60 }))),
  emergencyHours: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 72 }))),
  active: Type.Optional(Type.Boolean()),
});
export const CategoryPatch = Type.Partial(CategoryBody);
export const RoutingRuleBody = Type.Object({
  categoryId: Type.Optional(Nullable(Uuid)),
  regionPrefix: Type.Optional(Nullable(RegionPrefix)),
  targetUnitId: Uuid,
});
export const RoutingRule = Type.Object({
  id: Uuid,
  categoryId: Nullable(Uuid),
  categoryName: Nullable(Type.String()),
  regionPrefix: Nullable(Type.String()),
  targetAgencyId: Uuid,
  targetAgencyName: Type.String(),
  targetUnitId: Uuid,
  targetUnitName: Type.String(),
  active: Type.Boolean(),
});
const Days = (max: number) => Type.Integer({ minimum: 0, maximum: max });
export const SettingsBody = Type.Object({
  verifyDays: Type.Optional(Days(30)),
  planDays: Type.Optional(Days(30)),
  ringanDays: Type.Optional(Days(60)),
  normatifDays: Type.Optional(Days(60)),
  tidakBerkadarDays: Type.Optional(Days(60)),
  berkadarDays: Type.Optional(Days(60)),
  autoCloseDays: Type.Optional(Days(60)),
  reopenDays: Type.Optional(Days(60)),
  reminderBeforeDays: Type.Optional(Days(10)),
  escalateAfterDays: Type.Optional(Days(30)),
  emergencyHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 72 })),
  routingAutoAssignPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  coordinatingUnitId: Type.Optional(Nullable(Uuid)),
  onDutyUnitId: Type.Optional(Nullable(Uuid)),
});
export const Settings = Type.Object({
  verifyDays: Type.Integer(),
  planDays: Type.Integer(),
  ringanDays: Type.Integer(),
  normatifDays: Type.Integer(),
  tidakBerkadarDays: Type.Integer(),
  berkadarDays: Type.Integer(),
  autoCloseDays: Type.Integer(),
  reopenDays: Type.Integer(),
  reminderBeforeDays: Type.Integer(),
  escalateAfterDays: Type.Integer(),
  emergencyHours: Type.Integer(),
  routingAutoAssignPercent: Type.Integer(),
  coordinatingUnitId: Nullable(Uuid),
  onDutyUnitId: Nullable(Uuid),
});
export const Template = Type.Object({ id: Uuid, title: Type.String(), body: Type.String() });
export const TemplateBody = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 150 }),
  body: Type.String({ minLength: 2, maxLength: 5000 }),
});
export const StatsBody = Type.Record(Type.String(), Type.Unknown());
/** Days of receipt (the agency's local dates), both ends included. */
export const StatsQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) });
