// Online public services: the catalogue (services and their published, versioned standards), applications
// with their workflow history, payments, and the documents issued on completion.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ServiceStandard, FormField, WorkflowStep } from './definition';
import type { ClockEventRow, FieldReturn } from './application-types';

export const services = pgTable(
  'services_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** Short code used in document numbers, e.g. 'SKD'. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull().default(''),
    active: integer('active').notNull().default(1),
    /** The version new applications are filed under. */
    currentVersion: integer('current_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('services_services_agency_idx').on(t.agencyId, t.unitId),
    uniqueIndex('services_services_code_idx').on(t.agencyId, t.code),
    index('services_services_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** One published version of a service's standard, form and workflow. Never changed once written. */
export const serviceVersions = pgTable(
  'services_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    agencyId: uuid('agency_id').notNull(),
    version: integer('version').notNull(),
    standard: jsonb('standard').$type<ServiceStandard>().notNull(),
    /** Rupiah; 0 = free. */
    feeRupiah: bigint('fee_rupiah', { mode: 'number' }).notNull(),
    durationDays: integer('duration_days').notNull(),
    form: jsonb('form').$type<FormField[]>().notNull(),
    workflow: jsonb('workflow').$type<WorkflowStep[]>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by'),
  },
  (t) => [uniqueIndex('services_versions_service_idx').on(t.serviceId, t.version)],
);

export const APPLICATION_STATUSES = [
  'draft',
  'in_review',
  'returned',
  'awaiting_payment',
  'completed',
  'rejected',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const applications = pgTable(
  'services_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => serviceVersions.id),
    trackingCode: text('tracking_code').notNull(),
    /** SHA-256 of the guest's secret link token; null for account holders. */
    accessTokenHash: text('access_token_hash'),
    applicantUserId: uuid('applicant_user_id'),
    applicantName: text('applicant_name').notNull(),
    applicantEmail: text('applicant_email'),
    status: text('status').$type<ApplicationStatus>().notNull(),
    stepIndex: integer('step_index').notNull().default(0),
    /** Form values by field key; file fields hold attachment ids. */
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull(),
    /** While returned: the fields the applicant must fix, with the officer's note for each. */
    returnedFields: jsonb('returned_fields').$type<FieldReturn[]>(),
    returnNote: text('return_note'),
    rejectReason: text('reject_reason'),
    /** The whole clock (start / pause / resume) and the current step's clock. */
    clockEvents: jsonb('clock_events').$type<ClockEventRow[]>().notNull().default([]),
    stepClockEvents: jsonb('step_clock_events').$type<ClockEventRow[]>().notNull().default([]),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    stepDeadlineAt: timestamp('step_deadline_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Completed (or rejected) within the published time limit. */
    onTime: integer('on_time'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('services_applications_tracking_idx').on(t.trackingCode),
    index('services_applications_queue_idx').on(t.agencyId, t.status, t.deadlineAt),
    index('services_applications_service_idx').on(t.serviceId),
    index('services_applications_user_idx').on(t.applicantUserId),
  ],
);

/** What happened to an application, step by step (the basis of per-step durations). */
export const applicationEvents = pgTable(
  'services_application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    agencyId: uuid('agency_id').notNull(),
    stepIndex: integer('step_index'),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    note: text('note'),
    /** For step approvals: working days the step took (pauses excluded). */
    workingDays: integer('working_days'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('services_application_events_app_idx').on(t.applicationId, t.at)],
);

export const payments = pgTable(
  'services_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    agencyId: uuid('agency_id').notNull(),
    code: text('code').notNull(),
    amountRupiah: bigint('amount_rupiah', { mode: 'number' }).notNull(),
    gateway: text('gateway').notNull(),
    reference: text('reference').notNull(),
    instructions: text('instructions').notNull(),
    status: text('status').$type<'pending' | 'paid'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('services_payments_code_idx').on(t.code),
    uniqueIndex('services_payments_app_idx').on(t.applicationId),
  ],
);

/** Webhook event ids already processed: a replayed event is refused. */
export const webhookEvents = pgTable('services_webhook_events', {
  eventId: text('event_id').primaryKey(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
});

export const documents = pgTable(
  'services_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    agencyId: uuid('agency_id').notNull(),
    number: text('number').notNull(),
    /** The canonical content the PDF carries and the signature covers. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    contentDigest: text('content_digest').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id').notNull(),
    fileSha256: text('file_sha256').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('services_documents_app_idx').on(t.applicationId),
    uniqueIndex('services_documents_number_idx').on(t.agencyId, t.number),
  ],
);
