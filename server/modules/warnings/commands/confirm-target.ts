import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { getWarning, targetsOf, updateTarget } from '../warning.repository.js';

/** 签收 and feedback of a warning task by the targeted enterprise (e.g. 三查三避让 done). */
export async function confirmTarget(ctx: Ctx, warningId: string, targetId: string, feedback: string) {
  const w = await getWarning(ctx.tx, ctx.scope, warningId);
  if (!w) throw new AppError('NOT_FOUND');
  const t = (await targetsOf(ctx.tx, w.id, ctx.scope)).find((x) => x.id === targetId);
  if (!t || t.enterpriseId !== ctx.actor.enterpriseId) throw new AppError('NOT_FOUND');
  if (t.status !== 'sent') throw new AppError('INVALID_TRANSITION', { from: 'confirmed', action: 'warning.confirm' });
  const now = ctx.clock.now();
  const ok = await updateTarget(
    ctx.tx,
    t.id,
    { status: 'confirmed', confirmedBy: ctx.actor.id, confirmerName: ctx.actor.displayName, confirmedAt: now, feedback },
    'sent',
  );
  if (!ok) throw new AppError('STALE_VERSION');
  await ctx.audit.record({ action: 'warning.confirmed', entityType: 'warning', entityId: w.id, after: { targetId, enterpriseId: t.enterpriseId, feedback } });
  return { ...t, status: 'confirmed', confirmedAt: now, feedback };
}
