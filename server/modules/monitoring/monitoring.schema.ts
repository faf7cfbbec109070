import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 监测点 (a sensor / measuring point) of an enterprise, optionally on a GB 18218 major hazard
 * installation. Its alarm rules are stored in the shared ZSensorRules shape (common/contracts/monitoring.ts).
 */
export const sensor = pgTable(
  'sensor',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** Copies of the enterprise's name and scope anchors, as hazards keep them: scope and lists need no join. */
    enterpriseName: text('enterprise_name').notNull(),
    regionPath: text('region_path').notNull(),
    industry: text('industry').notNull(),
    groupId: uuid('group_id'),
    /** A 重大危险源 from the risk module (major_hazard_source.id), if the point belongs to one. */
    installationId: uuid('installation_id'),
    installationName: text('installation_name'),
    /** The enterprise's own point code (e.g. the 6-digit coal 测点编码); readings name it. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** One of SENSOR_TYPES. */
    type: text('type').notNull(),
    unit: text('unit').notNull(),
    rangeLow: doublePrecision('range_low'),
    rangeHigh: doublePrecision('range_high'),
    location: text('location').notNull(),
    /** Coal CH4: the 煤矿安全规程 location key (common/rules/coal-gas-thresholds.ts) the defaults came from. */
    coalLocationKey: text('coal_location_key'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    rules: jsonb('rules').notNull(),
    inService: boolean('in_service').notNull().default(true),
    /** An approved out-of-service window (calibration, maintenance): not evaluated until then; it ends by itself. */
    outOfServiceUntil: timestamp('out_of_service_until', { withTimezone: true }),
    lastValue: doublePrecision('last_value'),
    lastTs: timestamp('last_ts', { withTimezone: true }),
    /** unknown (never reported) | online | stale (no reading for rules.staleSeconds). */
    status: text('status').notNull().default('unknown'),
    staleSince: timestamp('stale_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sensor_code_uq').on(t.enterpriseId, t.code),
    index('sensor_region_idx').on(sql`${t.regionPath} text_pattern_ops`),
    index('sensor_installation_idx').on(t.installationId),
    index('sensor_last_ts_idx').on(t.lastTs),
  ],
);

/**
 * A request to loosen a sensor's safety settings (a limit raised or removed toward the legal one, a longer
 * on-delay, an out-of-service window): pending until a supervising regulator approves or rejects it; only
 * an approval applies it (common/rules/sensor-limits.ts). Scope comes from the sensor (joined, not copied).
 */
export const sensorChangeRequest = pgTable(
  'sensor_change_request',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    sensorId: uuid('sensor_id').notNull(),
    /** The rules when asked, and the rules asked for (the whole ZSensorRules object). */
    fromRules: jsonb('from_rules').notNull(),
    toRules: jsonb('to_rules').notNull(),
    /** An out-of-service window asked for, ending at this time. */
    outOfServiceUntil: timestamp('out_of_service_until', { withTimezone: true }),
    /** The loosenings (field, from, to, legal limit, 依据) as computed when asked. */
    changes: jsonb('changes').notNull(),
    reason: text('reason').notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedByUnit: text('requested_by_unit'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedByUnit: text('decided_by_unit'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    index('sensor_change_request_sensor_idx').on(t.sensorId, t.requestedAt),
    uniqueIndex('sensor_change_request_pending_uq').on(t.sensorId).where(sql`${t.status} = 'pending'`),
  ],
);

/** Per-enterprise ingestion credential: `<keyId>.<secret>`; only the SHA-256 of the 256-bit secret is kept. */
export const ingestCredential = pgTable(
  'ingest_credential',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    keyId: text('key_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    label: text('label').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('ingest_credential_key_uq').on(t.keyId), index('ingest_credential_enterprise_idx').on(t.enterpriseId)],
);

/**
 * Raw readings. The migration creates this PARTITIONED BY RANGE (ts) with monthly partitions made
 * ahead by a job and a default partition; (sensor_id, ts) is the key that deduplicates.
 */
export const reading = pgTable(
  'reading',
  {
    sensorId: uuid('sensor_id').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sensorId, t.ts] })],
);

/** 5-minute statistics (AQ 6201: 5 min 统计值 kept ≥ 1 year). */
export const readingRollup = pgTable(
  'reading_rollup',
  {
    sensorId: uuid('sensor_id').notNull(),
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    min: doublePrecision('min').notNull(),
    max: doublePrecision('max').notNull(),
    avg: doublePrecision('avg').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sensorId, t.bucket] })],
);
