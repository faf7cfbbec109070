import { notice } from '../../../../common/i18n/notifications.js';
import { shanghaiEndOfDay, toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { assigneePolicy } from '../task.policy.js';
import { insertEvent, insertExtension, lockAssigneeOfTask } from '../task.repository.js';

/** 申请延期: the assignee asks for a later resolve date, with a reason; one request open at a time. */
export async function requestExtension(ctx: Ctx, taskId: string, assigneeId: string, input: { requestedDue: string; reason: string }) {
  const { task: t, assignee: a } = await loadFor(ctx, assigneePolicy, 'requestExtension', (ex, scope) => lockAssigneeOfTask(ex, scope, taskId, assigneeId));
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
    notice: notice('task.extensionRequested', { title: t.title, unit: a.unitName, due: input.requestedDue, reason: input.reason }),
    link: `/tasks/${taskId}`,
    entityType: 'task',
    entityId: taskId,
  });
  await ctx.audit.record({ action: 'task.extensionRequested', entityType: 'task', entityId: taskId, after: { assigneeId, ...input } });
}
