import type { z } from 'zod';
import type { ZWarningDetail, ZWarningResponse } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { abilitiesOf } from '../../../kernel/gate/gate.js';
import { scopeEnterpriseId } from '../../../kernel/scope/scope.js';
import { findRegion } from '../../org/index.js';
import { warningPolicy } from '../warning.policy.js';
import { presentTarget, presentWarning } from '../warning.presenter.js';
import { readNotificationIds, targetsOf } from '../warning.repository.js';
import { warningLoader } from '../warning.subject.js';

/**
 * A warning with its targets (an enterprise sees only its own), confirmation counts and abilities (the answers of
 * the policy the commands' gate asks); 404 out of scope.
 */
/** The area's regions by name (a code the registry does not know keeps its code, names null). */
async function areaRegions(ctx: Ctx, codes: readonly string[]): Promise<z.input<typeof ZWarningDetail>['areaRegions']> {
  const out = [];
  for (const code of codes) {
    const r = await findRegion(ctx.tx, code);
    out.push({ code, name: r?.name ?? null, nameEn: r?.nameEn ?? null });
  }
  return out;
}

export async function getWarningQuery(ctx: Ctx, id: string): Promise<z.input<typeof ZWarningResponse>> {
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
      ...presentWarning(w, s.state, counts, true, await areaRegions(ctx, (w.area as { regionCodes?: string[] }).regionCodes ?? [])),
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
