import { randomInt } from 'node:crypto';
import { deadlines13710 } from '../../../common/rules/deadline-13710.js';
import type { Executor } from '../../db/client.js';
import { loadCalendar } from '../../kernel/calendar/calendar.js';
import { task, taskAssignee, taskExtension } from '../../modules/tasks/task.schema.js';
import type { AssigneeStatus } from '../../modules/tasks/task.workflow.js';

/**
 * 督办 rows in any state in one call, inserted directly and consistent with the 13710 rule: each assignee's due
 * points come from deadlines13710 on the stored calendar, and the instants of the steps it has passed are set
 * (`done` = when, default on time). Override any task column with `over`.
 */

type Unit = { departmentId?: string; enterpriseId?: string; name: string; regionPath: string };
const PASSED: Record<AssigneeStatus, ('deploy' | 'feedback' | 'resolve' | 'close')[]> = {
  received: [],
  deployed: ['deploy'],
  inProgress: ['deploy', 'feedback'],
  resolved: ['deploy', 'feedback', 'resolve'],
  closed: ['deploy', 'feedback', 'resolve', 'close'],
};

export async function makeTask(
  ex: Executor,
  issuer: { id: string; name: string; regionPath: string },
  units: Unit[],
  o: {
    complexity?: 'general' | 'major';
    assignedAt?: Date;
    /** Each assignee's step (one for all, or per unit in order). */
    status?: AssigneeStatus | AssigneeStatus[];
    /** When the passed steps happened; default one hour after assignment (on time). */
    doneAt?: Date;
    escalation?: number;
    createdBy: string;
    over?: Partial<typeof task.$inferInsert>;
  },
) {
  const at = o.assignedAt ?? new Date();
  const complexity = o.complexity ?? 'general';
  const due = deadlines13710({ assignedAt: at, complexity }, (await loadCalendar(ex)).calendar);
  const statuses = units.map((_, i) => (Array.isArray(o.status) ? (o.status[i] ?? 'received') : (o.status ?? 'received')));
  const allClosed = statuses.every((s) => s === 'closed');
  const [t] = await ex
    .insert(task)
    .values({
      code: `DB-T${randomInt(1e9)}`,
      title: `测试督办${randomInt(1e4)}`,
      content: '落实安全生产责任制',
      source: 'document',
      complexity,
      dayKind: 'calendar',
      issuerDepartmentId: issuer.id,
      issuerName: issuer.name,
      regionPath: issuer.regionPath,
      assignedAt: at,
      status: allClosed ? 'closed' : 'open',
      createdBy: o.createdBy,
      createdAt: at,
      updatedAt: at,
      ...o.over,
    })
    .returning();
  const done = o.doneAt ?? new Date(at.getTime() + 3_600_000);
  const assignees = await ex
    .insert(taskAssignee)
    .values(
      units.map((u, i) => {
        const passed = new Set(PASSED[statuses[i] as AssigneeStatus]);
        return {
          taskId: (t as typeof task.$inferSelect).id,
          role: i === 0 ? 'lead' : 'cooperate',
          departmentId: u.departmentId ?? null,
          enterpriseId: u.enterpriseId ?? null,
          unitName: u.name,
          regionPath: u.regionPath,
          status: statuses[i] as AssigneeStatus,
          deployDue: due.deployDue,
          feedbackDue: due.feedbackDue,
          resolveDue: due.resolveDue,
          originalResolveDue: due.resolveDue,
          deployedAt: passed.has('deploy') ? done : null,
          firstFeedbackAt: passed.has('feedback') ? done : null,
          resolvedAt: passed.has('resolve') ? done : null,
          closedAt: passed.has('close') ? done : null,
          escalation: o.escalation ?? 0,
        };
      }),
    )
    .returning();
  return { task: t as typeof task.$inferSelect, assignees: assignees as (typeof taskAssignee.$inferSelect)[] };
}

/** An extension request of an assignee: pending, approved or refused. */
export async function makeExtension(
  ex: Executor,
  a: { id: string; resolveDue: Date },
  o: { status?: 'pending' | 'approved' | 'refused'; days?: number; at?: Date } = {},
) {
  const at = o.at ?? new Date();
  const decided = (o.status ?? 'pending') !== 'pending';
  const [row] = await ex
    .insert(taskExtension)
    .values({
      assigneeId: a.id,
      requestedDue: new Date(a.resolveDue.getTime() + (o.days ?? 7) * 86_400_000),
      reason: '涉及多部门协调，需延期',
      status: o.status ?? 'pending',
      requestedBy: '测试',
      requestedAt: at,
      decidedBy: decided ? '测试' : null,
      decidedAt: decided ? at : null,
      decisionComment: decided ? '同意' : null,
    })
    .returning();
  return row as typeof taskExtension.$inferSelect;
}
