import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { enterprisePolicy } from '../org.policy.js';
import { insertTransition, lockEnterprise, updateEnterprise } from '../org.repository.js';

/** 取消安全生产标准化等级: the grade is removed and the act recorded with its reason (e.g. a fatal accident). */
export async function revokeStandardizationGrade(ctx: Ctx, enterpriseId: string, input: { comment: string; documentNumber?: string }) {
  const e = await loadFor(ctx, enterprisePolicy, 'revokeStandardization', (ex, scope) => lockEnterprise(ex, scope, enterpriseId));
  const now = ctx.clock.now();
  await updateEnterprise(ctx.tx, enterpriseId, { standardizationGrade: null, standardizationExpiry: null, updatedAt: now });
  await insertTransition(ctx.tx, {
    enterpriseId,
    action: 'revokeStandardization',
    fromStatus: e.status,
    toStatus: e.status,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    at: now,
    comment: input.comment,
    documentNumber: input.documentNumber ?? null,
  });
  await ctx.audit.record({
    action: 'enterprise.standardizationRevoked',
    entityType: 'enterprise',
    entityId: enterpriseId,
    before: { standardizationGrade: e.standardizationGrade, standardizationExpiry: e.standardizationExpiry },
    after: { standardizationGrade: null, comment: input.comment },
  });
  return { previousGrade: e.standardizationGrade };
}
