import { sql } from 'drizzle-orm';
import { bigserial, date, doublePrecision, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Hazard codes (YH + year + number) come from a sequence: counting rows would not scale to millions. */
export const hazardCodeSeq = pgSequence('hazard_code_seq', { startWith: 1 });

/**
 * 事故隐患 (安监总局令第16号): found, confirmed and graded, rectified, verified by someone other than the
 * rectifier, and closed; major ones also get the Art. 15 plan, 双报告, 挂牌督办 and the regulator's review.
 */
export const hazard = pgTable(
  'hazard',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: text('code').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** Copies of the enterprise's name and scope anchors at report time, as accidents keep them: scope and lists need no join. */
    enterpriseName: text('enterprise_name').notNull(),
    regionPath: text('region_path').notNull(),
    industry: text('industry').notNull(),
    groupId: uuid('group_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    location: text('location').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    /** selfInspection | inspection | worker | grid | public | alarm */
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    /** 基础管理 (management) or 现场管理 (site). */
    category: text('category').notNull(),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull(),
    reportedBy: uuid('reported_by'),
    reporterName: text('reporter_name').notNull(),
    /** general | major; null until confirmed (a reporter may suggest one in suggestedGrade). */
    grade: text('grade'),
    suggestedGrade: text('suggested_grade'),
    /** The 判定标准 criterion that made it major: coal (应急管理部令第4号) or chemical (安监总管三〔2017〕121号). */
    criterionCatalogue: text('criterion_catalogue'),
    criterionCode: text('criterion_code'),
    status: text('status').notNull(),
    rectifierName: text('rectifier_name'),
    rectifierUserId: uuid('rectifier_user_id'),
    deadline: date('deadline', { mode: 'string' }),
    originalDeadline: date('original_deadline', { mode: 'string' }),
    /** Art. 15 six-element plan, required before a major hazard's rectification starts. */
    plan: jsonb('plan'),
    /** Art. 14 report contents of a major hazard (current state and causes, harm and difficulty). */
    majorReport: jsonb('major_report'),
    dualReportedAt: timestamp('dual_reported_at', { withTimezone: true }),
    photos: uuid('photos').array().notNull().default(sql`'{}'::uuid[]`),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** Major: the regulator's on-site review is due within 10 days of the acceptance application (Art. 23). */
    reviewDue: date('review_due', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** 0 none, 1 overdue (enterprise told), 2 supervising department told, 3 region government told. */
    escalation: integer('escalation').notNull().default(0),
    remindedFor: text('reminded_for'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('hazard_code_uq').on(t.code),
    index('hazard_enterprise_idx').on(t.enterpriseId, t.status),
    index('hazard_region_idx').on(sql`${t.regionPath} text_pattern_ops`, t.createdAt),
    index('hazard_created_idx').on(t.createdAt),
    index('hazard_open_deadline_idx').on(t.deadline).where(sql`status in ('confirmed', 'rectifying')`),
    index('hazard_status_idx').on(t.status, t.grade),
    // The open list ('status not in closed, rejected') is the daily view: partial indexes keep it off a full scan
    // (bench/hazards: 0.7 → 95 req/s for a county at 1M hazards on PostgreSQL).
    index('hazard_open_region_idx').on(sql`${t.regionPath} text_pattern_ops`, t.createdAt).where(sql`status not in ('closed', 'rejected')`),
    index('hazard_open_created_idx').on(sql`${t.createdAt} desc`, sql`${t.id} desc`).where(sql`status not in ('closed', 'rejected')`),
  ],
);

/** Every step of a hazard: from, to, actor, comment and evidence (architecture.md §4.7). */
export const hazardTransition = pgTable(
  'hazard_transition',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** Insertion order: steps of one transaction share a timestamp (confirm, then its 双报告). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    hazardId: uuid('hazard_id').notNull(),
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
  (t) => [index('hazard_transition_hazard_idx').on(t.hazardId, t.at)],
);

/** 挂牌督办: a department lists a major hazard for supervised rectification, and later closes the listing. */
export const hazardListing = pgTable(
  'hazard_listing',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    hazardId: uuid('hazard_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    departmentName: text('department_name').notNull(),
    /** province | city | county, from the listing department's region. */
    level: text('level').notNull(),
    documentNumber: text('document_number'),
    supervisor: text('supervisor').notNull(),
    supervisorPhone: text('supervisor_phone'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    requirements: text('requirements').notNull(),
    status: text('status').notNull(), // open | closed
    listedAt: timestamp('listed_at', { withTimezone: true }).notNull(),
    listedBy: text('listed_by').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    closingComment: text('closing_comment'),
  },
  (t) => [index('hazard_listing_hazard_idx').on(t.hazardId), index('hazard_listing_dept_idx').on(t.departmentId, t.status)],
);

/** Art. 14 quarterly and yearly statistics, generated from the data and signed by the principal. */
export const hazardStatsReport = pgTable(
  'hazard_stats_report',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    period: text('period').notNull(), // 2026Q3 | 2026
    due: date('due', { mode: 'string' }).notNull(),
    figures: jsonb('figures').notNull(),
    analysis: text('analysis').notNull(),
    principalName: text('principal_name').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submitterName: text('submitter_name').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('hazard_stats_report_uq').on(t.enterpriseId, t.period)],
);

/** Once per period and regulator: the overdue-statistics notice has gone out. */
export const hazardStatsNotice = pgTable(
  'hazard_stats_notice',
  {
    period: text('period').notNull(),
    departmentId: uuid('department_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('hazard_stats_notice_uq').on(t.period, t.departmentId)],
);

/** The 三年行动 制度措施清单 (measure) and 追责问责清单 (accountability): lists regulators maintain, linked to hazards. */
export const hazardListEntry = pgTable(
  'hazard_list_entry',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(), // measure | accountability
    departmentId: uuid('department_id').notNull(),
    departmentName: text('department_name').notNull(),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    unitName: text('unit_name').notNull(),
    person: text('person'),
    documentNumber: text('document_number'),
    date: date('date', { mode: 'string' }).notNull(),
    hazardIds: uuid('hazard_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('hazard_list_entry_region_idx').on(t.kind, t.regionPath)],
);
