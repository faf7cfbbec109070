import type { z } from 'zod';
import type { ZCloseListing } from '../../../../common/contracts/hazards.js';
import { notice } from '../../../../common/i18n/notifications.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { hazardPolicy } from '../hazard.policy.js';
import { updateListing } from '../hazard.repository.js';
import { hazardLink, recordTransition } from './_effects.js';
import { lockWithListing } from './_listing.js';

/** 摘牌: the listing department closes its listing once the hazard is closed out. */
export async function closeListing(ctx: Ctx, id: string, input: z.infer<typeof ZCloseListing>) {
  const h = await loadFor(ctx, hazardPolicy, 'closeListing', (ex, scope) => lockWithListing(ex, scope, id, ctx.actor.departmentId));
  // The policy refuses (404) when the actor's department has no open listing of the hazard.
  const listing = h.listing as NonNullable<typeof h.listing>;
  const now = ctx.clock.now();
  await updateListing(ctx.tx, listing.id, { status: 'closed', closedAt: now, closedBy: ctx.actor.displayName, closingComment: input.comment });
  await recordTransition(ctx, h, { action: 'unlist', from: h.status, to: h.status, comment: input.comment, data: { listingId: listing.id } });
  await ctx.notify.send({
    userIds: await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId }),
    kind: 'hazard.unlisted',
    notice: notice('hazard.unlisted', { title: h.title, department: listing.departmentName, comment: input.comment }),
    link: hazardLink(h.id),
    entityType: 'hazard',
    entityId: h.id,
  });
  await ctx.audit.record({ action: 'hazard.unlisted', entityType: 'hazard', entityId: h.id, after: { listingId: listing.id, ...input } });
}
