CREATE SEQUENCE "public"."hazard_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "hazard" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"region_path" text NOT NULL,
	"industry" text NOT NULL,
	"group_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"location" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"source" text NOT NULL,
	"source_ref" text,
	"category" text NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"reported_by" uuid,
	"reporter_name" text NOT NULL,
	"grade" text,
	"suggested_grade" text,
	"criterion_catalogue" text,
	"criterion_code" text,
	"status" text NOT NULL,
	"rectifier_name" text,
	"rectifier_user_id" uuid,
	"deadline" date,
	"original_deadline" date,
	"plan" jsonb,
	"major_report" jsonb,
	"dual_reported_at" timestamp with time zone,
	"photos" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"review_due" date,
	"closed_at" timestamp with time zone,
	"escalation" integer DEFAULT 0 NOT NULL,
	"reminded_for" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_list_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"department_id" uuid NOT NULL,
	"department_name" text NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"unit_name" text NOT NULL,
	"person" text,
	"document_number" text,
	"date" date NOT NULL,
	"hazard_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_listing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hazard_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"department_name" text NOT NULL,
	"level" text NOT NULL,
	"document_number" text,
	"supervisor" text NOT NULL,
	"supervisor_phone" text,
	"deadline" date NOT NULL,
	"requirements" text NOT NULL,
	"status" text NOT NULL,
	"listed_at" timestamp with time zone NOT NULL,
	"listed_by" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"closing_comment" text
);
--> statement-breakpoint
CREATE TABLE "hazard_stats_notice" (
	"period" text NOT NULL,
	"department_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_stats_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"period" text NOT NULL,
	"due" date NOT NULL,
	"figures" jsonb NOT NULL,
	"analysis" text NOT NULL,
	"principal_name" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitter_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_transition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"hazard_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_unit" text,
	"at" timestamp with time zone NOT NULL,
	"comment" text NOT NULL,
	"evidence" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
ALTER TABLE "attachment" ADD COLUMN "meta" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "hazard_code_uq" ON "hazard" USING btree ("code");--> statement-breakpoint
CREATE INDEX "hazard_enterprise_idx" ON "hazard" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "hazard_region_idx" ON "hazard" USING btree ("region_path" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE INDEX "hazard_created_idx" ON "hazard" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "hazard_open_deadline_idx" ON "hazard" USING btree ("deadline") WHERE status in ('confirmed', 'rectifying');--> statement-breakpoint
CREATE INDEX "hazard_status_idx" ON "hazard" USING btree ("status","grade");--> statement-breakpoint
CREATE INDEX "hazard_list_entry_region_idx" ON "hazard_list_entry" USING btree ("kind","region_path");--> statement-breakpoint
CREATE INDEX "hazard_listing_hazard_idx" ON "hazard_listing" USING btree ("hazard_id");--> statement-breakpoint
CREATE INDEX "hazard_listing_dept_idx" ON "hazard_listing" USING btree ("department_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "hazard_stats_notice_uq" ON "hazard_stats_notice" USING btree ("period","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hazard_stats_report_uq" ON "hazard_stats_report" USING btree ("enterprise_id","period");--> statement-breakpoint
CREATE INDEX "hazard_transition_hazard_idx" ON "hazard_transition" USING btree ("hazard_id","at");