import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 督办 tasks under Shanxi's "13710" system: one task, one or more assignees (a lead unit and
 * cooperating units), each with its own 1/3/7/1-month deadlines, workflow, feedback and extensions.
 */
export const task = pgTable(
  'task',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: text('code').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    source: text('source').notNull(), // meeting | document | leaderInstruction | noticeItem | threeYear | alarm
    sourceRef: text('source_ref'),
    /** The work-plan item (落实情况) this task carries out, when issued from the notice. */
    planItemId: uuid('plan_item_id'),
    complexity: text('complexity').notNull(), // general | major
    dayKind: text('day_kind').notNull(),
    issuerDepartmentId: uuid('issuer_department_id').notNull(),
    issuerName: text('issuer_name').notNull(),
    /** The issuing department's region path: superiors see what their region issued. */
    regionPath: text('region_path').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    attachments: text('attachments').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull(), // open | closed
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('task_issuer_idx').on(t.issuerDepartmentId), index('task_region_idx').on(t.regionPath)],
);

export const taskAssignee = pgTable(
  'task_assignee',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    taskId: uuid('task_id').notNull(),
    role: text('role').notNull(), // lead | cooperate
    departmentId: uuid('department_id'),
    enterpriseId: uuid('enterprise_id'),
    unitName: text('unit_name').notNull(),
    regionPath: text('region_path').notNull(),
    status: text('status').notNull(),
    deployDue: timestamp('deploy_due', { withTimezone: true }).notNull(),
    feedbackDue: timestamp('feedback_due', { withTimezone: true }).notNull(),
    resolveDue: timestamp('resolve_due', { withTimezone: true }).notNull(),
    /** The resolve due date as first computed, so on-time statistics can tell extended items apart. */
    originalResolveDue: timestamp('original_resolve_due', { withTimezone: true }).notNull(),
    deployedAt: timestamp('deployed_at', { withTimezone: true }),
    firstFeedbackAt: timestamp('first_feedback_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** 0 none, 1 reminder (提醒), 2 warning (预警), 3 通报 — raised by the overdue sweep. */
    escalation: integer('escalation').notNull().default(0),
    remindedFor: text('reminded_for'),
    /** Major/complex items may answer with a plan and milestones instead of a 1-month resolution. */
    plan: jsonb('plan'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('task_assignee_task_idx').on(t.taskId), index('task_assignee_dept_idx').on(t.departmentId), index('task_assignee_due_idx').on(t.resolveDue)],
);

/** Every step of an assignee (sign, feedback, resolve, accept, return, extension decisions). */
export const taskEvent = pgTable(
  'task_event',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    taskId: uuid('task_id').notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    comment: text('comment').notNull(),
    evidence: text('evidence').array().notNull().default(sql`'{}'::text[]`),
    progress: integer('progress'),
  },
  (t) => [index('task_event_assignee_idx').on(t.assigneeId, t.at)],
);

export const taskExtension = pgTable(
  'task_extension',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    assigneeId: uuid('assignee_id').notNull(),
    requestedDue: timestamp('requested_due', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull(), // pending | approved | refused
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
  },
  (t) => [index('task_extension_assignee_idx').on(t.assigneeId)],
);
