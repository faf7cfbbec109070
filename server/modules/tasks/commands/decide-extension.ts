import { notice } from '../../../../common/i18n/notifications.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { assigneePolicy } from '../task.policy.js';
import { insertEvent, lockAssigneeOfTask, updateAssignee, updateExtension } from '../task.repository.js';

/** The issuer approves (the resolve due date moves) or refuses, with a recorded comment. */
export async function decideExtension(ctx: Ctx, taskId: string, assigneeId: string, approve: boolean, comment: string | undefined) {
  const loaded = await loadFor(ctx, assigneePolicy, approve ? 'approveExtension' : 'refuseExtension', (ex, scope) =>
    lockAssigneeOfTask(ex, scope, taskId, assigneeId),
  );
  const { task: t, assignee: a } = loaded;
  // The policy has refused a decision without a waiting request (409).
  const pending = loaded.pending as NonNullable<typeof loaded.pending>;
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
    notice: notice(approve ? 'task.extensionApproved' : 'task.extensionRejected', { title: t.title, comment: comment ?? '' }),
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
