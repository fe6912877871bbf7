-- Complaint statistics by the agency's local day of receipt, so a period's figures are a sum of days.
-- The all-time counters cannot be split by day: they are rebuilt from the complaints with the keys of
-- counterKeys and durations in src/modules/complaints/stats.ts.
DELETE FROM "complaints_stat_counts";--> statement-breakpoint
DELETE FROM "complaints_stat_durations";--> statement-breakpoint
DROP INDEX "complaints_stat_durations_agency_idx";--> statement-breakpoint
ALTER TABLE "complaints_stat_counts" DROP CONSTRAINT "complaints_stat_counts_agency_id_dim_key_pk";--> statement-breakpoint
ALTER TABLE "complaints_stat_counts" ADD COLUMN "day" date NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints_stat_counts" ADD CONSTRAINT "complaints_stat_counts_agency_id_day_dim_key_pk" PRIMARY KEY("agency_id","day","dim","key");--> statement-breakpoint
ALTER TABLE "complaints_stat_durations" ADD COLUMN "received_on" date NOT NULL;--> statement-breakpoint
CREATE INDEX "complaints_stat_durations_agency_idx" ON "complaints_stat_durations" USING btree ("agency_id","metric","received_on");--> statement-breakpoint
INSERT INTO "complaints_stat_counts" ("agency_id", "day", "dim", "key", "n")
SELECT c.agency_id, (c.received_at AT TIME ZONE a.time_zone)::date, k.dim, k.key, count(*)::int
FROM complaints c
JOIN core_agencies a ON a.id = c.agency_id
CROSS JOIN LATERAL (VALUES
  ('state', c.status), ('unit', coalesce(c.unit_id::text, '-')), ('category', coalesce(c.category_id::text, '-')),
  ('region', c.region_code), ('source', c.source), ('kind', c.kind), ('total', 'all'), ('closed', c.close_how),
  ('followup', CASE WHEN c.completed_on_time IS NULL THEN NULL WHEN c.completed_on_time THEN 'on_time' ELSE 'late' END),
  ('emergency', CASE WHEN c.emergency THEN 'all' END)
) AS k(dim, key)
WHERE k.key IS NOT NULL
GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO "complaints_stat_durations" ("complaint_id", "metric", "agency_id", "received_on", "seconds")
SELECT c.id, m.metric, c.agency_id, (c.received_at AT TIME ZONE a.time_zone)::date,
       greatest(0, round(extract(epoch FROM (m.at - c.received_at))))::int
FROM complaints c
JOIN core_agencies a ON a.id = c.agency_id
CROSS JOIN LATERAL (VALUES ('first_response', c.first_response_at), ('close', c.first_closed_at)) AS m(metric, at)
WHERE m.at IS NOT NULL;
