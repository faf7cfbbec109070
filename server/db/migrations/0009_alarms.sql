CREATE TABLE "alarm" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sensor_id" text NOT NULL,
	"sensor_name" text NOT NULL,
	"sensor_type" text NOT NULL,
	"unit" text NOT NULL,
	"location" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"region_path" text NOT NULL,
	"industry" text NOT NULL,
	"group_id" uuid,
	"type" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"active" boolean NOT NULL,
	"limit_value" double precision,
	"start_value" double precision,
	"peak_value" double precision,
	"last_value" double precision,
	"start_ts" timestamp with time zone NOT NULL,
	"last_ts" timestamp with time zone NOT NULL,
	"ack_ts" timestamp with time zone,
	"ack_by" text,
	"clear_ts" timestamp with time zone,
	"ack_due" timestamp with time zone NOT NULL,
	"feedback_due" timestamp with time zone NOT NULL,
	"escalation" integer DEFAULT 0 NOT NULL,
	"classification" text,
	"analysis" text,
	"feedback" text,
	"evidence" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"feedback_by" uuid,
	"feedback_by_name" text,
	"feedback_at" timestamp with time zone,
	"shelved_until" timestamp with time zone,
	"shelve_reason" text,
	"hazard_id" uuid,
	"task_id" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarm_rule_state" (
	"sensor_id" text PRIMARY KEY NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarm_transition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"alarm_id" uuid NOT NULL,
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
CREATE UNIQUE INDEX "alarm_active_uq" ON "alarm" USING btree ("sensor_id","type") WHERE active;--> statement-breakpoint
CREATE INDEX "alarm_enterprise_idx" ON "alarm" USING btree ("enterprise_id","start_ts");--> statement-breakpoint
CREATE INDEX "alarm_region_idx" ON "alarm" USING btree ("region_path" text_pattern_ops,"start_ts");--> statement-breakpoint
CREATE INDEX "alarm_start_idx" ON "alarm" USING btree ("start_ts");--> statement-breakpoint
CREATE INDEX "alarm_sensor_idx" ON "alarm" USING btree ("sensor_id","start_ts");--> statement-breakpoint
CREATE INDEX "alarm_open_idx" ON "alarm" USING btree ("feedback_due") WHERE status <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "alarm_transition_alarm_idx" ON "alarm_transition" USING btree ("alarm_id","seq");