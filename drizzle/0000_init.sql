CREATE TABLE "core_audit_checkpoints" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_audit_entries" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_kind" text NOT NULL,
	"actor_role" text,
	"agency_id" uuid,
	"unit_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before_digest" text,
	"after_digest" text,
	"meta" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_login_throttle" (
	"email_digest" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_one_time_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core_role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"mfa_passed" boolean DEFAULT false NOT NULL,
	"active_unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"name" text NOT NULL,
	"password_hash" text,
	"agency_id" uuid,
	"email_verified_at" timestamp with time zone,
	"totp_secret" text,
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"recovery_codes" jsonb,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_calendar_state" (
	"id" smallint PRIMARY KEY NOT NULL,
	"token" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"agency_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT 'admin' NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_sha256" text NOT NULL,
	"owner_type" text,
	"owner_id" uuid,
	"original_name" text NOT NULL,
	"agency_id" uuid,
	"uploader_user_id" uuid,
	"uploader_session_id" text,
	"claim_token_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "core_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text,
	"parent_id" uuid,
	"time_zone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "core_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"path" text NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"region_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"agency_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "complaints_gateway_messages" (
	"gateway_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"complaint_id" uuid NOT NULL,
	"code" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_gateways" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"default_region_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_lapor_imports" (
	"agency_id" uuid NOT NULL,
	"tracking_id" text NOT NULL,
	"complaint_id" uuid NOT NULL,
	"unit_id" uuid,
	"lapor_status" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_open311_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_agency_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"coordinating_unit_id" uuid,
	"on_duty_unit_id" uuid,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"tier" text NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"force_confidential" boolean DEFAULT false NOT NULL,
	"resolution_days" integer,
	"emergency_hours" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"intake_agency_id" uuid NOT NULL,
	"unit_id" uuid,
	"support_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_id" uuid,
	"tier" text NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"region_code" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"incident_date" date,
	"visibility" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"resume_status" text,
	"close_how" text,
	"reason" text,
	"merged_into_id" uuid,
	"reporter_user_id" uuid,
	"reporter_identity_enc" text,
	"reporter_has_email" boolean DEFAULT false NOT NULL,
	"secret_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"disposed_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_on_time" boolean,
	"closed_at" timestamp with time zone,
	"first_closed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"verify_due_at" timestamp with time zone,
	"plan_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"resolution_days" integer,
	"clock_events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auto_close_at" timestamp with time zone,
	"rating_score" smallint,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_escalations" (
	"complaint_id" uuid NOT NULL,
	"step" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaints_escalations_complaint_id_step_deadline_pk" PRIMARY KEY("complaint_id","step","deadline")
);
--> statement-breakpoint
CREATE TABLE "complaints_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"visibility" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_user_id" uuid,
	"from_status" text,
	"to_status" text,
	"unit_id" uuid,
	"body" text,
	"meta" jsonb
);
--> statement-breakpoint
CREATE TABLE "complaints_reply_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_routing_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"category_id" uuid,
	"region_prefix" text,
	"target_agency_id" uuid NOT NULL,
	"target_unit_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints_stat_counts" (
	"agency_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "complaints_stat_counts_agency_id_dim_key_pk" PRIMARY KEY("agency_id","dim","key")
);
--> statement-breakpoint
CREATE TABLE "complaints_stat_durations" (
	"complaint_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"seconds" integer NOT NULL,
	CONSTRAINT "complaints_stat_durations_complaint_id_metric_pk" PRIMARY KEY("complaint_id","metric")
);
--> statement-breakpoint
CREATE TABLE "services_application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"step_index" integer,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"note" text,
	"working_days" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"access_token_hash" text,
	"applicant_user_id" uuid,
	"applicant_name" text NOT NULL,
	"applicant_email" text,
	"status" text NOT NULL,
	"step_index" integer DEFAULT 0 NOT NULL,
	"data" jsonb NOT NULL,
	"returned_fields" jsonb,
	"return_note" text,
	"reject_reason" text,
	"clock_events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"step_clock_events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline_at" timestamp with time zone,
	"step_deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"on_time" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"number" text NOT NULL,
	"content" jsonb NOT NULL,
	"content_digest" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"file_sha256" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "services_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"amount_rupiah" bigint NOT NULL,
	"gateway" text NOT NULL,
	"reference" text NOT NULL,
	"instructions" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "services_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"standard" jsonb NOT NULL,
	"fee_rupiah" bigint NOT NULL,
	"duration_days" integer NOT NULL,
	"form" jsonb NOT NULL,
	"workflow" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "services_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services_webhook_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"element" text NOT NULL,
	"action" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_id" uuid,
	"transaction_type" text NOT NULL,
	"transaction_id" text NOT NULL,
	"token" text NOT NULL,
	"finished_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "surveys_kiosks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_populations" (
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"population" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "surveys_populations_pk" PRIMARY KEY("unit_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "surveys_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"result" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text_id" text NOT NULL,
	"text_en" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_id" uuid,
	"channel" text NOT NULL,
	"submitted_on" date NOT NULL,
	"u1" smallint NOT NULL,
	"u2" smallint NOT NULL,
	"u3" smallint NOT NULL,
	"u4" smallint NOT NULL,
	"u5" smallint NOT NULL,
	"u6" smallint NOT NULL,
	"u7" smallint NOT NULL,
	"u8" smallint NOT NULL,
	"u9" smallint NOT NULL,
	"jenis_kelamin" text,
	"umur" text,
	"pendidikan" text,
	"pekerjaan" text,
	"suggestion" text,
	"extra" jsonb,
	"dedupe_hash" text,
	CONSTRAINT "surveys_responses_answers_check" CHECK ("surveys_responses"."u1" between 1 and 4 and "surveys_responses"."u2" between 1 and 4 and "surveys_responses"."u3" between 1 and 4 and "surveys_responses"."u4" between 1 and 4 and "surveys_responses"."u5" between 1 and 4 and "surveys_responses"."u6" between 1 and 4 and "surveys_responses"."u7" between 1 and 4 and "surveys_responses"."u8" between 1 and 4 and "surveys_responses"."u9" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "surveys_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kiosk_id" uuid,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "surveys_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"weight" text DEFAULT 'exact' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_totals" (
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"service_key" uuid NOT NULL,
	"submitted_on" date NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	"s1" bigint DEFAULT 0 NOT NULL,
	"s2" bigint DEFAULT 0 NOT NULL,
	"s3" bigint DEFAULT 0 NOT NULL,
	"s4" bigint DEFAULT 0 NOT NULL,
	"s5" bigint DEFAULT 0 NOT NULL,
	"s6" bigint DEFAULT 0 NOT NULL,
	"s7" bigint DEFAULT 0 NOT NULL,
	"s8" bigint DEFAULT 0 NOT NULL,
	"s9" bigint DEFAULT 0 NOT NULL,
	"jk_l" bigint DEFAULT 0 NOT NULL,
	"jk_p" bigint DEFAULT 0 NOT NULL,
	"umur_lt20" bigint DEFAULT 0 NOT NULL,
	"umur_20_29" bigint DEFAULT 0 NOT NULL,
	"umur_30_39" bigint DEFAULT 0 NOT NULL,
	"umur_40_49" bigint DEFAULT 0 NOT NULL,
	"umur_50_59" bigint DEFAULT 0 NOT NULL,
	"umur_60_plus" bigint DEFAULT 0 NOT NULL,
	"pend_sd" bigint DEFAULT 0 NOT NULL,
	"pend_smp" bigint DEFAULT 0 NOT NULL,
	"pend_sma" bigint DEFAULT 0 NOT NULL,
	"pend_diploma" bigint DEFAULT 0 NOT NULL,
	"pend_s1" bigint DEFAULT 0 NOT NULL,
	"pend_s2_plus" bigint DEFAULT 0 NOT NULL,
	"pek_pns" bigint DEFAULT 0 NOT NULL,
	"pek_tni" bigint DEFAULT 0 NOT NULL,
	"pek_polri" bigint DEFAULT 0 NOT NULL,
	"pek_swasta" bigint DEFAULT 0 NOT NULL,
	"pek_wirausaha" bigint DEFAULT 0 NOT NULL,
	"pek_lainnya" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "surveys_totals_pk" PRIMARY KEY("unit_id","service_key","submitted_on")
);
--> statement-breakpoint
ALTER TABLE "core_one_time_tokens" ADD CONSTRAINT "core_one_time_tokens_user_id_core_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."core_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_role_grants" ADD CONSTRAINT "core_role_grants_user_id_core_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."core_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_role_grants" ADD CONSTRAINT "core_role_grants_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_role_grants" ADD CONSTRAINT "core_role_grants_unit_id_core_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."core_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_sessions" ADD CONSTRAINT "core_sessions_user_id_core_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."core_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_users" ADD CONSTRAINT "core_users_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_holidays" ADD CONSTRAINT "core_holidays_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_attachments" ADD CONSTRAINT "core_attachments_file_sha256_core_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."core_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_units" ADD CONSTRAINT "core_units_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_application_events" ADD CONSTRAINT "services_application_events_application_id_services_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."services_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_applications" ADD CONSTRAINT "services_applications_service_id_services_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_applications" ADD CONSTRAINT "services_applications_version_id_services_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."services_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_documents" ADD CONSTRAINT "services_documents_application_id_services_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."services_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_payments" ADD CONSTRAINT "services_payments_application_id_services_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."services_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services_versions" ADD CONSTRAINT "services_versions_service_id_services_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "core_audit_entity_idx" ON "core_audit_entries" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "core_audit_agency_idx" ON "core_audit_entries" USING btree ("agency_id","seq");--> statement-breakpoint
CREATE INDEX "core_one_time_tokens_user_idx" ON "core_one_time_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "core_role_grants_user_idx" ON "core_role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "core_role_grants_unique_idx" ON "core_role_grants" USING btree ("user_id","role",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "core_sessions_user_idx" ON "core_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "core_users_email_idx" ON "core_users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "core_users_agency_idx" ON "core_users" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "core_holidays_date_scope_idx" ON "core_holidays" USING btree ("date",coalesce("agency_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "core_holidays_agency_idx" ON "core_holidays" USING btree ("agency_id","date");--> statement-breakpoint
CREATE INDEX "core_attachments_owner_idx" ON "core_attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "core_attachments_file_idx" ON "core_attachments" USING btree ("file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "core_agencies_slug_idx" ON "core_agencies" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "core_agencies_region_idx" ON "core_agencies" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "core_regions_parent_idx" ON "core_regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "core_regions_code_prefix_idx" ON "core_regions" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "core_regions_name_trgm_idx" ON "core_regions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "core_units_agency_idx" ON "core_units" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "core_units_path_idx" ON "core_units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "core_units_sibling_name_idx" ON "core_units" USING btree ("agency_id",coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),"name");--> statement-breakpoint
CREATE INDEX "core_outbox_due_idx" ON "core_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_gateway_messages_idx" ON "complaints_gateway_messages" USING btree ("gateway_id","message_id");--> statement-breakpoint
CREATE INDEX "complaints_gateways_agency_idx" ON "complaints_gateways" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_lapor_imports_tracking_idx" ON "complaints_lapor_imports" USING btree ("agency_id","tracking_id");--> statement-breakpoint
CREATE INDEX "complaints_lapor_imports_unit_idx" ON "complaints_lapor_imports" USING btree ("agency_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_open311_clients_key_idx" ON "complaints_open311_clients" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "complaints_open311_clients_agency_idx" ON "complaints_open311_clients" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_categories_code_idx" ON "complaints_categories" USING btree ("agency_id","code");--> statement-breakpoint
CREATE INDEX "complaints_categories_agency_idx" ON "complaints_categories" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_code_idx" ON "complaints" USING btree ("code");--> statement-breakpoint
CREATE INDEX "complaints_agency_status_idx" ON "complaints" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "complaints_unit_idx" ON "complaints" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "complaints_due_idx" ON "complaints" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "complaints_reporter_idx" ON "complaints" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "complaints_region_idx" ON "complaints" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "complaints_text_trgm_idx" ON "complaints" USING gin (("title" || ' ' || "description") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "complaints_events_complaint_idx" ON "complaints_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaints_routing_rules_agency_idx" ON "complaints_routing_rules" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "complaints_stat_durations_agency_idx" ON "complaints_stat_durations" USING btree ("agency_id","metric");--> statement-breakpoint
CREATE INDEX "services_application_events_app_idx" ON "services_application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "services_applications_tracking_idx" ON "services_applications" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "services_applications_queue_idx" ON "services_applications" USING btree ("agency_id","status","deadline_at");--> statement-breakpoint
CREATE INDEX "services_applications_service_idx" ON "services_applications" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "services_applications_user_idx" ON "services_applications" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_documents_app_idx" ON "services_documents" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_documents_number_idx" ON "services_documents" USING btree ("agency_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "services_payments_code_idx" ON "services_payments" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "services_payments_app_idx" ON "services_payments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_versions_service_idx" ON "services_versions" USING btree ("service_id","version");--> statement-breakpoint
CREATE INDEX "services_services_agency_idx" ON "services_services" USING btree ("agency_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_services_code_idx" ON "services_services" USING btree ("agency_id","code");--> statement-breakpoint
CREATE INDEX "services_services_name_trgm_idx" ON "services_services" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "surveys_follow_ups_unit_period_idx" ON "surveys_follow_ups" USING btree ("unit_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_invitations_token_idx" ON "surveys_invitations" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_invitations_transaction_idx" ON "surveys_invitations" USING btree ("transaction_type","transaction_id");--> statement-breakpoint
CREATE INDEX "surveys_invitations_unit_day_idx" ON "surveys_invitations" USING btree ("unit_id","finished_on");--> statement-breakpoint
CREATE INDEX "surveys_invitations_agency_day_idx" ON "surveys_invitations" USING btree ("agency_id","finished_on");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_kiosks_token_idx" ON "surveys_kiosks" USING btree ("token");--> statement-breakpoint
CREATE INDEX "surveys_kiosks_unit_idx" ON "surveys_kiosks" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "surveys_publications_unit_idx" ON "surveys_publications" USING btree ("unit_id","published_at");--> statement-breakpoint
CREATE INDEX "surveys_questions_unit_idx" ON "surveys_questions" USING btree ("unit_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_responses_dedupe_idx" ON "surveys_responses" USING btree ("dedupe_hash");--> statement-breakpoint
CREATE INDEX "surveys_responses_unit_day_idx" ON "surveys_responses" USING btree ("unit_id","submitted_on");--> statement-breakpoint
CREATE INDEX "surveys_responses_suggestion_idx" ON "surveys_responses" USING btree ("unit_id","submitted_on") WHERE "surveys_responses"."suggestion" is not null;--> statement-breakpoint
CREATE INDEX "surveys_responses_extra_idx" ON "surveys_responses" USING btree ("unit_id","submitted_on") WHERE "surveys_responses"."extra" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_sessions_token_idx" ON "surveys_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "surveys_totals_agency_day_idx" ON "surveys_totals" USING btree ("agency_id","submitted_on");