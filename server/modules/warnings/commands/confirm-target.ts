import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { warningPolicy } from '../warning.policy.js';
import { updateTarget } from '../warning.repository.js';
import { type LoadedWarning, namedTransition, warningLoader } from '../warning.subject.js';

/** 签收 and feedback of a warning task by the targeted enterprise (e.g. 三查三避让 done); once (409 after). */
export async function confirmTarget(ctx: Ctx, warningId: string, targetId: string, feedback: string) {
  let seen: LoadedWarning | undefined;
  const load = warningLoader(ctx.clock.now(), warningId, targetId);
  const { row: w, targetRow: t } = await loadFor(ctx, warningPolicy, 'confirm', async (ex, scope) => (seen = await load(ex, scope))).catch((e) => {
    throw namedTransition(e, 'confirm', seen);
  });
  if (!t) throw new AppError('NOT_FOUND');
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
