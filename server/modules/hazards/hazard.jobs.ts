import { notice, perLocale } from '../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../common/rules/calendar/working-days.js';
import {
  DEFAULT_HAZARD_DEADLINES,
  HAZARD_ESCALATION_NAMES,
  HAZARD_REVIEW_SOURCE,
  hazardEscalationLevel,
  isDueSoon,
} from '../../../common/rules/hazard-deadlines.js';
import { systemActor } from '../../kernel/actor.js';
import { loadCalendar } from '../../kernel/calendar/calendar.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import { systemOnly } from '../../kernel/gate/gate.js';
import type { JobDefinition } from '../../kernel/jobs/jobs.js';
import { Scope } from '../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../identity/index.js';
import { hazardLink, supervisorUsers } from './commands/_effects.js';
import { notifyEscalation } from './commands/_escalation.js';
import { flagOverdueStats } from './commands/flag-overdue-stats.js';
import { hazardsToSweep, insertTransition, reviewsOverdue, updateHazard } from './hazard.repository.js';

const BATCH = 500;

/**
 * The hazard deadline sweep, on the working-day calendar: reminds the enterprise before a deadline,
 * raises an overdue hazard's escalation enterprise → supervising department → region government, and
 * flags major hazards whose on-site review (Art. 23, 10 days) has not happened.
 */
export async function sweepHazards(deps: Deps): Promise<{ reminded: number; escalated: number; reviewsFlagged: number }> {
  return inTransaction(deps, systemActor('hazards.sweep'), { id: null, ip: null, locale: 'zh-CN' }, async (ctx) => {
    systemOnly(ctx);
    const now = ctx.clock.now();
    const today = toShanghaiDate(now);
    const { calendar } = await loadCalendar(ctx.tx);
    const cfg = DEFAULT_HAZARD_DEADLINES;
    // Everything whose deadline falls within the reminder window or earlier; the window is a few working days.
    const horizon = toShanghaiDate(new Date(now.getTime() + (cfg.remindWorkingDaysBefore + 10) * 86_400_000));
    let reminded = 0;
    let escalated = 0;
    for (const h of await hazardsToSweep(ctx.tx, Scope.system(), today, horizon, BATCH)) {
      const deadline = h.deadline as string;
      const level = hazardEscalationLevel(deadline, today, calendar, cfg);
      if (level !== 0 && level > h.escalation) {
        const name = HAZARD_ESCALATION_NAMES[level].zh;
        await updateHazard(ctx.tx, h.id, { escalation: level });
        await notifyEscalation(
          ctx,
          h,
          level,
          perLocale((l) => (l === 'en-US' ? `Overdue, not rectified in time (${HAZARD_ESCALATION_NAMES[level].en})` : `已逾期，未按期完成整改（${name}）`)),
        );
        await insertTransition(ctx.tx, {
          hazardId: h.id,
          action: `escalate${level}`,
          fromStatus: h.status,
          toStatus: h.status,
          actorId: null,
          actorName: '系统（隐患逾期督办）',
          at: now,
          comment: name,
          data: { deadline, level },
        });
        await ctx.audit.record({ action: 'hazard.escalated', entityType: 'hazard', entityId: h.id, after: { level, deadline } });
        escalated++;
        continue;
      }
      const tag = `deadline@${deadline}`;
      if (level === 0 && isDueSoon(deadline, today, calendar, cfg) && h.remindedFor !== tag) {
        await updateHazard(ctx.tx, h.id, { remindedFor: tag });
        await ctx.notify.send({
          userIds: h.rectifierUserId
            ? [h.rectifierUserId, ...(await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId }))]
            : await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId }),
          kind: 'hazard.reminder',
          notice: notice('hazard.reminder', { title: h.title, code: h.code, deadline, rectifier: h.rectifierName ?? '—' }),
          link: hazardLink(h.id),
          entityType: 'hazard',
          entityId: h.id,
        });
        reminded++;
      }
    }
    let reviewsFlagged = 0;
    for (const h of await reviewsOverdue(ctx.tx, Scope.system(), today, BATCH)) {
      await updateHazard(ctx.tx, h.id, { remindedFor: `review@${h.reviewDue}` });
      await ctx.notify.send({
        userIds: (await supervisorUsers(ctx, h.enterpriseId, { governmentLevels: 2 })).userIds,
        kind: 'hazard.reviewOverdue',
        notice: notice('hazard.reviewOverdue', { enterprise: h.enterpriseName, title: h.title, reviewDue: h.reviewDue ?? '—', source: HAZARD_REVIEW_SOURCE }),
        link: hazardLink(h.id),
        entityType: 'hazard',
        entityId: h.id,
      });
      reviewsFlagged++;
    }
    return { reminded, escalated, reviewsFlagged };
  });
}

export function hazardJobs(deps: () => Deps): JobDefinition[] {
  return [
    {
      name: 'hazards.sweep',
      cron: '*/10 * * * *',
      async handler() {
        await sweepHazards(deps());
      },
    },
    {
      name: 'hazards.stats-overdue',
      cron: '30 8 * * *',
      async handler() {
        await flagOverdueStats(deps());
      },
    },
  ];
}
