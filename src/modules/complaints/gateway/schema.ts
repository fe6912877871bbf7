// SMS/WhatsApp gateways: a door that posts messages signed with HMAC. Messages are remembered by the
// gateway's own id, so a replayed or re-sent message files nothing twice.
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const gateways = pgTable(
  'complaints_gateways',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    channel: text('channel').$type<'sms' | 'whatsapp'>().notNull(),
    /** Desa/kelurahan code used when a message names no region (an SMS rarely does). */
    defaultRegionCode: text('default_region_code').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('complaints_gateways_agency_idx').on(t.agencyId)],
);

export const gatewayMessages = pgTable(
  'complaints_gateway_messages',
  {
    gatewayId: uuid('gateway_id').notNull(),
    messageId: text('message_id').notNull(),
    complaintId: uuid('complaint_id').notNull(),
    code: text('code').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('complaints_gateway_messages_idx').on(t.gatewayId, t.messageId)],
);
