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
ALTER TABLE "core_one_time_tokens" ADD CONSTRAINT "core_one_time_tokens_user_id_core_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."core_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_role_grants" ADD CONSTRAINT "core_role_grants_user_id_core_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."core_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_role_grants" ADD CONSTRAINT "core_role_grants_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_role_grants" ADD CONSTRAINT "core_role_grants_unit_id_core_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."core_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_sessions" ADD CONSTRAINT "core_sessions_user_id_core_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."core_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_users" ADD CONSTRAINT "core_users_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_holidays" ADD CONSTRAINT "core_holidays_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_attachments" ADD CONSTRAINT "core_attachments_file_sha256_core_files_sha256_fk" FOREIGN KEY ("file_sha256") REFERENCES "public"."core_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_units" ADD CONSTRAINT "core_units_agency_id_core_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."core_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "core_audit_entity_idx" ON "core_audit_entries" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "core_audit_agency_idx" ON "core_audit_entries" USING btree ("agency_id","seq");--> statement-breakpoint
CREATE INDEX "core_one_time_tokens_user_idx" ON "core_one_time_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "core_role_grants_user_idx" ON "core_role_grants" USING btree ("user_id");--> statement-breakpoint
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
CREATE INDEX "core_outbox_due_idx" ON "core_outbox" USING btree ("status","next_attempt_at");