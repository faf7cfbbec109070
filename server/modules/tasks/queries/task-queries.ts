import type { TTaskListQuery } from '../../../../common/contracts/tasks.js';
import { DEADLINE_13710_SOURCE } from '../../../../common/rules/deadline-13710.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { assigneeAbilities, isIssuer } from '../task.policy.js';
import { type AssigneeRow, findTasks, getTask, listAssignees, listEvents, listExtensions, type TaskFilter, type TaskRow } from '../task.repository.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const SOON_MS = 48 * 3_600_000;

/** Where an assignee stands against its three due points now: the colour the board shows. */
export function assigneeState(a: AssigneeRow, now: Date): 'done' | 'overdue' | 'dueSoon' | 'onTrack' {
  if (a.status === 'closed') return 'done';
  const pending = [!a.deployedAt && a.deployDue, !a.firstFeedbackAt && a.feedbackDue, !a.resolvedAt && a.resolveDue].filter((d): d is Date => !!d);
  if (pending.some((d) => d < now)) return 'overdue';
  if (pending.some((d) => d.getTime() - now.getTime() < SOON_MS)) return 'dueSoon';
  return 'onTrack';
}

function presentAssignee(a: AssigneeRow, now: Date) {
  return {
    id: a.id,
    role: a.role,
    unitName: a.unitName,
    departmentId: a.departmentId,
    enterpriseId: a.enterpriseId,
    status: a.status,
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
    plan: a.plan,
  };
}

function presentTask(t: TaskRow) {
  return {
    id: t.id,
    code: t.code,
    title: t.title,
    source: t.source,
    sourceRef: t.sourceRef,
    complexity: t.complexity,
    dayKind: t.dayKind,
    issuerDepartmentId: t.issuerDepartmentId,
    issuerName: t.issuerName,
    assignedAt: t.assignedAt.toISOString(),
    status: t.status,
  };
}

function filterOf(ctx: Ctx, q: TTaskListQuery): TaskFilter {
  const f: TaskFilter = { q: q.q, status: q.status };
  if (q.side === 'issued') f.issuerDepartmentId = ctx.actor.departmentId ?? '00000000-0000-0000-0000-000000000000';
  if (q.side === 'assigned') {
    if (ctx.actor.enterpriseId) f.assignedToEnterpriseId = ctx.actor.enterpriseId;
    else f.assignedToDepartmentId = ctx.actor.departmentId ?? '00000000-0000-0000-0000-000000000000';
  }
  if (q.overdue === 'true') f.overdueAt = ctx.clock.now();
  return f;
}

export async function listTasksQuery(ctx: Ctx, q: TTaskListQuery) {
  const { rows, total } = await findTasks(ctx.tx, ctx.scope, filterOf(ctx, q), q.page, q.pageSize);
  const assignees = await listAssignees(
    ctx.tx,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now();
  return {
    items: rows.map((t) => ({ ...presentTask(t), assignees: assignees.filter((a) => a.taskId === t.id).map((a) => presentAssignee(a, now)) })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getTaskQuery(ctx: Ctx, id: string) {
  const t = await getTask(ctx.tx, ctx.scope, id);
  if (!t) throw notFound();
  const assignees = await listAssignees(ctx.tx, [id]);
  const [events, extensions] = [
    await listEvents(ctx.tx, id),
    await listExtensions(
      ctx.tx,
      assignees.map((a) => a.id),
    ),
  ];
  const now = ctx.clock.now();
  return {
    data: {
      ...presentTask(t),
      content: t.content,
      attachments: t.attachments,
      source13710: DEADLINE_13710_SOURCE,
      assignees: assignees.map((a) => {
        const ext = extensions.filter((e) => e.assigneeId === a.id);
        return {
          ...presentAssignee(a, now),
          abilities: assigneeAbilities(ctx.actor, { task: t, assignee: a, pendingExtension: ext.some((e) => e.status === 'pending') }),
          extensions: ext.map((e) => ({
            ...e,
            requestedDue: e.requestedDue.toISOString(),
            requestedAt: e.requestedAt.toISOString(),
            decidedAt: iso(e.decidedAt),
          })),
          events: events.filter((e) => e.assigneeId === a.id).map((e) => ({ ...e, at: e.at.toISOString() })),
        };
      }),
      isIssuer: isIssuer(ctx.actor, t),
      /** The server's clock: the page judges lateness by it, as the board does. */
      now: now.toISOString(),
    },
    abilities: { issue: ctx.actor.permissions.has('task.issue') },
  };
}

/** The issuer's supervision board: open, due soon, overdue, by unit, with the tasks behind each number. */
export async function boardQuery(ctx: Ctx) {
  const { rows } = await findTasks(ctx.tx, ctx.scope, { status: 'open' }, 1, 2000);
  const assignees = await listAssignees(
    ctx.tx,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now();
  const byUnit = new Map<string, { unitName: string; open: number; dueSoon: number; overdue: number; noticed: number }>();
  const totals = { open: 0, dueSoon: 0, overdue: 0, noticed: 0 };
  const items = [];
  for (const a of assignees) {
    if (a.status === 'closed') continue;
    const state = assigneeState(a, now);
    const u = byUnit.get(a.unitName) ?? { unitName: a.unitName, open: 0, dueSoon: 0, overdue: 0, noticed: 0 };
    u.open++;
    totals.open++;
    if (state === 'dueSoon') {
      u.dueSoon++;
      totals.dueSoon++;
    }
    if (state === 'overdue') {
      u.overdue++;
      totals.overdue++;
    }
    if (a.escalation >= 3) {
      u.noticed++;
      totals.noticed++;
    }
    byUnit.set(a.unitName, u);
    const t = rows.find((r) => r.id === a.taskId) as TaskRow;
    items.push({ taskId: t.id, code: t.code, title: t.title, issuerName: t.issuerName, ...presentAssignee(a, now) });
  }
  return {
    totals,
    units: [...byUnit.values()].sort((x, y) => y.overdue - x.overdue || x.unitName.localeCompare(y.unitName)),
    items,
    source: DEADLINE_13710_SOURCE,
  };
}
