import { notice, periodName } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { HAZARD_STATS_SOURCE } from '../../../../common/rules/deadline-13710.js';
import { systemActor } from '../../../kernel/actor.js';
import { type Deps, inTransaction } from '../../../kernel/context.js';
import { systemOnly } from '../../../kernel/gate/gate.js';
import { Scope } from '../../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { departmentsInScope, unitResolver } from '../../org/index.js';
import { markStatsNotice } from '../hazard.repository.js';
import { lastDuePeriods, statsBoardQuery } from '../queries/stats-reports.js';

/**
 * Flags overdue statistics to the regulators (the daily job): once per period, each government unit hears how many
 * enterprises in its region have not submitted.
 */
export async function flagOverdueStats(deps: Deps): Promise<{ notices: number }> {
  return inTransaction(deps, systemActor('hazards.stats'), { id: null, ip: null, locale: 'zh-CN' }, async (ctx) => {
    systemOnly(ctx);
    const today = toShanghaiDate(ctx.clock.now());
    let notices = 0;
    for (const period of lastDuePeriods(today)) {
      const govs = (await departmentsInScope(ctx.tx, Scope.system())).filter((d) => d.kind === 'government');
      for (const g of govs) {
        const board = await statsBoardQuery(
          // The board as that unit sees it: its scope as org resolves it for the unit's own users.
          { ...ctx, scope: (await unitResolver()(ctx.tx, { kind: 'government', departmentId: g.id, enterpriseId: null })).scope },
          { period, page: 1, pageSize: 1, state: 'overdue' },
        );
        if (!board.summary.overdue) continue;
        if (!(await markStatsNotice(ctx.tx, period, g.id, ctx.clock.now()))) continue;
        await ctx.notify.send({
          userIds: await userIdsOfUnit(ctx.tx, { departmentId: g.id }),
          kind: 'hazard.statsOverdue',
          notice: notice('hazard.statsOverdue', {
            overdue: board.summary.overdue,
            period: periodName(period),
            due: board.due,
            source: HAZARD_STATS_SOURCE,
            submitted: board.summary.submitted,
            total: board.summary.total,
          }),
          link: `/hazards/stats?period=${period}&state=overdue`,
        });
        notices++;
      }
    }
    return { notices };
  });
}
