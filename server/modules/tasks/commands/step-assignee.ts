import type { TTaskStep } from '../../../../common/contracts/tasks.js';
import { notice } from '../../../../common/i18n/notifications.js';
import type { Ctx } from '../../../kernel/context.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { assigneePolicy } from '../task.policy.js';
import { insertEvent, lockAssigneeOfTask, openAssigneesOf, updateAssignee, updateTask } from '../task.repository.js';
import { type AssigneeAction, type AssigneeStatus, assigneeTransition } from '../task.workflow.js';

/**
 * One step of an assignee: 签收部署, 反馈 (repeatable), 办结, and the issuer's 销号 or 退回. The last
 * accepted assignee closes the task.
 */
export async function assigneeStep(ctx: Ctx, taskId: string, assigneeId: string, action: AssigneeAction, input: TTaskStep) {
  const { task: t, assignee: a } = await loadFor(ctx, assigneePolicy, action, (ex, scope) => lockAssigneeOfTask(ex, scope, taskId, assigneeId));
  // The policy has refused an illegal step (409), so there is a next status.
  const to = assigneeTransition(a.status as AssigneeStatus, action) as AssigneeStatus;
  const now = ctx.clock.now();
  await updateAssignee(ctx.tx, a.id, {
    status: to,
    ...(action === 'deploy' ? { deployedAt: now } : {}),
    ...(action === 'feedback' && !a.firstFeedbackAt ? { firstFeedbackAt: now } : {}),
    ...(action === 'feedback' && input.plan ? { plan: input.plan } : {}),
    ...(action === 'resolve' ? { resolvedAt: now, firstFeedbackAt: a.firstFeedbackAt ?? now } : {}),
    ...(action === 'return' ? { resolvedAt: null } : {}),
    ...(action === 'accept' ? { closedAt: now, escalation: 0 } : {}),
  });
  await attachFiles(ctx.tx, ctx.actor.id, { kind: 'task', id: taskId }, input.evidence, 'evidence');
  await insertEvent(ctx.tx, {
    taskId,
    assigneeId,
    action,
    fromStatus: a.status,
    toStatus: to,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    at: now,
    comment: input.comment,
    evidence: input.evidence,
    progress: input.progress ?? null,
  });
  if (action === 'accept' && (await openAssigneesOf(ctx.tx, taskId)).length === 0) {
    await updateTask(ctx.tx, taskId, { status: 'closed', updatedAt: now });
  } else {
    await updateTask(ctx.tx, taskId, { updatedAt: now });
  }
  // The other side hears of every step.
  const toIssuer = action === 'deploy' || action === 'feedback' || action === 'resolve';
  await ctx.notify.send({
    userIds: await userIdsOfUnit(ctx.tx, toIssuer ? { departmentId: t.issuerDepartmentId } : { departmentId: a.departmentId, enterpriseId: a.enterpriseId }),
    kind: 'task',
    notice: notice(`task.step.${action}`, { title: t.title, unit: toIssuer ? a.unitName : t.issuerName, comment: input.comment }),
    link: `/tasks/${taskId}`,
    entityType: 'task',
    entityId: taskId,
  });
  await ctx.audit.record({
    action: `task.${action}`,
    entityType: 'task',
    entityId: taskId,
    before: { assigneeId, status: a.status },
    after: { assigneeId, status: to, ...input },
  });
}
