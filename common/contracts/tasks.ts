import { z } from 'zod';
import { ZDate } from './dates.js';

/** 督办 task requests ("13710"). */

const text = (max: number) => z.string().trim().min(2).max(max);

export const TASK_SOURCES = ['meeting', 'document', 'leaderInstruction', 'noticeItem', 'threeYear', 'alarm'] as const;

export const ZIssueTask = z.strictObject({
  title: text(120),
  content: text(4000),
  source: z.enum(TASK_SOURCES),
  sourceRef: z.string().trim().max(120).optional(),
  complexity: z.enum(['general', 'major']),
  dayKind: z.enum(['calendar', 'working']).default('calendar'),
  /** Lead unit first; any government unit, department or enterprise. */
  lead: z.strictObject({ departmentId: z.string().uuid().optional(), enterpriseId: z.string().uuid().optional() }),
  cooperating: z
    .array(z.strictObject({ departmentId: z.string().uuid().optional(), enterpriseId: z.string().uuid().optional() }))
    .max(30)
    .default([]),
  attachments: z.array(z.string().uuid()).max(20).default([]),
});
export type TIssueTask = z.infer<typeof ZIssueTask>;

export const ZTaskStep = z.strictObject({
  comment: text(4000),
  evidence: z.array(z.string().uuid()).max(20).default([]),
  progress: z.number().int().min(0).max(100).optional(),
  /** Major/complex items may hand in a plan with milestones at their first feedback. */
  plan: z
    .array(z.strictObject({ date: ZDate, milestone: text(200) }))
    .max(20)
    .optional(),
});
export type TTaskStep = z.infer<typeof ZTaskStep>;

export const ZRequestExtension = z.strictObject({ requestedDue: ZDate, reason: text(1000) });
export const ZDecideExtension = z.strictObject({ comment: z.string().trim().max(1000).optional() });

export const ZTaskListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  side: z.enum(['issued', 'assigned', 'all']).default('all'),
  status: z.enum(['open', 'closed']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  lang: z.string().optional(),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZTaskStatsQuery = z.object({
  from: ZDate,
  to: ZDate,
  lang: z.string().optional(),
});

// ---- responses (server/modules/tasks presenters return these; the web infers its types from them) ----

export const TASK_STATUSES = ['open', 'closed'] as const;
export const TASK_COMPLEXITIES = ['general', 'major'] as const;
export const DAY_KINDS = ['calendar', 'working'] as const;
export const ASSIGNEE_ROLES = ['lead', 'cooperate'] as const;
export const ASSIGNEE_STATUSES = ['received', 'deployed', 'inProgress', 'resolved', 'closed'] as const;
/** Where an assignee stands against its due points now: the colour of its dot. */
export const ASSIGNEE_STATES = ['onTrack', 'dueSoon', 'overdue', 'done'] as const;
export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;

export const ZMilestone = z.object({ date: z.string(), milestone: z.string() });

/** One unit a task is issued to, with its three due points and where it stands. */
export const ZAssigneeSummary = z.object({
  id: z.string(),
  role: z.enum(ASSIGNEE_ROLES),
  unitName: z.string(),
  departmentId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  status: z.enum(ASSIGNEE_STATUSES),
  deployDue: z.string(),
  feedbackDue: z.string(),
  resolveDue: z.string(),
  originalResolveDue: z.string(),
  deployedAt: z.string().nullable(),
  firstFeedbackAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** 0 none, 1 提醒, 2 预警, 3 通报. */
  escalation: z.number().int(),
  state: z.enum(ASSIGNEE_STATES),
  plan: z.array(ZMilestone).nullable(),
});

export const ZTaskBase = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  source: z.enum(TASK_SOURCES),
  sourceRef: z.string().nullable(),
  complexity: z.enum(TASK_COMPLEXITIES),
  dayKind: z.enum(DAY_KINDS),
  issuerDepartmentId: z.string(),
  issuerName: z.string(),
  assignedAt: z.string(),
  status: z.enum(TASK_STATUSES),
});

/** A task list row. */
export const ZTaskSummary = ZTaskBase.extend({ assignees: z.array(ZAssigneeSummary) });

export const ZTaskEvent = z.object({
  id: z.string(),
  assigneeId: z.string(),
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  actorName: z.string(),
  at: z.string(),
  comment: z.string(),
  evidence: z.array(z.string()),
  progress: z.number().int().nullable(),
});

export const ZTaskExtension = z.object({
  id: z.string(),
  assigneeId: z.string(),
  requestedDue: z.string(),
  reason: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});

/** The buttons per assignee: the assignee policy's answers. */
export const ZAssigneeAbilities = z.object({
  deploy: z.boolean(),
  feedback: z.boolean(),
  resolve: z.boolean(),
  accept: z.boolean(),
  return: z.boolean(),
  requestExtension: z.boolean(),
  decideExtension: z.boolean(),
});

export const ZAssigneeDetail = ZAssigneeSummary.extend({
  abilities: ZAssigneeAbilities,
  extensions: z.array(ZTaskExtension),
  events: z.array(ZTaskEvent),
});

export const ZTaskDetail = ZTaskBase.extend({
  content: z.string(),
  attachments: z.array(z.string()),
  source13710: z.string(),
  assignees: z.array(ZAssigneeDetail),
  isIssuer: z.boolean(),
  /** The server's clock when the detail was read (lateness is judged by it, not the browser's). */
  now: z.string(),
});

export const ZTaskResponse = z.object({ data: ZTaskDetail, abilities: z.object({ issue: z.boolean() }) });

const ZBoardCounts = z.object({ open: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int(), noticed: z.number().int() });

/** The issuer's supervision board: open, due soon, overdue and 通报 by unit, with the assignees behind each number. */
export const ZTaskBoard = z.object({
  totals: ZBoardCounts,
  units: z.array(ZBoardCounts.extend({ unitName: z.string() })),
  items: z.array(ZAssigneeSummary.extend({ taskId: z.string(), code: z.string(), title: z.string(), issuerName: z.string() })),
  source: z.string(),
});

/** [on time, counted] of one 13710 stage. */
const ZStageCount = z.tuple([z.number().int(), z.number().int()]);

export const ZTaskStatsUnit = z.object({
  unitName: z.string(),
  assigned: z.number().int(),
  closed: z.number().int(),
  extended: z.number().int(),
  deployOnTimeRate: z.number().nullable(),
  feedbackOnTimeRate: z.number().nullable(),
  resolve7OnTimeRate: z.number().nullable(),
  resolveMonthOnTimeRate: z.number().nullable(),
  counts: z.object({ deploy: ZStageCount, feedback: ZStageCount, resolve7: ZStageCount, resolveMonth: ZStageCount }),
});

export const ZTaskStats = z.object({ from: z.string(), to: z.string(), units: z.array(ZTaskStatsUnit) });
