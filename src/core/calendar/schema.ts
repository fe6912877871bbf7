// Days off: national holidays and cuti bersama (agency_id null) and an agency's own extra days off.
import { sql } from 'drizzle-orm';
import { date, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../org/schema';

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama', 'libur_instansi'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const holidays = pgTable(
  'core_holidays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date', { mode: 'string' }).notNull(),
    /** null: a national day (libur nasional / cuti bersama) for every agency. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    kind: text('kind').$type<HolidayKind>().notNull(),
    name: text('name').notNull(),
    /** 'skb': shipped reference list (SKB 3 Menteri); 'admin': entered by an administrator. */
    source: text('source').$type<'skb' | 'admin'>().notNull().default('admin'),
    /**
     * Removed days are kept (soft delete) so that reloading the shipped list on the next boot does not
     * bring back a day an administrator removed, and so that the history stays readable.
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One row per date and scope (national or one agency), removed or not.
    uniqueIndex('core_holidays_date_scope_idx').on(
      t.date,
      sql`coalesce(${t.agencyId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('core_holidays_agency_idx').on(t.agencyId, t.date),
  ],
);

/**
 * One row (id = 1) whose token changes with every change to any calendar (days off, an agency's time zone).
 * Calendar caches compare it, so every server instance sees a change at once, and a rolled-back change
 * (whose random token never commits) cannot be mistaken for a committed one.
 */
export const calendarState = pgTable('core_calendar_state', {
  id: smallint('id').primaryKey(),
  token: uuid('token').notNull(),
});
