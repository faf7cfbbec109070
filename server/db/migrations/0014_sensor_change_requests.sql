CREATE TABLE "sensor_change_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sensor_id" uuid NOT NULL,
	"from_rules" jsonb NOT NULL,
	"to_rules" jsonb NOT NULL,
	"out_of_service_until" timestamp with time zone,
	"changes" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_by_unit" text,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_by_unit" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sensor" ADD COLUMN "out_of_service_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "sensor_change_request_sensor_idx" ON "sensor_change_request" USING btree ("sensor_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sensor_change_request_pending_uq" ON "sensor_change_request" USING btree ("sensor_id") WHERE "sensor_change_request"."status" = 'pending';