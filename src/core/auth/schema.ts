// Accounts, role grants, server-side sessions and one-time tokens.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, units } from '../org/schema';

export const users = pgTable(
  'core_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'staff' | 'citizen'>().notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    phone: text('phone'),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Base32 TOTP secret; set at enrolment, active once totpEnabledAt is set. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is never accepted twice (RFC 6238 section 5.2). */
    totpLastStep: integer('totp_last_step'),
    /** SHA-256 hashes of unused recovery codes. */
    recoveryCodes: jsonb('recovery_codes').$type<string[]>(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('core_users_email_idx').on(t.email), index('core_users_agency_idx').on(t.agencyId)],
);

export const roleGrants = pgTable(
  'core_role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** null: the whole agency. */
    unitId: uuid('unit_id').references(() => units.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('core_role_grants_user_idx').on(t.userId),
    uniqueIndex('core_role_grants_unique_idx').on(
      t.userId,
      t.role,
      sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

export const sessions = pgTable(
  'core_sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not yield live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    /** Staff sessions are half-open until the TOTP step passes. */
    mfaPassed: boolean('mfa_passed').notNull().default(false),
    activeUnitId: uuid('active_unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('core_sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-in attempts per e-mail address, whether or not an account has it, so a lockout looks the
 * same for unknown addresses. Keyed by the SHA-256 of the lower-cased address (no address in clear).
 */
export const loginThrottle = pgTable('core_login_throttle', {
  emailDigest: text('email_digest').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
});

export const oneTimeTokens = pgTable(
  'core_one_time_tokens',
  {
    /** SHA-256 of the token sent by e-mail. */
    id: text('id').primaryKey(),
    purpose: text('purpose').$type<'password_reset' | 'email_verify'>().notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('core_one_time_tokens_user_idx').on(t.userId)],
);
