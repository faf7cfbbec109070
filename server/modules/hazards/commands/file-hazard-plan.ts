import type { THazardPlan } from '../../../../common/contracts/hazards.js';
import { notice } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { hazardPolicy } from '../hazard.policy.js';
import { lockHazard, updateHazard } from '../hazard.repository.js';
import { hazardLink, recordTransition, supervisorUsers } from './_effects.js';

const today = (ctx: Ctx) => toShanghaiDate(ctx.clock.now());

/** Art. 15 plan of a major hazard; its deadline becomes the hazard's. The regulators of the 双报告 get it too. */
export async function fileHazardPlan(ctx: Ctx, id: string, plan: THazardPlan) {
  const h = await loadFor(ctx, hazardPolicy, 'filePlan', (ex, scope) => lockHazard(ex, scope, id));
  if (plan.deadline < today(ctx)) throw invalidField('deadline', 'too_small', { minimum: today(ctx) });
  await updateHazard(ctx.tx, h.id, { plan, deadline: plan.deadline, updatedAt: ctx.clock.now() });
  await recordTransition(ctx, h, { action: 'plan', from: h.status, to: h.status, comment: plan.goals, data: { ...plan, previousDeadline: h.deadline } });
  if (h.dualReportedAt) {
    await ctx.notify.send({
      userIds: (await supervisorUsers(ctx, h.enterpriseId, { governmentLevels: 1 })).userIds,
      kind: 'hazard.plan',
      notice: notice('hazard.plan', {
        enterprise: h.enterpriseName,
        title: h.title,
        goals: plan.goals,
        funds: plan.fundsYuan,
        unit: plan.responsibleUnit,
        persons: plan.responsiblePersons,
        deadline: plan.deadline,
      }),
      link: hazardLink(h.id),
      entityType: 'hazard',
      entityId: h.id,
    });
  }
  await ctx.audit.record({ action: 'hazard.planFiled', entityType: 'hazard', entityId: h.id, before: { plan: h.plan }, after: { plan } });
}
