import type { EnterpriseStatusAction } from '../../../../common/contracts/org.js';
import type { EnterpriseStatus } from '../../../../common/industries.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { enterprisePolicy } from '../org.policy.js';
import { insertTransition, lockEnterprise, updateEnterprise } from '../org.repository.js';
import { nextEnterpriseStatus } from '../org.workflow.js';

/** 责令停产整顿 / 恢复生产 / 关闭 as recorded actions with a reason and the order's document number. */
export async function changeEnterpriseStatus(
  ctx: Ctx,
  id: string,
  action: EnterpriseStatusAction,
  input: { comment: string; documentNumber?: string },
): Promise<void> {
  const e = await loadFor(ctx, enterprisePolicy, action, (ex, scope) => lockEnterprise(ex, scope, id));
  // The policy has refused an illegal transition (409), so there is a next status.
  const to = nextEnterpriseStatus(e.status as EnterpriseStatus, action) as EnterpriseStatus;
  const now = ctx.clock.now();
  await updateEnterprise(ctx.tx, id, { status: to, updatedAt: now });
  await insertTransition(ctx.tx, {
    enterpriseId: id,
    action,
    fromStatus: e.status,
    toStatus: to,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    at: now,
    comment: input.comment,
    documentNumber: input.documentNumber ?? null,
  });
  await ctx.audit.record({
    action: `enterprise.${action}`,
    entityType: 'enterprise',
    entityId: id,
    before: { status: e.status },
    after: { status: to, comment: input.comment, documentNumber: input.documentNumber ?? null },
  });
}
