CREATE TABLE "activity_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"department_id" uuid,
	"enterprise_id" uuid,
	"unit_name" text NOT NULL,
	"region_path" text NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"detail" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"issuer" text NOT NULL,
	"document" text NOT NULL,
	"title" text NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"section" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"text" text NOT NULL,
	"responsible_units" text[] NOT NULL,
	"indicators" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "plan_item_id" uuid;--> statement-breakpoint
CREATE INDEX "activity_record_kind_idx" ON "activity_record" USING btree ("kind","date");--> statement-breakpoint
CREATE INDEX "activity_record_region_idx" ON "activity_record" USING btree ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_document_uq" ON "plan" USING btree ("document");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_item_uq" ON "plan_item" USING btree ("plan_id","number");