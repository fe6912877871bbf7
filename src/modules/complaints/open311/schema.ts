// Open311 GeoReport v2 clients: third-party apps that file reports for one agency with an api_key.
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const open311Clients = pgTable(
  'complaints_open311_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    /** SHA-256 of the api_key; the key itself is shown once at creation. */
    keyHash: text('key_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('complaints_open311_clients_key_idx').on(t.keyHash),
    index('complaints_open311_clients_agency_idx').on(t.agencyId),
  ],
);
