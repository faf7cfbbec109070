import { both, type Localized, notice } from '../../../../common/i18n/notifications.js';
import { HAZARD_ESCALATION_NAMES, type HazardEscalation } from '../../../../common/rules/hazard-deadlines.js';
import type { Ctx } from '../../../kernel/context.js';
import { userIdsOfUnit } from '../../identity/index.js';
import type { HazardRow } from '../hazard.repository.js';
import { hazardLink, supervisorUsers } from './_effects.js';

/**
 * Tells the unit the escalation level reaches: 1 the enterprise, 2 its supervising departments, 3 the region government too.
 * @gated-by applyToHazards sweepHazards
 */
export async function notifyEscalation(ctx: Ctx, h: HazardRow, level: HazardEscalation, comment: string | Localized) {
  const userIds = await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId });
  if (level >= 2) {
    const s = await supervisorUsers(ctx, h.enterpriseId, { governmentLevels: level >= 3 ? 2 : 0 });
    userIds.push(...s.userIds);
  }
  await ctx.notify.send({
    userIds,
    kind: 'hazard.escalated',
    notice: notice('hazard.escalated', {
      level: both(HAZARD_ESCALATION_NAMES[level]),
      enterprise: h.enterpriseName,
      title: h.title,
      code: h.code,
      deadline: h.deadline ?? '—',
      comment,
    }),
    link: hazardLink(h.id),
    entityType: 'hazard',
    entityId: h.id,
  });
}
