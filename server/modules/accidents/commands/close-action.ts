import { formatBeijingDate } from '../../../../common/format/beijing.js';
import type { FatalAccidentActionKey } from '../../../../common/rules/accident-investigation.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { changeEnterpriseStatus, findEnterprise, revokeStandardizationGrade } from '../../org/index.js';
import { fatalActionPolicy } from '../accident.policy.js';
import { lockAccident, lockAction, updateAction } from '../accident.repository.js';

/**
 * Completes a fatal-accident action with evidence, or sets it aside with a recorded reason. Completing
 * 停产整顿 or 取消标准化等级 changes the enterprise itself, in the same transaction.
 */
export async function closeAction(
  ctx: Ctx,
  accidentId: string,
  key: FatalAccidentActionKey,
  outcome: 'done' | 'setAside',
  input: { comment: string; evidence: string[] },
) {
  const { accident: a, action } = await loadFor(ctx, fatalActionPolicy, outcome === 'done' ? 'complete' : 'setAside', async (ex, scope) => {
    const accident = await lockAccident(ex, scope, accidentId);
    const action = accident && (await lockAction(ex, accidentId, key));
    return action ? { accident, action } : undefined;
  });
  if (outcome === 'done' && a.enterpriseId) {
    const e = await findEnterprise(ctx.tx, ctx.scope, a.enterpriseId);
    if (!e) throw notFound();
    const basis = `${a.title}（${formatBeijingDate(a.occurredAt)}）：${input.comment}`;
    if (key === 'suspendEnterprise' && e.status === 'operating') await changeEnterpriseStatus(ctx, e.id, 'suspend', { comment: basis });
    if (key === 'revokeStandardization' && e.standardizationGrade !== null) await revokeStandardizationGrade(ctx, e.id, { comment: basis });
  }
  await attachFiles(ctx.tx, ctx.actor.id, { kind: 'accident', id: accidentId }, input.evidence, 'evidence');
  const now = ctx.clock.now();
  await updateAction(ctx.tx, action.id, { status: outcome, closedAt: now, closedBy: ctx.actor.displayName, comment: input.comment, evidence: input.evidence });
  await ctx.audit.record({ action: `accident.action.${outcome}`, entityType: 'accident', entityId: accidentId, after: { key, ...input } });
}
