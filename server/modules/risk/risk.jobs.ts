import { notice } from '../../../common/i18n/notifications.js';
import { addCalendarDays, toShanghaiDate } from '../../../common/rules/calendar/working-days.js';
import { systemActor } from '../../kernel/actor.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import { systemOnly } from '../../kernel/gate/gate.js';
import type { JobDefinition } from '../../kernel/jobs/jobs.js';
import { Scope } from '../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../identity/index.js';
import { markRiskPoint, riskPointsToSweep } from './risk.repository.js';

const BATCH = 500;
/** The enterprise is reminded this many days before a risk point's review is due. */
export const REVIEW_REMIND_DAYS = 7;

/**
 * The review sweep (风险点定期评审): reminds the responsible enterprise once per due date when the
 * review is within REVIEW_REMIND_DAYS, and flags it once when the due date has passed (the list's
 * 评审逾期 filter is computed from the date itself).
 */
export async function sweepRiskReviews(deps: Deps): Promise<{ reminded: number; overdue: number }> {
  return inTransaction(deps, systemActor('risk.sweep'), { id: null, ip: null, locale: 'zh-CN' }, async (ctx) => {
    const today = toShanghaiDate(ctx.clock.now());
    systemOnly(ctx);
    const rows = await riskPointsToSweep(ctx.tx, Scope.system(), addCalendarDays(today, REVIEW_REMIND_DAYS), today, BATCH);
    let reminded = 0;
    let overdue = 0;
    for (const p of rows) {
      const users = await userIdsOfUnit(ctx.tx, { enterpriseId: p.enterpriseId });
      if (p.reviewDue < today) {
        if (p.overdueFlaggedFor === p.reviewDue) continue;
        await markRiskPoint(ctx.tx, p.id, { overdueFlaggedFor: p.reviewDue, remindedFor: p.reviewDue });
        await ctx.notify.send({
          userIds: users,
          kind: 'risk.reviewOverdue',
          notice: notice('risk.reviewOverdue', { point: p.name, code: p.code, due: p.reviewDue, person: p.responsiblePerson }),
          link: `/risk-points/${p.id}`,
          entityType: 'risk_point',
          entityId: p.id,
        });
        await ctx.audit.record({ action: 'risk.reviewOverdue', entityType: 'risk_point', entityId: p.id, after: { reviewDue: p.reviewDue } });
        overdue++;
        continue;
      }
      if (p.remindedFor === p.reviewDue) continue;
      await markRiskPoint(ctx.tx, p.id, { remindedFor: p.reviewDue });
      await ctx.notify.send({
        userIds: users,
        kind: 'risk.reviewReminder',
        notice: notice('risk.reviewReminder', { point: p.name, code: p.code, due: p.reviewDue, person: p.responsiblePerson }),
        link: `/risk-points/${p.id}`,
        entityType: 'risk_point',
        entityId: p.id,
      });
      reminded++;
    }
    return { reminded, overdue };
  });
}

export function riskJobs(deps: () => Deps): JobDefinition[] {
  return [
    {
      name: 'risk.sweep',
      cron: '17 * * * *',
      async handler() {
        await sweepRiskReviews(deps());
      },
    },
  ];
}
