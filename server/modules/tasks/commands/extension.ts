import { shanghaiEndOfDay, toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalid, notFound } from '../../../kernel/errors.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { assigneeAbilities } from '../task.policy.js';
import { getTask, insertEvent, insertExtension, lockAssignee, pendingExtension, updateAssignee, updateExtension } from '../task.repository.js';
import { type AssigneeStatus, canRequestExtension } from '../task.workflow.js';

/** 申请延期: the assignee asks for a later resolve date, with a reason; one request open at a time. */
export async function requestExtension(ctx: Ctx, taskId: string, assigneeId: string, input: { requestedDue: string; reason: string }) {
  const t = await getTask(ctx.tx, ctx.scope, taskId);
  if (!t) throw notFound();
  const a = await lockAssignee(ctx.tx, assigneeId);
  if (!a || a.taskId !== taskId) throw notFound();
  const pending = await pendingExtension(ctx.tx, assigneeId);
  if (!assigneeAbilities(ctx.actor, t, a, !!pending).requestExtension)
    throw new AppError(pending ? 'CONFLICT' : 'FORBIDDEN', { reason: '已有待审批的延期申请' });
  const requestedDue = shanghaiEndOfDay(input.requestedDue);
  if (Number.isNaN(requestedDue.getTime()) || input.requestedDue <= toShanghaiDate(a.resolveDue)) throw invalid([{ field: 'requestedDue', code: 'invalid' }]);
  const now = ctx.clock.now();
  await insertExtension(ctx.tx, { assigneeId, requestedDue, reason: input.reason, status: 'pending', requestedBy: ctx.actor.displayName, requestedAt: now });
  await insertEvent(ctx.tx, {
    taskId,
    assigneeId,
    action: 'requestExtension',
    fromStatus: a.status,
    toStatus: a.status,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    at: now,
    comment: `${input.requestedDue}：${input.reason}`,
  });
  await ctx.notify.send({
    userIds: await userIdsOfUnit(ctx.tx, { departmentId: t.issuerDepartmentId }),
    kind: 'task',
    title: `延期申请：${t.title}`,
    body: `${a.unitName}申请延期至 ${input.requestedDue}：${input.reason}`,
    link: `/tasks/${taskId}`,
    entityType: 'task',
    entityId: taskId,
  });
  await ctx.audit.record({ action: 'task.extensionRequested', entityType: 'task', entityId: taskId, after: { assigneeId, ...input } });
}

/** The issuer approves (the resolve due date moves) or refuses, with a recorded comment. */
export async function decideExtension(ctx: Ctx, taskId: string, assigneeId: string, approve: boolean, comment: string | undefined) {
  const t = await getTask(ctx.tx, ctx.scope, taskId);
  if (!t) throw notFound();
  const a = await lockAssignee(ctx.tx, assigneeId);
  if (!a || a.taskId !== taskId) throw notFound();
  const pending = await pendingExtension(ctx.tx, assigneeId);
  if (!pending) throw new AppError('INVALID_TRANSITION', { from: 'none', action: approve ? 'approve' : 'refuse' });
  // Once the work is handed in, a later due date means nothing: the request lapses with the decision.
  if (approve && !canRequestExtension(a.status as AssigneeStatus)) throw new AppError('INVALID_TRANSITION', { from: a.status, action: 'approve' });
  if (!assigneeAbilities(ctx.actor, t, a, true).decideExtension) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  await updateExtension(ctx.tx, pending.id, {
    status: approve ? 'approved' : 'refused',
    decidedBy: ctx.actor.displayName,
    decidedAt: now,
    decisionComment: comment ?? null,
  });
  if (approve) await updateAssignee(ctx.tx, assigneeId, { resolveDue: pending.requestedDue, escalation: 0 });
  await insertEvent(ctx.tx, {
    taskId,
    assigneeId,
    action: approve ? 'approveExtension' : 'refuseExtension',
    fromStatus: a.status,
    toStatus: a.status,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    at: now,
    comment: comment ?? (approve ? '同意延期' : '不同意延期'),
  });
  await ctx.notify.send({
    userIds: await userIdsOfUnit(ctx.tx, { departmentId: a.departmentId, enterpriseId: a.enterpriseId }),
    kind: 'task',
    title: `延期申请${approve ? '已批准' : '未批准'}：${t.title}`,
    body: comment ?? '',
    link: `/tasks/${taskId}`,
    entityType: 'task',
    entityId: taskId,
  });
  await ctx.audit.record({
    action: approve ? 'task.extensionApproved' : 'task.extensionRefused',
    entityType: 'task',
    entityId: taskId,
    before: { resolveDue: a.resolveDue },
    after: { assigneeId, resolveDue: approve ? pending.requestedDue : a.resolveDue, comment },
  });
}
