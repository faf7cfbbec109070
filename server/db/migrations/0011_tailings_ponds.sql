CREATE TABLE "tailings_pond" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"location" text,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"dam_method" text,
	"design_dam_height" double precision NOT NULL,
	"current_dam_height" double precision NOT NULL,
	"total_capacity" double precision NOT NULL,
	"current_capacity" double precision NOT NULL,
	"grade_raised" boolean DEFAULT false NOT NULL,
	"grade" integer NOT NULL,
	"grade_source" text NOT NULL,
	"overhead" boolean NOT NULL,
	"downstream_population" integer NOT NULL,
	"downstream_facilities" text,
	"safety_status" text NOT NULL,
	"operating_status" text NOT NULL,
	"responsible_person" text NOT NULL,
	"responsible_phone" text NOT NULL,
	"licence_number" text,
	"licence_expiry" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "major_hazard_source" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "major_hazard_source" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "warning_target" ADD COLUMN "matched_objects" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "tailings_pond_enterprise_idx" ON "tailings_pond" USING btree ("enterprise_id");