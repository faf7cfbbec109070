import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { warningAbilities } from '../warning.policy.js';
import { presentTarget, presentWarning } from '../warning.presenter.js';
import { getWarning, readNotificationIds, targetsOf } from '../warning.repository.js';
import { effectiveState } from '../warning.workflow.js';

/** A warning with its targets (an enterprise sees only its own), confirmation counts and abilities; 404 out of scope. */
export async function getWarningQuery(ctx: Ctx, id: string) {
  const w = await getWarning(ctx.tx, ctx.scope, id);
  if (!w) throw new AppError('NOT_FOUND');
  const state = effectiveState(w, ctx.clock.now());
  const targets = await targetsOf(ctx.tx, w.id, ctx.scope);
  const read = await readNotificationIds(
    ctx.tx,
    targets.flatMap((t) => t.notificationIds),
  );
  const mine = targets.find((t) => t.enterpriseId === ctx.actor.enterpriseId);
  const abilities = warningAbilities(ctx.actor, { state, source: w.source, regionPath: w.regionPath }, mine);
  const counts = { total: targets.length, confirmed: targets.filter((t) => t.status === 'confirmed').length };
  return {
    data: {
      ...presentWarning(w, state, counts, true),
      targets: targets.map((t) =>
        presentTarget(
          t,
          t.notificationIds.some((n) => read.has(n)),
        ),
      ),
      myTargetId: mine?.id ?? null,
      readCount: targets.filter((t) => t.notificationIds.some((n) => read.has(n))).length,
    },
    abilities,
  };
}
