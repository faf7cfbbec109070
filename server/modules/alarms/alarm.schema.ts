import { sql } from 'drizzle-orm';
import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 报警 (issue 6): one row per alarm episode of a sensor and alarm type, raised and cleared by the rule
 * engine (common/rules/alarm-rules.ts), acknowledged, classified by the enterprise's disposal feedback
 * (分析研判 / 核查反馈) and closed; shelved or taken out of service by a regulator; escalated on the clock.
 */
export const alarm = pgTable(
  'alarm',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** Copies of the sensor and its enterprise at raise time: scope and lists need no join (as hazards keep them). */
    sensorId: text('sensor_id').notNull(),
    sensorName: text('sensor_name').notNull(),
    sensorType: text('sensor_type').notNull(),
    unit: text('unit').notNull(),
    location: text('location').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    regionPath: text('region_path').notNull(),
    industry: text('industry').notNull(),
    groupId: uuid('group_id'),
    /** highHigh | high | low | lowLow | powerOff | rateOfChange | flatLine | stale */
    type: text('type').notNull(),
    /** red | orange | yellow | blue */
    severity: text('severity').notNull(),
    /** ACTIVE_UNACK | ACTIVE_ACK | CLEARED_UNACK | CLEARED | SHELVED | OUT_OF_SERVICE | CLOSED */
    status: text('status').notNull(),
    /** The process condition is still beyond its limit (independent of shelving and out-of-service). */
    active: boolean('active').notNull(),
    limitValue: doublePrecision('limit_value'),
    startValue: doublePrecision('start_value'),
    peakValue: doublePrecision('peak_value'),
    lastValue: doublePrecision('last_value'),
    startTs: timestamp('start_ts', { withTimezone: true }).notNull(),
    lastTs: timestamp('last_ts', { withTimezone: true }).notNull(),
    ackTs: timestamp('ack_ts', { withTimezone: true }),
    ackBy: text('ack_by'),
    clearTs: timestamp('clear_ts', { withTimezone: true }),
    ackDue: timestamp('ack_due', { withTimezone: true }).notNull(),
    feedbackDue: timestamp('feedback_due', { withTimezone: true }).notNull(),
    /** 0 in time, 1 enterprise told, 2 county government told, 3 city government told. */
    escalation: integer('escalation').notNull().default(0),
    /** Disposal feedback: real | false | plannedWork | equipmentFault. */
    classification: text('classification'),
    analysis: text('analysis'),
    feedback: text('feedback'),
    evidence: uuid('evidence').array().notNull().default(sql`'{}'::uuid[]`),
    feedbackBy: uuid('feedback_by'),
    feedbackByName: text('feedback_by_name'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    shelvedUntil: timestamp('shelved_until', { withTimezone: true }),
    shelveReason: text('shelve_reason'),
    hazardId: uuid('hazard_id'),
    taskId: uuid('task_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One active alarm per sensor and type: a re-raise updates it instead of duplicating (ThingsBoard's rule).
    uniqueIndex('alarm_active_uq').on(t.sensorId, t.type).where(sql`active`),
    index('alarm_enterprise_idx').on(t.enterpriseId, t.startTs),
    index('alarm_region_idx').on(sql`${t.regionPath} text_pattern_ops`, t.startTs),
    index('alarm_start_idx').on(t.startTs),
    index('alarm_sensor_idx').on(t.sensorId, t.startTs),
    index('alarm_open_idx').on(t.feedbackDue).where(sql`status <> 'CLOSED'`),
  ],
);

/** Every step of an alarm (architecture.md §4.7): raise, ack, clear, feedback, shelve …, escalation. */
export const alarmTransition = pgTable(
  'alarm_transition',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    alarmId: uuid('alarm_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorUnit: text('actor_unit'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    comment: text('comment').notNull(),
    evidence: uuid('evidence').array().notNull().default(sql`'{}'::uuid[]`),
    data: jsonb('data'),
  },
  (t) => [index('alarm_transition_alarm_idx').on(t.alarmId, t.seq)],
);

/** The rule engine's state per sensor (on-delay timers, rate window, flat-line run): survives restarts. */
export const alarmRuleState = pgTable('alarm_rule_state', {
  sensorId: text('sensor_id').primaryKey(),
  state: jsonb('state').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
