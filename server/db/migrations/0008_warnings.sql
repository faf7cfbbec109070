CREATE TABLE "warning" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"identifiers" text[] NOT NULL,
	"msg_type" text NOT NULL,
	"cap_status" text NOT NULL,
	"cap_scope" text NOT NULL,
	"sender" text NOT NULL,
	"sent" text NOT NULL,
	"state" text NOT NULL,
	"issuer_department_id" uuid,
	"issuer_name" text NOT NULL,
	"region_path" text,
	"event_type" text NOT NULL,
	"level" text,
	"severity" text NOT NULL,
	"urgency" text NOT NULL,
	"certainty" text NOT NULL,
	"headline" text NOT NULL,
	"description" text NOT NULL,
	"instruction" text DEFAULT '' NOT NULL,
	"task_text" text DEFAULT '' NOT NULL,
	"effective" timestamp with time zone NOT NULL,
	"expires" timestamp with time zone,
	"area" jsonb NOT NULL,
	"source" text NOT NULL,
	"feed_id" uuid,
	"raw_xml" text NOT NULL,
	"references" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_feed" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"interval_minutes" integer DEFAULT 15 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_fetched_at" timestamp with time zone,
	"last_status" text,
	"last_result" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warning_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"region_path" text NOT NULL,
	"industry" text NOT NULL,
	"group_id" uuid,
	"matched_because" text[] NOT NULL,
	"task_text" text NOT NULL,
	"status" text NOT NULL,
	"notification_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmer_name" text,
	"confirmed_at" timestamp with time zone,
	"feedback" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "warning_identifier_uq" ON "warning" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "warning_identifiers_idx" ON "warning" USING gin ("identifiers");--> statement-breakpoint
CREATE INDEX "warning_state_idx" ON "warning" USING btree ("state","effective");--> statement-breakpoint
CREATE INDEX "warning_region_idx" ON "warning" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "warning_target_uq" ON "warning_target" USING btree ("warning_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "warning_target_enterprise_idx" ON "warning_target" USING btree ("enterprise_id");