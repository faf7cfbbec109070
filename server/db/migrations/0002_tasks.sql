CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"complexity" text NOT NULL,
	"day_kind" text NOT NULL,
	"issuer_department_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"region_path" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"attachments" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_assignee" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"role" text NOT NULL,
	"department_id" uuid,
	"enterprise_id" uuid,
	"unit_name" text NOT NULL,
	"region_path" text NOT NULL,
	"status" text NOT NULL,
	"deploy_due" timestamp with time zone NOT NULL,
	"feedback_due" timestamp with time zone NOT NULL,
	"resolve_due" timestamp with time zone NOT NULL,
	"original_resolve_due" timestamp with time zone NOT NULL,
	"deployed_at" timestamp with time zone,
	"first_feedback_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"escalation" integer DEFAULT 0 NOT NULL,
	"reminded_for" text,
	"plan" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"assignee_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text NOT NULL,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"progress" integer
);
--> statement-breakpoint
CREATE TABLE "task_extension" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignee_id" uuid NOT NULL,
	"requested_due" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text
);
--> statement-breakpoint
CREATE INDEX "task_issuer_idx" ON "task" USING btree ("issuer_department_id");--> statement-breakpoint
CREATE INDEX "task_region_idx" ON "task" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "task_assignee_task_idx" ON "task_assignee" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_assignee_dept_idx" ON "task_assignee" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "task_assignee_due_idx" ON "task_assignee" USING btree ("resolve_due");--> statement-breakpoint
CREATE INDEX "task_event_assignee_idx" ON "task_event" USING btree ("assignee_id","at");--> statement-breakpoint
CREATE INDEX "task_extension_assignee_idx" ON "task_extension" USING btree ("assignee_id");