// The audit ledger: append-only, hash-chained; checkpoints are signed Merkle roots (RFC 6962 style).
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditEntries = pgTable(
  'core_audit_entries',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind').notNull(),
    actorRole: text('actor_role'),
    agencyId: uuid('agency_id'),
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    beforeDigest: text('before_digest'),
    afterDigest: text('after_digest'),
    /** Non-personal facts about the action (reasons, target unit); never reporter identity. */
    meta: jsonb('meta').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('core_audit_entity_idx').on(t.entityType, t.entityId),
    index('core_audit_agency_idx').on(t.agencyId, t.seq),
  ],
);

export const auditCheckpoints = pgTable('core_audit_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: text('root_hash').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
  version: integer('version').notNull().default(1),
});
