import type { z } from 'zod';
import type { ZFeedView } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import { abilitiesOf } from '../../../kernel/gate/gate.js';
import { findDepartmentWithPath } from '../../org/index.js';
import { feedPolicy } from '../warning.policy.js';
import { presentFeed } from '../warning.presenter.js';
import { type FeedRow, listFeeds } from '../warning.repository.js';

/** A feed as its page shows it: the owning unit's name and what the caller may do (the feed policy's answers). */
export async function feedView(ctx: Ctx, f: FeedRow): Promise<z.input<typeof ZFeedView>> {
  const unit = f.departmentId ? await findDepartmentWithPath(ctx.tx, f.departmentId) : undefined;
  const { create: _, ...abilities } = abilitiesOf(feedPolicy, ctx.actor, { unitId: f.departmentId, regionPath: f.regionPath });
  return { ...presentFeed(f), unitName: unit?.name ?? null, abilities };
}

/** CAP import sources of the units in scope. */
export async function listFeedsQuery(ctx: Ctx): Promise<{ items: z.input<typeof ZFeedView>[] }> {
  return { items: await Promise.all((await listFeeds(ctx.tx, ctx.scope)).map((f) => feedView(ctx, f))) };
}
