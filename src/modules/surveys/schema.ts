// Tables of the satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB 14/2017).
//
// surveys_responses holds one row per response: nine smallint answers u1..u9 (1..4, all required), the
// respondent profile as codes, no name and nothing that identifies the respondent. A response that came
// through an invitation carries only `dedupe_hash` (SHA-256 of the transaction), so a transaction is
// answered at most once; the hash is never selected by any API.
//
// surveys_totals is the per-day roll-up a report reads (sum of each element, number of responses and
// profile counts per unit, service and day). It is filled by a statement-level trigger
// (sql/010_surveys_totals.sql) in the same transaction as the responses, so reports over a million
// responses aggregate a few hundred rows instead of a million. Responses are append-only (the same file
// rejects UPDATE, DELETE and TRUNCATE), so the roll-up cannot drift from them.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
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
import type { WeightConvention } from './ikm';

/** Agency-wide survey settings. */
export const surveySettings = pgTable('surveys_settings', {
  agencyId: uuid('agency_id').primaryKey(),
  /** Weight convention of every report of the agency: exact 1/9, or the printed roundings 0.111 / 0.11. */
  weight: text('weight').$type<WeightConvention>().notNull().default('exact'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A unit's own questions: asked after the nine elements, never part of the index. */
export const surveyQuestions = pgTable(
  'surveys_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    position: integer('position').notNull(),
    textId: text('text_id').notNull(),
    textEn: text('text_en').notNull(),
    /** 'scale': answered 1..4; 'text': free text. */
    kind: text('kind').$type<'scale' | 'text'>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('surveys_questions_unit_idx').on(t.unitId, t.position)],
);

/** A tablet at a service counter: opens the survey without a login. */
export const surveyKiosks = pgTable(
  'surveys_kiosks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    /** In the kiosk's address; grants only rate-limited anonymous responses for this unit. */
    token: text('token').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('surveys_kiosks_token_idx').on(t.token), index('surveys_kiosks_unit_idx').on(t.unitId)],
);

/** One respondent's turn at a kiosk or on the unit's public link: at most one response each. */
export const surveySessions = pgTable(
  'surveys_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    kioskId: uuid('kiosk_id'),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('surveys_sessions_token_idx').on(t.tokenHash)],
);

/** One invitation per finished transaction (closed complaint, completed service application). */
export const surveyInvitations = pgTable(
  'surveys_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    serviceId: uuid('service_id'),
    transactionType: text('transaction_type').$type<'complaint' | 'application'>().notNull(),
    transactionId: text('transaction_id').notNull(),
    /** The single-use link's secret; shown on the transaction's tracking page and sent by e-mail. */
    token: text('token').notNull(),
    /** Day (in the agency's time zone) the transaction finished: the population of that period. */
    finishedOn: date('finished_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('surveys_invitations_token_idx').on(t.token),
    uniqueIndex('surveys_invitations_transaction_idx').on(t.transactionType, t.transactionId),
    index('surveys_invitations_unit_day_idx').on(t.unitId, t.finishedOn),
    index('surveys_invitations_agency_day_idx').on(t.agencyId, t.finishedOn),
  ],
);

const answer = (name: string) => smallint(name).notNull();

export const surveyResponses = pgTable(
  'surveys_responses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    serviceId: uuid('service_id'),
    channel: text('channel').$type<'invitation' | 'kiosk' | 'public'>().notNull(),
    /** Day of the response in the agency's time zone; no time of day is kept. */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    u1: answer('u1'),
    u2: answer('u2'),
    u3: answer('u3'),
    u4: answer('u4'),
    u5: answer('u5'),
    u6: answer('u6'),
    u7: answer('u7'),
    u8: answer('u8'),
    u9: answer('u9'),
    jenisKelamin: text('jenis_kelamin'),
    /** Age group code (umurGroupOf); the age in years is not kept. */
    umur: text('umur'),
    pendidikan: text('pendidikan'),
    pekerjaan: text('pekerjaan'),
    suggestion: text('suggestion'),
    /** Answers to the unit's own questions: { questionId: 1..4 | text }. */
    extra: jsonb('extra').$type<Record<string, number | string>>(),
    /** SHA-256 of the invitation's transaction; only to refuse a second response. Never exposed. */
    dedupeHash: text('dedupe_hash'),
  },
  (t) => [
    check(
      'surveys_responses_answers_check',
      sql`${t.u1} between 1 and 4 and ${t.u2} between 1 and 4 and ${t.u3} between 1 and 4 and ${t.u4} between 1 and 4 and ${t.u5} between 1 and 4 and ${t.u6} between 1 and 4 and ${t.u7} between 1 and 4 and ${t.u8} between 1 and 4 and ${t.u9} between 1 and 4`,
    ),
    uniqueIndex('surveys_responses_dedupe_idx').on(t.dedupeHash),
    index('surveys_responses_unit_day_idx').on(t.unitId, t.submittedOn),
    index('surveys_responses_suggestion_idx').on(t.unitId, t.submittedOn).where(sql`${t.suggestion} is not null`),
    index('surveys_responses_extra_idx').on(t.unitId, t.submittedOn).where(sql`${t.extra} is not null`),
  ],
);

const total = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/** Per unit, service and day: number of responses, sum of each element, profile counts. */
export const surveyTotals = pgTable(
  'surveys_totals',
  {
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** The service, or the nil uuid for responses not tied to a service. */
    serviceKey: uuid('service_key').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    n: total('n'),
    s1: total('s1'),
    s2: total('s2'),
    s3: total('s3'),
    s4: total('s4'),
    s5: total('s5'),
    s6: total('s6'),
    s7: total('s7'),
    s8: total('s8'),
    s9: total('s9'),
    jkL: total('jk_l'),
    jkP: total('jk_p'),
    umurLt20: total('umur_lt20'),
    umur20To29: total('umur_20_29'),
    umur30To39: total('umur_30_39'),
    umur40To49: total('umur_40_49'),
    umur50To59: total('umur_50_59'),
    umur60Plus: total('umur_60_plus'),
    pendSd: total('pend_sd'),
    pendSmp: total('pend_smp'),
    pendSma: total('pend_sma'),
    pendDiploma: total('pend_diploma'),
    pendS1: total('pend_s1'),
    pendS2Plus: total('pend_s2_plus'),
    pekPns: total('pek_pns'),
    pekTni: total('pek_tni'),
    pekPolri: total('pek_polri'),
    pekSwasta: total('pek_swasta'),
    pekWirausaha: total('pek_wirausaha'),
    pekLainnya: total('pek_lainnya'),
  },
  (t) => [
    primaryKey({ name: 'surveys_totals_pk', columns: [t.unitId, t.serviceKey, t.submittedOn] }),
    index('surveys_totals_agency_day_idx').on(t.agencyId, t.submittedOn),
  ],
);

/** An admin-entered population (number of people served) of a unit in a period. */
export const surveyPopulations = pgTable(
  'surveys_populations',
  {
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** '2026-11', '2026-Q4', '2026-S2' or '2026'. */
    periodKey: text('period_key').notNull(),
    population: integer('population').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'surveys_populations_pk', columns: [t.unitId, t.periodKey] })],
);

export const FOLLOW_UP_STATUSES = ['direncanakan', 'berjalan', 'selesai'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Rencana tindak lanjut: what the unit will do about an element of a period's result. */
export const surveyFollowUps = pgTable(
  'surveys_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    periodKey: text('period_key').notNull(),
    element: text('element').notNull(),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').$type<FollowUpStatus>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('surveys_follow_ups_unit_period_idx').on(t.unitId, t.periodKey)],
);

/** A result a unit published on its public page: a frozen copy of the report's figures. */
export const surveyPublications = pgTable(
  'surveys_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    periodKey: text('period_key').notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by').notNull(),
  },
  (t) => [index('surveys_publications_unit_idx').on(t.unitId, t.publishedAt)],
);
