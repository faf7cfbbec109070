import type { z } from 'zod';
import type { ZHazardResponse } from '../../../../common/contracts/hazards.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { receiptsOf } from '../../../kernel/notify/notify.js';
import { type HazardFacts, hazardAbilities } from '../hazard.policy.js';
import { presentHazard, presentReceipt } from '../hazard.presenter.js';
import { getHazard, listingsOf, transitionsOf } from '../hazard.repository.js';

/** One hazard with its history, listings, 双报告 receipts and what the caller may do (404 out of scope). */
export async function getHazardQuery(ctx: Ctx, id: string): Promise<z.input<typeof ZHazardResponse>> {
  const h = await getHazard(ctx.tx, ctx.scope, id);
  if (!h) throw notFound();
  const [listings, transitions] = [await listingsOf(ctx.tx, [h.id]), await transitionsOf(ctx.tx, h.id)];
  const receipts = h.dualReportedAt ? await receiptsOf(ctx.tx, 'hazard', h.id, ['hazard.dualReport.regulator', 'hazard.dualReport.worker']) : [];
  const today = toShanghaiDate(ctx.clock.now());
  const hasOpenListingOfActor = listings.some((l) => l.status === 'open' && l.departmentId === ctx.actor.departmentId);
  return {
    data: presentHazard(h, today, { listings, transitions, receipts: receipts.map(presentReceipt) }),
    abilities: hazardAbilities(ctx.actor, h as HazardFacts, { hasOpenListingOfActor }),
  };
}
