import type { z } from 'zod';
import type { ZCloseListing, ZListHazard } from '../../../../common/contracts/hazards.js';
import { both, notice, perLocale } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Executor } from '../../../db/client.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { findDepartmentWithPath, findRegion } from '../../org/index.js';
import { hazardPolicy } from '../hazard.policy.js';
import { insertListing, lockHazard, openListingOf, updateListing } from '../hazard.repository.js';
import { hazardLink, recordTransition } from './effects.js';

/** The hazard through the scope, with the open listing of the actor's department (if any). */
async function lockWithListing(ex: Executor, scope: Scope, id: string, departmentId: string | null) {
  const h = await lockHazard(ex, scope, id);
  if (!h) return undefined;
  const listing = departmentId ? await openListingOf(ex, h.id, departmentId) : undefined;
  return { ...h, listing, hasOpenListingOfActor: !!listing };
}

const LEVELS: Record<string, string> = { province: 'province', city: 'city', county: 'county', zone: 'county' };

/**
 * 挂牌督办 (安监总局令第16号 第十八条 context; regulations.md §3.5): a department lists an open major
 * hazard with a supervisor, requirements and a deadline. One open listing per department and hazard.
 */
export async function listHazard(ctx: Ctx, id: string, input: z.infer<typeof ZListHazard>) {
  const h = await loadFor(ctx, hazardPolicy, 'list', (ex, scope) => lockWithListing(ex, scope, id, ctx.actor.departmentId));
  const today = toShanghaiDate(ctx.clock.now());
  if (input.deadline < today) throw invalidField('deadline', 'too_small', { minimum: today });
  // The policy admits a regulator only, who belongs to a department.
  const dept = ctx.actor.departmentId ? await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId) : undefined;
  if (!dept) throw new AppError('FORBIDDEN');
  const region = await findRegion(ctx.tx, dept.regionCode);
  const now = ctx.clock.now();
  const listing = await insertListing(ctx.tx, {
    hazardId: h.id,
    departmentId: dept.id,
    departmentName: dept.name,
    level: LEVELS[region?.level ?? 'county'] ?? 'county',
    documentNumber: input.documentNumber ?? null,
    supervisor: input.supervisor,
    supervisorPhone: input.supervisorPhone ?? null,
    deadline: input.deadline,
    requirements: input.requirements,
    status: 'open',
    listedAt: now,
    listedBy: ctx.actor.displayName,
  });
  await recordTransition(ctx, h, {
    action: 'list',
    from: h.status,
    to: h.status,
    comment: input.requirements,
    data: { listingId: listing.id, department: dept.name, supervisor: input.supervisor, deadline: input.deadline, documentNumber: input.documentNumber },
  });
  await ctx.notify.send({
    userIds: await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId }),
    kind: 'hazard.listed',
    notice: notice('hazard.listed', {
      title: h.title,
      department: both({ zh: dept.name, en: dept.nameEn || dept.name }),
      document: perLocale((l) => (input.documentNumber ? (l === 'en-US' ? ` (${input.documentNumber})` : `（${input.documentNumber}）`) : '')),
      supervisor: input.supervisor,
      deadline: input.deadline,
      requirements: input.requirements,
    }),
    link: hazardLink(h.id),
    entityType: 'hazard',
    entityId: h.id,
  });
  await ctx.audit.record({ action: 'hazard.listed', entityType: 'hazard', entityId: h.id, after: { listingId: listing.id, ...input } });
  return listing;
}

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
