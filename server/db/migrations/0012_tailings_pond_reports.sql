CREATE TABLE "tailings_pond_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pond_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"action" text NOT NULL,
	"source" text NOT NULL,
	"departments" jsonb NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by_id" uuid,
	"reported_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "tailings_pond_report_pond_idx" ON "tailings_pond_report" USING btree ("pond_id","reported_at");