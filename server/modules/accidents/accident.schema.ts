import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Accidents (国务院令第493号): the 快报 with its six contents (Art. 12), every figure's history through
 * 续报, the reporting chain with receipts, the investigation, and the tracked actions of the notice's
 * fatal-accident rule (晋市政发〔2021〕1号 item 27).
 */
export const accident = pgTable(
  'accident',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The unit where it happened; null for accidents outside a registered enterprise (e.g. some road accidents). */
    enterpriseId: uuid('enterprise_id'),
    /** Copies used by the scope gate, like enterprise.regionPath. */
    groupId: uuid('group_id'),
    regionCode: text('region_code').notNull(),
    regionPath: text('region_path').notNull(),
    industry: text('industry').notNull(),
    accidentType: text('accident_type').notNull(),
    title: text('title').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    // Art. 12 (1)–(6)
    unitOverview: text('unit_overview').notNull(),
    scene: text('scene').notNull(),
    narrative: text('narrative').notNull(),
    deaths: integer('deaths').notNull(),
    missing: integer('missing').notNull(),
    seriousInjuries: integer('serious_injuries').notNull(),
    minorInjuries: integer('minor_injuries').notNull(),
    directLossYuan: bigint('direct_loss_yuan', { mode: 'number' }).notNull(),
    measures: text('measures').notNull(),
    other: text('other'),
    grade: integer('grade').notNull(),
    decidedBy: text('decided_by').notNull(),
    status: text('status').notNull(),
    reporterId: uuid('reporter_id'),
    reporterName: text('reporter_name').notNull(),
    reporterUnit: text('reporter_unit'),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publicSummary: text('public_summary'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('accident_region_idx').on(t.regionPath), index('accident_occurred_idx').on(t.occurredAt), index('accident_enterprise_idx').on(t.enterpriseId)],
);

/** Every 快报/续报 figure set, so the history of each number is kept (Art. 13). */
export const accidentRevision = pgTable(
  'accident_revision',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accidentId: uuid('accident_id').notNull(),
    kind: text('kind').notNull(), // initial | supplement
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    deaths: integer('deaths').notNull(),
    missing: integer('missing').notNull(),
    seriousInjuries: integer('serious_injuries').notNull(),
    minorInjuries: integer('minor_injuries').notNull(),
    directLossYuan: bigint('direct_loss_yuan', { mode: 'number' }).notNull(),
    grade: integer('grade').notNull(),
    note: text('note').notNull(),
    late: boolean('late').notNull().default(false),
  },
  (t) => [index('accident_revision_idx').on(t.accidentId, t.at)],
);

/**
 * One link of the reporting chain: a level (county … State Council) or a parallel recipient (police,
 * labour, trade union, procuratorate), its due time and the recipient's receipt.
 */
export const accidentReport = pgTable(
  'accident_report',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accidentId: uuid('accident_id').notNull(),
    recipient: text('recipient').notNull(),
    /** The department inside Taihang that confirms receipt (county/city 应急管理局); null for outside bodies. */
    departmentId: uuid('department_id'),
    due: timestamp('due', { withTimezone: true }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: text('reported_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: text('confirmed_by'),
    skipped: boolean('skipped').notNull().default(false),
    skipReason: text('skip_reason'),
    /** Set by the overdue sweep when the link passed its due time unconfirmed. */
    lateFlaggedAt: timestamp('late_flagged_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('accident_report_uq').on(t.accidentId, t.recipient), index('accident_report_due_idx').on(t.due)],
);

export const accidentInvestigation = pgTable('accident_investigation', {
  accidentId: uuid('accident_id').primaryKey(),
  level: text('level').notNull(),
  leader: text('leader').notNull(),
  members: text('members').array().notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  extensionDays: integer('extension_days').notNull().default(0),
  extensionReason: text('extension_reason'),
  appraisalDays: integer('appraisal_days').notNull().default(0),
  due: timestamp('due', { withTimezone: true }).notNull(),
  report: jsonb('report'),
  reportSubmittedAt: timestamp('report_submitted_at', { withTimezone: true }),
  replyDue: timestamp('reply_due', { withTimezone: true }),
  repliedAt: timestamp('replied_at', { withTimezone: true }),
  replyDocument: text('reply_document'),
});

/** Responsibility findings; each feeds the 三年行动 追责问责清单. */
export const accidentAccountability = pgTable(
  'accident_accountability',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accidentId: uuid('accident_id').notNull(),
    subject: text('subject').notNull(),
    subjectKind: text('subject_kind').notNull(), // person | unit
    finding: text('finding').notNull(),
    proposal: text('proposal').notNull(),
  },
  (t) => [index('accident_accountability_idx').on(t.accidentId)],
);

/** The fatal-accident rule's tracked actions: created once per accident, completed or set aside with a reason. */
export const accidentAction = pgTable(
  'accident_action',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accidentId: uuid('accident_id').notNull(),
    key: text('key').notNull(),
    ownerDepartmentId: uuid('owner_department_id'),
    due: timestamp('due', { withTimezone: true }).notNull(),
    status: text('status').notNull(), // open | done | setAside
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    comment: text('comment'),
    evidence: text('evidence').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('accident_action_uq').on(t.accidentId, t.key)],
);
