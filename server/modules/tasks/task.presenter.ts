import type { z } from 'zod';
import type {
  ASSIGNEE_ROLES,
  ASSIGNEE_STATUSES,
  DAY_KINDS,
  EXTENSION_STATUSES,
  TASK_COMPLEXITIES,
  TASK_SOURCES,
  TASK_STATUSES,
  ZAssigneeAbilities,
  ZAssigneeDetail,
  ZAssigneeSummary,
  ZMilestone,
  ZTaskBase,
  ZTaskDetail,
  ZTaskEvent,
  ZTaskExtension,
  ZTaskStatsUnit,
} from '../../../common/contracts/tasks.js';
import type { AssigneeRow, EventRow, ExtensionRow, TaskRow } from './task.repository.js';

/**
 * Rows → the response contracts (common/contracts/tasks.ts). The text columns hold the workflow's values; they are
 * narrowed here, where rows leave the module, and the contract re-checks them in tests.
 */
type Out<T extends z.ZodType> = z.input<T>;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const SOON_MS = 48 * 3_600_000;

/** Where an assignee stands against its three due points now: the colour the board shows. */
export function assigneeState(a: AssigneeRow, now: Date): Out<typeof ZAssigneeSummary>['state'] {
  if (a.status === 'closed') return 'done';
  const pending = [!a.deployedAt && a.deployDue, !a.firstFeedbackAt && a.feedbackDue, !a.resolvedAt && a.resolveDue].filter((d): d is Date => !!d);
  if (pending.some((d) => d < now)) return 'overdue';
  if (pending.some((d) => d.getTime() - now.getTime() < SOON_MS)) return 'dueSoon';
  return 'onTrack';
}

export function presentAssignee(a: AssigneeRow, now: Date): Out<typeof ZAssigneeSummary> {
  return {
    id: a.id,
    role: a.role as (typeof ASSIGNEE_ROLES)[number],
    unitName: a.unitName,
    departmentId: a.departmentId,
    enterpriseId: a.enterpriseId,
    status: a.status as (typeof ASSIGNEE_STATUSES)[number],
    deployDue: a.deployDue.toISOString(),
    feedbackDue: a.feedbackDue.toISOString(),
    resolveDue: a.resolveDue.toISOString(),
    originalResolveDue: a.originalResolveDue.toISOString(),
    deployedAt: iso(a.deployedAt),
    firstFeedbackAt: iso(a.firstFeedbackAt),
    resolvedAt: iso(a.resolvedAt),
    closedAt: iso(a.closedAt),
    escalation: a.escalation,
    state: assigneeState(a, now),
    plan: a.plan as Out<typeof ZMilestone>[] | null,
  };
}

export function presentTask(t: TaskRow): Out<typeof ZTaskBase> {
  return {
    id: t.id,
    code: t.code,
    title: t.title,
    source: t.source as (typeof TASK_SOURCES)[number],
    sourceRef: t.sourceRef,
    complexity: t.complexity as (typeof TASK_COMPLEXITIES)[number],
    dayKind: t.dayKind as (typeof DAY_KINDS)[number],
    issuerDepartmentId: t.issuerDepartmentId,
    issuerName: t.issuerName,
    assignedAt: t.assignedAt.toISOString(),
    status: t.status as (typeof TASK_STATUSES)[number],
  };
}

export function presentEvent(e: EventRow): Out<typeof ZTaskEvent> {
  return {
    id: e.id,
    assigneeId: e.assigneeId,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorName: e.actorName,
    at: e.at.toISOString(),
    comment: e.comment,
    evidence: e.evidence,
    progress: e.progress,
  };
}

export function presentExtension(e: ExtensionRow): Out<typeof ZTaskExtension> {
  return {
    id: e.id,
    assigneeId: e.assigneeId,
    requestedDue: e.requestedDue.toISOString(),
    reason: e.reason,
    status: e.status as (typeof EXTENSION_STATUSES)[number],
    requestedBy: e.requestedBy,
    requestedAt: e.requestedAt.toISOString(),
    decidedBy: e.decidedBy,
    decidedAt: iso(e.decidedAt),
    decisionComment: e.decisionComment,
  };
}

/** One assignee on the detail page: its steps, extensions and the buttons the policy allows the viewer. */
export function presentAssigneeDetail(
  a: AssigneeRow,
  now: Date,
  extra: { abilities: Out<typeof ZAssigneeAbilities>; extensions: ExtensionRow[]; events: EventRow[] },
): Out<typeof ZAssigneeDetail> {
  return {
    ...presentAssignee(a, now),
    abilities: extra.abilities,
    extensions: extra.extensions.map(presentExtension),
    events: extra.events.map(presentEvent),
  };
}

export function presentTaskDetail(
  t: TaskRow,
  extra: { source13710: string; assignees: Out<typeof ZAssigneeDetail>[]; isIssuer: boolean; now: Date },
): Out<typeof ZTaskDetail> {
  return {
    ...presentTask(t),
    content: t.content,
    attachments: t.attachments,
    source13710: extra.source13710,
    assignees: extra.assignees,
    isIssuer: extra.isIssuer,
    now: extra.now.toISOString(),
  };
}

const rate = (ok: number, all: number) => (all === 0 ? null : Math.round((ok / all) * 1000) / 10);

/** [on time, counted] of each 13710 stage of one unit, with the on-time rates (percent, one decimal). */
export function presentStatsUnit(u: {
  unitName: string;
  assigned: number;
  closed: number;
  extended: number;
  deploy: [number, number];
  feedback: [number, number];
  resolve7: [number, number];
  resolveMonth: [number, number];
}): Out<typeof ZTaskStatsUnit> {
  return {
    unitName: u.unitName,
    assigned: u.assigned,
    closed: u.closed,
    extended: u.extended,
    deployOnTimeRate: rate(...u.deploy),
    feedbackOnTimeRate: rate(...u.feedback),
    resolve7OnTimeRate: rate(...u.resolve7),
    resolveMonthOnTimeRate: rate(...u.resolveMonth),
    counts: { deploy: u.deploy, feedback: u.feedback, resolve7: u.resolve7, resolveMonth: u.resolveMonth },
  };
}
