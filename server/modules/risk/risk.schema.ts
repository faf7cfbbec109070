import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 风险分级管控: an enterprise's risk points with their assessment (LEC or LS, inputs kept), level and
 * colour, control measures, control level, responsible person and review dates.
 */
export const riskPoint = pgTable(
  'risk_point',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // area | activity | equipment
    location: text('location'),
    hazardFactors: text('hazard_factors').notNull(),
    /** GB 6441 accident type codes ('01'…'20'). */
    accidentTypes: text('accident_types').array().notNull(),
    method: text('method').notNull(), // lec | ls
    /** The factors as entered: { L, E, C } or { L, S }. */
    inputs: jsonb('inputs').notNull(),
    /** D (LEC) or R (LS). */
    score: doublePrecision('score').notNull(),
    level: integer('level').notNull(), // 1 重大 … 4 低
    color: text('color').notNull(),
    /** The 依据 in force when assessed (method and band limits). */
    source: text('source').notNull(),
    measures: jsonb('measures').notNull(),
    controlLevel: text('control_level').notNull(), // company | workshop | team | post
    responsiblePerson: text('responsible_person').notNull(),
    responsiblePhone: text('responsible_phone'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    assessedBy: text('assessed_by').notNull(),
    reviewDue: date('review_due', { mode: 'string' }).notNull(),
    lastReviewedAt: timestamp('last_reviewed_at', { withTimezone: true }),
    /** The review due date a reminder / overdue flag was last sent for (the sweep is idempotent). */
    remindedFor: text('reminded_for'),
    overdueFlaggedFor: text('overdue_flagged_for'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('risk_point_enterprise_idx').on(t.enterpriseId), index('risk_point_level_idx').on(t.level), index('risk_point_review_idx').on(t.reviewDue)],
);

/** Reviews (定期评审) and re-assessments of a risk point, newest last. */
export const riskPointReview = pgTable(
  'risk_point_review',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    riskPointId: uuid('risk_point_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    comment: text('comment').notNull(),
    fromLevel: integer('from_level').notNull(),
    toLevel: integer('to_level').notNull(),
    score: doublePrecision('score').notNull(),
    nextReviewDue: date('next_review_due', { mode: 'string' }).notNull(),
  },
  (t) => [index('risk_point_review_point_idx').on(t.riskPointId, t.at)],
);

/** 企业风险主动报告: a 重大 (red) risk reported to the supervising departments. */
export const riskReport = pgTable(
  'risk_report',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    riskPointId: uuid('risk_point_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    enterpriseName: text('enterprise_name').notNull(),
    title: text('title').notNull(),
    /** The risk as reported: name, score, method, measures summary, control level, responsible person. */
    content: jsonb('content').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('risk_report_enterprise_idx').on(t.enterpriseId, t.reportedAt)],
);

/** One addressee of a report, with its read receipt (who opened it and when). */
export const riskReportRecipient = pgTable(
  'risk_report_recipient',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    reportId: uuid('report_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    departmentName: text('department_name').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    readById: uuid('read_by_id'),
    readByName: text('read_by_name'),
  },
  (t) => [index('risk_report_recipient_report_idx').on(t.reportId), index('risk_report_recipient_dept_idx').on(t.departmentId)],
);

/**
 * 危险化学品重大危险源 (GB 18218-2018): a production or storage unit with its chemicals, the people
 * within 500 m, the computed S, R and grade, and its three 包保责任人.
 */
export const majorHazardSource = pgTable(
  'major_hazard_source',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unitKind: text('unit_kind').notNull(), // production | storage
    location: text('location'),
    /** WGS 84 / CGCS2000 (interop.md §5.2), both or neither: warning areas are intersected with it. */
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    exposedPopulation: integer('exposed_population').notNull(),
    /** The chemicals as entered ({ cas, name, category, quantityTonnes }). */
    substances: jsonb('substances').notNull(),
    /** The computed terms (q, Q, β, …) at the last save. */
    terms: jsonb('terms').notNull(),
    s: doublePrecision('s').notNull(),
    isMajor: boolean('is_major').notNull(),
    alpha: doublePrecision('alpha').notNull(),
    r: doublePrecision('r').notNull(),
    grade: integer('grade'),
    source: text('source').notNull(),
    principalName: text('principal_name').notNull(),
    principalPhone: text('principal_phone').notNull(),
    technicalName: text('technical_name').notNull(),
    technicalPhone: text('technical_phone').notNull(),
    operationalName: text('operational_name').notNull(),
    operationalPhone: text('operational_phone').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('major_hazard_source_enterprise_idx').on(t.enterpriseId)],
);

/**
 * 尾矿库: a non-coal mine's tailings pond with its location, 等别 (from total capacity and dam height,
 * common/rules/tailings-pond.ts), 头顶库 flag, 安全度 (正常/病/险/危库), operating status and 安全生产许可证.
 * Kept beside the major hazard installations: both are registered 重大危险源-like objects of an enterprise.
 */
export const tailingsPond = pgTable(
  'tailings_pond',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    location: text('location'),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    /** upstream | centerline | downstream | oneTime (筑坝方式). */
    damMethod: text('dam_method'),
    designDamHeight: doublePrecision('design_dam_height').notNull(),
    currentDamHeight: doublePrecision('current_dam_height').notNull(),
    /** 万m³. */
    totalCapacity: doublePrecision('total_capacity').notNull(),
    currentCapacity: doublePrecision('current_capacity').notNull(),
    /** 提等: failure would seriously harm important towns, enterprises or railways downstream. */
    gradeRaised: boolean('grade_raised').notNull().default(false),
    grade: integer('grade').notNull(), // 1 一等 … 5 五等
    /** The 依据 (rule and limits in force) at the last save. */
    gradeSource: text('grade_source').notNull(),
    /** 头顶库: residents or important facilities within 1 km downstream. */
    overhead: boolean('overhead').notNull(),
    downstreamPopulation: integer('downstream_population').notNull(),
    downstreamFacilities: text('downstream_facilities'),
    safetyStatus: text('safety_status').notNull(), // normal | defective | dangerous | critical
    operatingStatus: text('operating_status').notNull(), // operating | idle | closed | deregistered
    responsiblePerson: text('responsible_person').notNull(),
    responsiblePhone: text('responsible_phone').notNull(),
    licenceNumber: text('licence_number'),
    licenceExpiry: date('licence_expiry', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('tailings_pond_enterprise_idx').on(t.enterpriseId)],
);

/**
 * 尾矿库安全度报告: a pond recorded (or changed to) a worse 安全度 — 病库, 险库 or 危库 — reported to its
 * supervising departments with the action the rules require. Who was told: the departments here and
 * the in-app notifications (entity `tailings_pond_report`), whose read receipts are the users'.
 */
export const tailingsPondReport = pgTable(
  'tailings_pond_report',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    pondId: uuid('pond_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** null when the pond was registered with this 安全度. */
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** The required action and its 依据 as sent. */
    action: text('action').notNull(),
    source: text('source').notNull(),
    /** The addressed departments ({ id, name }). */
    departments: jsonb('departments').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedById: uuid('reported_by_id'),
    reportedByName: text('reported_by_name').notNull(),
  },
  (t) => [index('tailings_pond_report_pond_idx').on(t.pondId, t.reportedAt)],
);
