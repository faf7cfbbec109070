import type { z } from 'zod';
import type { ZListHazard } from '../../../../common/contracts/hazards.js';
import { both, notice, perLocale } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { findDepartmentWithPath, findRegion } from '../../org/index.js';
import { hazardPolicy } from '../hazard.policy.js';
import { insertListing } from '../hazard.repository.js';
import { hazardLink, recordTransition } from './_effects.js';
import { lockWithListing } from './_listing.js';

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
