// Uploaded files, stored once per content (by SHA-256) under <dataDir>/files, and the attachments that
// point at them: who uploaded, what it belongs to once claimed, and the claim token's hash.
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const files = pgTable('core_files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const attachments = pgTable(
  'core_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileSha256: text('file_sha256')
      .notNull()
      .references(() => files.sha256),
    /** What the attachment belongs to ('complaint', …); null until a module claims it. */
    ownerType: text('owner_type'),
    ownerId: uuid('owner_id'),
    /** Sanitised original file name, with the extension of the sniffed type. */
    originalName: text('original_name').notNull(),
    agencyId: uuid('agency_id'),
    uploaderUserId: uuid('uploader_user_id'),
    /** core_sessions.id (itself a hash) of the uploading session, if any. */
    uploaderSessionId: text('uploader_session_id'),
    /** SHA-256 of the claim token handed to the uploader; null once claimed. */
    claimTokenHash: text('claim_token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
  },
  (t) => [
    index('core_attachments_owner_idx').on(t.ownerType, t.ownerId),
    index('core_attachments_file_idx').on(t.fileSha256),
  ],
);
