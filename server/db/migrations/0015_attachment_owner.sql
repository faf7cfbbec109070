ALTER TABLE "attachment" ADD COLUMN "owner_kind" text;--> statement-breakpoint
ALTER TABLE "attachment" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
CREATE INDEX "attachment_owner_idx" ON "attachment" USING btree ("owner_kind","owner_id");--> statement-breakpoint
-- Files already named by a record belong to that record (issue 11 item 5): readable by whoever can read it.
UPDATE "attachment" a SET "owner_kind" = 'hazard', "owner_id" = h."id" FROM "hazard" h WHERE a."owner_kind" IS NULL AND a."id" = ANY(h."photos");--> statement-breakpoint
UPDATE "attachment" a SET "owner_kind" = 'hazard', "owner_id" = t."hazard_id" FROM "hazard_transition" t WHERE a."owner_kind" IS NULL AND a."id" = ANY(t."evidence");--> statement-breakpoint
UPDATE "attachment" a SET "owner_kind" = 'alarm', "owner_id" = x."id" FROM "alarm" x WHERE a."owner_kind" IS NULL AND a."id" = ANY(x."evidence");--> statement-breakpoint
UPDATE "attachment" a SET "owner_kind" = 'alarm', "owner_id" = t."alarm_id" FROM "alarm_transition" t WHERE a."owner_kind" IS NULL AND a."id" = ANY(t."evidence");--> statement-breakpoint
UPDATE "attachment" a SET "owner_kind" = 'task', "owner_id" = t."id" FROM "task" t WHERE a."owner_kind" IS NULL AND a."id"::text = ANY(t."attachments");--> statement-breakpoint
UPDATE "attachment" a SET "owner_kind" = 'task', "owner_id" = e."task_id" FROM "task_event" e WHERE a."owner_kind" IS NULL AND a."id"::text = ANY(e."evidence");--> statement-breakpoint
UPDATE "attachment" a SET "owner_kind" = 'accident', "owner_id" = x."accident_id" FROM "accident_action" x WHERE a."owner_kind" IS NULL AND a."id"::text = ANY(x."evidence");--> statement-breakpoint
ALTER TABLE "attachment" DROP COLUMN "enterprise_id";--> statement-breakpoint
ALTER TABLE "attachment" DROP COLUMN "region_path";
