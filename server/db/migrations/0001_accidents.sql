CREATE TABLE "accident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid,
	"group_id" uuid,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"industry" text NOT NULL,
	"accident_type" text NOT NULL,
	"title" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"unit_overview" text NOT NULL,
	"scene" text NOT NULL,
	"narrative" text NOT NULL,
	"deaths" integer NOT NULL,
	"missing" integer NOT NULL,
	"serious_injuries" integer NOT NULL,
	"minor_injuries" integer NOT NULL,
	"direct_loss_yuan" bigint NOT NULL,
	"measures" text NOT NULL,
	"other" text,
	"grade" integer NOT NULL,
	"decided_by" text NOT NULL,
	"status" text NOT NULL,
	"reporter_id" uuid,
	"reporter_name" text NOT NULL,
	"reporter_unit" text,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"public_summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accident_accountability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"accident_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"subject_kind" text NOT NULL,
	"finding" text NOT NULL,
	"proposal" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accident_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"accident_id" uuid NOT NULL,
	"key" text NOT NULL,
	"owner_department_id" uuid,
	"due" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"comment" text,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accident_investigation" (
	"accident_id" uuid PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"leader" text NOT NULL,
	"members" text[] NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"appraisal_days" integer DEFAULT 0 NOT NULL,
	"due" timestamp with time zone NOT NULL,
	"report" jsonb,
	"report_submitted_at" timestamp with time zone,
	"reply_due" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"reply_document" text
);
--> statement-breakpoint
CREATE TABLE "accident_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"accident_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"department_id" uuid,
	"due" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone,
	"reported_by" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	"skipped" boolean DEFAULT false NOT NULL,
	"skip_reason" text,
	"late_flagged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "accident_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"accident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"deaths" integer NOT NULL,
	"missing" integer NOT NULL,
	"serious_injuries" integer NOT NULL,
	"minor_injuries" integer NOT NULL,
	"direct_loss_yuan" bigint NOT NULL,
	"grade" integer NOT NULL,
	"note" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "accident_region_idx" ON "accident" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "accident_occurred_idx" ON "accident" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "accident_enterprise_idx" ON "accident" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "accident_accountability_idx" ON "accident_accountability" USING btree ("accident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accident_action_uq" ON "accident_action" USING btree ("accident_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "accident_report_uq" ON "accident_report" USING btree ("accident_id","recipient");--> statement-breakpoint
CREATE INDEX "accident_report_due_idx" ON "accident_report" USING btree ("due");--> statement-breakpoint
CREATE INDEX "accident_revision_idx" ON "accident_revision" USING btree ("accident_id","at");