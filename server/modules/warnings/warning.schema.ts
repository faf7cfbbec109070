import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 预警信息: a warning issued by a regulator or imported from a CAP feed, kept as one logical row whose
 * latest CAP message is `rawXml`; Update and Cancel messages append their identifiers (interop.md §1).
 */
export const warning = pgTable(
  'warning',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The latest CAP identifier (GB/T 35965.1 `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N` when issued here). */
    identifier: text('identifier').notNull(),
    /** Every CAP identifier this warning has had, first to last (duplicate imports are recognised by it). */
    identifiers: text('identifiers').array().notNull(),
    msgType: text('msg_type').notNull(), // Alert | Update | Cancel
    capStatus: text('cap_status').notNull(), // Actual | Exercise | System | Test | Draft
    capScope: text('cap_scope').notNull(), // Public | Restricted | Private
    sender: text('sender').notNull(),
    sent: text('sent').notNull(),
    /** active | cancelled (expiry is read from `expires`). */
    state: text('state').notNull(),
    /**
     * The unit responsible for the warning here: the issuing unit, or for an imported message the unit that
     * imported it or owns its feed (null on imports from before units were recorded). Its line manages it.
     */
    issuerDepartmentId: uuid('issuer_department_id'),
    /** Who is named as issuer (our unit, or an imported message's senderName). */
    issuerName: text('issuer_name').notNull(),
    /** That unit's region path (scope anchor). */
    regionPath: text('region_path'),
    eventType: text('event_type').notNull(),
    /** red | orange | yellow | blue; null when an imported message says neither colour nor severity. */
    level: text('level'),
    severity: text('severity').notNull(),
    urgency: text('urgency').notNull(),
    certainty: text('certainty').notNull(),
    headline: text('headline').notNull(),
    description: text('description').notNull(),
    instruction: text('instruction').notNull().default(''),
    /** The targeted task sent to each matched enterprise (e.g. 三查三避让). */
    taskText: text('task_text').notNull().default(''),
    effective: timestamp('effective', { withTimezone: true }).notNull(),
    expires: timestamp('expires', { withTimezone: true }),
    /** { areaDesc, polygons: [[lng,lat]...][] (GeoJSON order), regionCodes: GB/T 2260 codes }. */
    area: jsonb('area').notNull(),
    source: text('source').notNull(), // issued | imported
    feedId: uuid('feed_id'),
    rawXml: text('raw_xml').notNull(),
    references: text('references'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('warning_identifier_uq').on(t.identifier),
    index('warning_identifiers_idx').using('gin', t.identifiers),
    index('warning_state_idx').on(t.state, t.effective),
    index('warning_region_idx').on(sql`${t.regionPath} text_pattern_ops`),
  ],
);

/** A warning's targeted task to one enterprise, with why it matched and the enterprise's 签收/feedback. */
export const warningTarget = pgTable(
  'warning_target',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    warningId: uuid('warning_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    regionPath: text('region_path').notNull(),
    industry: text('industry').notNull(),
    groupId: uuid('group_id'),
    /**
     * polygon (the enterprise's own point) | region, plus what it was picked for: mine (a coal or non-coal
     * mine), installation / tailings (one of its registered installations or ponds matched).
     */
    matchedBecause: text('matched_because').array().notNull(),
    /** The registered objects that matched: { kind: 'installation' | 'tailings', id, name, via, overhead? }[]. */
    matchedObjects: jsonb('matched_objects').notNull().default(sql`'[]'::jsonb`),
    taskText: text('task_text').notNull(),
    status: text('status').notNull(), // sent | confirmed
    notificationIds: uuid('notification_ids').array().notNull().default(sql`'{}'::uuid[]`),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    confirmedBy: uuid('confirmed_by'),
    confirmerName: text('confirmer_name'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    feedback: text('feedback'),
  },
  (t) => [uniqueIndex('warning_target_uq').on(t.warningId, t.enterpriseId), index('warning_target_enterprise_idx').on(t.enterpriseId)],
);

/** A unit's CAP import source (a weather bureau feed URL, or a file-upload source). */
export const warningFeed = pgTable('warning_feed', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** The unit the feed belongs to (its line manages it; its messages target that unit's scope); null before units were recorded. */
  departmentId: uuid('department_id'),
  /** The unit's region path (scope anchor). */
  regionPath: text('region_path'),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // url | file
  url: text('url'),
  intervalMinutes: integer('interval_minutes').notNull().default(15),
  enabled: boolean('enabled').notNull().default(true),
  lastFetchedAt: timestamp('last_fetched_at', { withTimezone: true }),
  /** ok | error, and the reason or counts of the last fetch. */
  lastStatus: text('last_status'),
  lastResult: text('last_result'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
