CREATE TABLE "major_hazard_source" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit_kind" text NOT NULL,
	"location" text,
	"exposed_population" integer NOT NULL,
	"substances" jsonb NOT NULL,
	"terms" jsonb NOT NULL,
	"s" double precision NOT NULL,
	"is_major" boolean NOT NULL,
	"alpha" double precision NOT NULL,
	"r" double precision NOT NULL,
	"grade" integer,
	"source" text NOT NULL,
	"principal_name" text NOT NULL,
	"principal_phone" text NOT NULL,
	"technical_name" text NOT NULL,
	"technical_phone" text NOT NULL,
	"operational_name" text NOT NULL,
	"operational_phone" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"location" text,
	"hazard_factors" text NOT NULL,
	"accident_types" text[] NOT NULL,
	"method" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"level" integer NOT NULL,
	"color" text NOT NULL,
	"source" text NOT NULL,
	"measures" jsonb NOT NULL,
	"control_level" text NOT NULL,
	"responsible_person" text NOT NULL,
	"responsible_phone" text,
	"assessed_at" timestamp with time zone NOT NULL,
	"assessed_by" text NOT NULL,
	"review_due" date NOT NULL,
	"last_reviewed_at" timestamp with time zone,
	"reminded_for" text,
	"overdue_flagged_for" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_point_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"risk_point_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"comment" text NOT NULL,
	"from_level" integer NOT NULL,
	"to_level" integer NOT NULL,
	"score" double precision NOT NULL,
	"next_review_due" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"risk_point_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_report_recipient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"department_name" text NOT NULL,
	"read_at" timestamp with time zone,
	"read_by_id" uuid,
	"read_by_name" text
);
--> statement-breakpoint
CREATE INDEX "major_hazard_source_enterprise_idx" ON "major_hazard_source" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "risk_point_enterprise_idx" ON "risk_point" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "risk_point_level_idx" ON "risk_point" USING btree ("level");--> statement-breakpoint
CREATE INDEX "risk_point_review_idx" ON "risk_point" USING btree ("review_due");--> statement-breakpoint
CREATE INDEX "risk_point_review_point_idx" ON "risk_point_review" USING btree ("risk_point_id","at");--> statement-breakpoint
CREATE INDEX "risk_report_enterprise_idx" ON "risk_report" USING btree ("enterprise_id","reported_at");--> statement-breakpoint
CREATE INDEX "risk_report_recipient_report_idx" ON "risk_report_recipient" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "risk_report_recipient_dept_idx" ON "risk_report_recipient" USING btree ("department_id");