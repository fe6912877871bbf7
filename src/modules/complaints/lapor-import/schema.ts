// SP4N-LAPOR! imports: one row per imported report, keyed by the LAPOR tracking ID (re-import adds nothing).
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const laporImports = pgTable(
  'complaints_lapor_imports',
  {
    agencyId: uuid('agency_id').notNull(),
    trackingId: text('tracking_id').notNull(),
    complaintId: uuid('complaint_id').notNull(),
    /** The unit the report was disposed to in LAPOR (Instansi Terdisposisi), when mapped. */
    unitId: uuid('unit_id'),
    laporStatus: text('lapor_status').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('complaints_lapor_imports_tracking_idx').on(t.agencyId, t.trackingId),
    index('complaints_lapor_imports_unit_idx').on(t.agencyId, t.unitId),
  ],
);
