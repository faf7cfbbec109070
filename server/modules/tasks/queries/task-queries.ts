import type { z } from 'zod';
import type { TTaskListQuery, ZTaskBoard, ZTaskResponse, ZTaskSummary } from '../../../../common/contracts/tasks.js';
import { DEADLINE_13710_SOURCE } from '../../../../common/rules/deadline-13710.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { assigneeAbilities, isIssuer } from '../task.policy.js';
import { assigneeState, presentAssignee, presentAssigneeDetail, presentTask, presentTaskDetail } from '../task.presenter.js';
import { findTasks, getTask, listAssignees, listEvents, listExtensions, type TaskFilter, type TaskRow } from '../task.repository.js';

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
  const items: z.input<typeof ZTaskSummary>[] = rows.map((t) => ({
    ...presentTask(t),
    assignees: assignees.filter((a) => a.taskId === t.id).map((a) => presentAssignee(a, now)),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getTaskQuery(ctx: Ctx, id: string): Promise<z.input<typeof ZTaskResponse>> {
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
    data: presentTaskDetail(t, {
      source13710: DEADLINE_13710_SOURCE,
      assignees: assignees.map((a) => {
        const ext = extensions.filter((e) => e.assigneeId === a.id);
        return presentAssigneeDetail(a, now, {
          abilities: assigneeAbilities(ctx.actor, { task: t, assignee: a, pendingExtension: ext.some((e) => e.status === 'pending') }),
          extensions: ext,
          events: events.filter((e) => e.assigneeId === a.id),
        });
      }),
      isIssuer: isIssuer(ctx.actor, t),
      // The server's clock: the page judges lateness by it, as the board does.
      now,
    }),
    abilities: { issue: ctx.actor.permissions.has('task.issue') },
  };
}

/** The issuer's supervision board: open, due soon, overdue, by unit, with the tasks behind each number. */
export async function boardQuery(ctx: Ctx): Promise<z.input<typeof ZTaskBoard>> {
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
