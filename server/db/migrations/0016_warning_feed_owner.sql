ALTER TABLE "warning_feed" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "warning_feed" ADD COLUMN "region_path" text;--> statement-breakpoint
-- A feed belongs to the unit of the user who added it; an imported warning to the importing user's unit or its feed's.
UPDATE "warning_feed" f SET "department_id" = u."department_id", "region_path" = r."path"
  FROM "app_user" u JOIN "department" d ON d."id" = u."department_id" JOIN "region" r ON r."code" = d."region_code"
  WHERE u."id" = f."created_by";--> statement-breakpoint
UPDATE "warning" w SET "issuer_department_id" = f."department_id", "region_path" = f."region_path"
  FROM "warning_feed" f WHERE w."source" = 'imported' AND w."feed_id" = f."id" AND w."issuer_department_id" IS NULL;--> statement-breakpoint
UPDATE "warning" w SET "issuer_department_id" = u."department_id", "region_path" = r."path"
  FROM "app_user" u JOIN "department" d ON d."id" = u."department_id" JOIN "region" r ON r."code" = d."region_code"
  WHERE w."source" = 'imported' AND w."feed_id" IS NULL AND w."issuer_department_id" IS NULL AND u."id" = w."created_by";
