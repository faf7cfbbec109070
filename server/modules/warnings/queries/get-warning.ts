import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { abilitiesOf } from '../../../kernel/gate/gate.js';
import { scopeEnterpriseId } from '../../../kernel/scope/scope.js';
import { warningPolicy } from '../warning.policy.js';
import { presentTarget, presentWarning } from '../warning.presenter.js';
import { readNotificationIds, targetsOf } from '../warning.repository.js';
import { warningLoader } from '../warning.subject.js';

/**
 * A warning with its targets (an enterprise sees only its own), confirmation counts and abilities (the answers of
 * the policy the commands' gate asks); 404 out of scope.
 */
export async function getWarningQuery(ctx: Ctx, id: string) {
  const s = await warningLoader(ctx.clock.now(), id)(ctx.tx, ctx.scope);
  if (!s) throw new AppError('NOT_FOUND');
  const w = s.row;
  const targets = await targetsOf(ctx.tx, w.id, ctx.scope);
  const read = await readNotificationIds(
    ctx.tx,
    targets.flatMap((t) => t.notificationIds),
  );
  const mine = targets.find((t) => t.enterpriseId === scopeEnterpriseId(ctx.scope));
  const abilities = { ...abilitiesOf(warningPolicy, ctx.actor, { ...s, target: mine ?? null }), seeTargets: ctx.actor.permissions.has('warning.issue') };
  const counts = { total: targets.length, confirmed: targets.filter((t) => t.status === 'confirmed').length };
  return {
    data: {
      ...presentWarning(w, s.state, counts, true),
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
