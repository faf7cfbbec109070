CREATE TABLE "ingest_credential" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"label" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reading" (
	"sensor_id" uuid NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reading_sensor_id_ts_pk" PRIMARY KEY("sensor_id","ts")
) PARTITION BY RANGE ("ts");
--> statement-breakpoint
-- Monthly partitions are created ahead by the monitoring.partitions job; rows outside them land here.
CREATE TABLE "reading_default" PARTITION OF "reading" DEFAULT;
--> statement-breakpoint
CREATE TABLE "reading_rollup" (
	"sensor_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"avg" double precision NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "reading_rollup_sensor_id_bucket_pk" PRIMARY KEY("sensor_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "sensor" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"region_path" text NOT NULL,
	"industry" text NOT NULL,
	"group_id" uuid,
	"installation_id" uuid,
	"installation_name" text,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"unit" text NOT NULL,
	"range_low" double precision,
	"range_high" double precision,
	"location" text NOT NULL,
	"coal_location_key" text,
	"lng" double precision,
	"lat" double precision,
	"rules" jsonb NOT NULL,
	"in_service" boolean DEFAULT true NOT NULL,
	"last_value" double precision,
	"last_ts" timestamp with time zone,
	"status" text DEFAULT 'unknown' NOT NULL,
	"stale_since" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ingest_credential_key_uq" ON "ingest_credential" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "ingest_credential_enterprise_idx" ON "ingest_credential" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sensor_code_uq" ON "sensor" USING btree ("enterprise_id","code");--> statement-breakpoint
CREATE INDEX "sensor_region_idx" ON "sensor" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sensor_installation_idx" ON "sensor" USING btree ("installation_id");--> statement-breakpoint
CREATE INDEX "sensor_last_ts_idx" ON "sensor" USING btree ("last_ts");