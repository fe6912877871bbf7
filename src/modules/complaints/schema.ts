// Tables of the complaints module (SP4N-LAPOR!-style handling of pengaduan, aspirasi and permintaan informasi).
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ClockEvent } from '../../lib/working-days';
import type { CloseHow, ComplaintKind, ComplaintStatus, Source, Tier, Visibility } from './states';

/** A category tree per agency, editable by the agency admin. Deadlines may be overridden per category. */
export const categories = pgTable(
  'complaints_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    parentId: uuid('parent_id'),
    /** Stable code shared across agencies ('infrastruktur.jalan'), used to map a category when forwarding. */
    code: text('code').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    tier: text('tier').$type<Tier>().notNull(),
    /** Disaster, health, safety of people: deadline in hours, own queue, on-duty unit notified at once. */
    emergency: boolean('emergency').notNull().default(false),
    /** Reports in this category are always filed as rahasia (e.g. harassment). */
    forceConfidential: boolean('force_confidential').notNull().default(false),
    /** Per-category overrides of the agency settings (null: the agency's default). */
    resolutionDays: integer('resolution_days'),
    emergencyHours: integer('emergency_hours'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('complaints_categories_code_idx').on(t.agencyId, t.code),
    index('complaints_categories_agency_idx').on(t.agencyId),
  ],
);

/** Routing rules of an agency: category × region prefix → handling agency and unit. Most specific wins. */
export const routingRules = pgTable(
  'complaints_routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    /** null: any category. */
    categoryId: uuid('category_id'),
    /** Kemendagri code prefix ('36', '36.73', '36.73.01'); null: any region. */
    regionPrefix: text('region_prefix'),
    targetAgencyId: uuid('target_agency_id').notNull(),
    targetUnitId: uuid('target_unit_id').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('complaints_routing_rules_agency_idx').on(t.agencyId)],
);

/** Per-agency settings; a missing row means the defaults in settings.ts. */
export const agencySettings = pgTable('complaints_agency_settings', {
  agencyId: uuid('agency_id').primaryKey(),
  /** The unit that receives and re-routes (pengelola / admin koordinator); null: found by name. */
  coordinatingUnitId: uuid('coordinating_unit_id'),
  /** The unit on duty for the emergency lane. */
  onDutyUnitId: uuid('on_duty_unit_id'),
  settings: jsonb('settings').$type<Record<string, number>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    /** The handling agency (changes when forwarded); the intake agency is where it was filed. */
    agencyId: uuid('agency_id').notNull(),
    intakeAgencyId: uuid('intake_agency_id').notNull(),
    /** Lead unit handling it (the coordinating unit until disposed). */
    unitId: uuid('unit_id'),
    supportUnitIds: jsonb('support_unit_ids').$type<string[]>().notNull().default([]),
    kind: text('kind').$type<ComplaintKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryId: uuid('category_id'),
    tier: text('tier').$type<Tier>().notNull(),
    emergency: boolean('emergency').notNull().default(false),
    regionCode: text('region_code').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    incidentDate: date('incident_date'),
    visibility: text('visibility').$type<Visibility>().notNull(),
    source: text('source').$type<Source>().notNull(),
    status: text('status').$type<ComplaintStatus>().notNull(),
    /** The status before menunggu_kelengkapan / ditunda, to resume to. */
    resumeStatus: text('resume_status').$type<ComplaintStatus>(),
    closeHow: text('close_how').$type<CloseHow>(),
    /** Archive / postpone / not-authority reason (staff-written, never reporter identity). */
    reason: text('reason'),
    mergedIntoId: uuid('merged_into_id'),
    /** Citizen account that filed it (never shown to officers when anonim). */
    reporterUserId: uuid('reporter_user_id'),
    /** AES-256-GCM of {name, email, phone}; the key lives outside the database. */
    reporterIdentityEnc: text('reporter_identity_enc'),
    reporterHasEmail: boolean('reporter_has_email').notNull().default(false),
    /** SHA-256 of the secret link's token. */
    secretHash: text('secret_hash').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    disposedAt: timestamp('disposed_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Set at the first completion: was the follow-up done by the resolution deadline? */
    completedOnTime: boolean('completed_on_time'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    firstClosedAt: timestamp('first_closed_at', { withTimezone: true }),
    /** The current deadline of the current stage; null while the clock is paused or nothing is due. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Stage deadlines: verification+disposition, follow-up plan, resolution. */
    verifyDueAt: timestamp('verify_due_at', { withTimezone: true }),
    planDueAt: timestamp('plan_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    resolutionDays: integer('resolution_days'),
    /** Start/pause/resume of the resolution clock (computeDeadline). */
    clockEvents: jsonb('clock_events').$type<ClockEvent[]>().notNull().default([]),
    /** Closed by the system after this instant unless the reporter replies (selesai_ditindaklanjuti). */
    autoCloseAt: timestamp('auto_close_at', { withTimezone: true }),
    ratingScore: smallint('rating_score'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('complaints_code_idx').on(t.code),
    index('complaints_agency_status_idx').on(t.agencyId, t.status),
    index('complaints_unit_idx').on(t.unitId),
    index('complaints_due_idx').on(t.dueAt),
    index('complaints_reporter_idx').on(t.reporterUserId),
    index('complaints_region_idx').using('btree', t.regionCode.op('text_pattern_ops')),
    // No trigram index over the text: the searches use similarity() and ilike on title and description
    // separately, which an index on their concatenation cannot serve, and it cost half of each intake's
    // write on PGlite (measured: 61 ms vs 35 ms per batch of 50).
  ],
);

export type EventVisibility = 'public' | 'reporter' | 'internal';

/** The timeline: every move, reply and note. `visibility` decides who may read it. */
export const events = pgTable(
  'complaints_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    visibility: text('visibility').$type<EventVisibility>().notNull(),
    /** 'reporter' | 'staff' | 'system'. */
    actorKind: text('actor_kind').notNull(),
    /** Staff user id (never the reporter's). */
    actorUserId: uuid('actor_user_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    unitId: uuid('unit_id'),
    body: text('body'),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
  },
  (t) => [index('complaints_events_complaint_idx').on(t.complaintId, t.at)],
);

/** Escalation steps taken, one per complaint, step and deadline (idempotent). */
export const escalations = pgTable(
  'complaints_escalations',
  {
    complaintId: uuid('complaint_id').notNull(),
    step: text('step').$type<'reminder' | 'kepala_unit' | 'pimpinan'>().notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    agencyId: uuid('agency_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.step, t.deadline] })],
);

export const replyTemplates = pgTable('complaints_reply_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * Incrementally maintained counters (same transaction as each change): agency × day of receipt (the
 * agency's local date) × dimension × key. A period's figures sum its days: a cohort of reports received
 * then, counted as they stand now.
 */
export const statCounts = pgTable(
  'complaints_stat_counts',
  {
    agencyId: uuid('agency_id').notNull(),
    day: date('day').notNull(),
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day, t.dim, t.key] })],
);

/** One duration per complaint and metric (first response, close), for medians without scanning complaints. */
export const statDurations = pgTable(
  'complaints_stat_durations',
  {
    complaintId: uuid('complaint_id').notNull(),
    metric: text('metric').$type<'first_response' | 'close'>().notNull(),
    agencyId: uuid('agency_id').notNull(),
    /** The agency's local date of receipt, as in statCounts. */
    receivedOn: date('received_on').notNull(),
    seconds: integer('seconds').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.complaintId, t.metric] }),
    index('complaints_stat_durations_agency_idx').on(t.agencyId, t.metric, t.receivedOn),
  ],
);
