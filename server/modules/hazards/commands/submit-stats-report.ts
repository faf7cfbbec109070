import type { z } from 'zod';
import type { ZStatsDraft, ZSubmitStatsReport } from '../../../../common/contracts/hazards.js';
import { notice, periodName } from '../../../../common/i18n/notifications.js';
import { hazardStatsDue } from '../../../../common/rules/deadline-13710.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { findEnterprise } from '../../org/index.js';
import { statsReportPolicy } from '../hazard.policy.js';
import { insertStatsReport, statsReportOf } from '../hazard.repository.js';
import { figuresOf, periodRange, statsDraftQuery } from '../queries/stats-reports.js';
import { supervisorUsers } from './_effects.js';

/** Submits the Art. 14 table, signed by the principal; figures are frozen as generated at this moment. */
export async function submitStatsReport(ctx: Ctx, input: z.infer<typeof ZSubmitStatsReport>): Promise<z.input<typeof ZStatsDraft>> {
  const e = await findEnterprise(ctx.tx, ctx.scope, input.enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  allowNew(ctx, statsReportPolicy, 'submit', { enterpriseId: e.id });
  const { to } = periodRange(input.period);
  if (ctx.clock.now() < to) throw new AppError('STATS_PERIOD_OPEN', { period: input.period });
  if (await statsReportOf(ctx.tx, e.id, input.period)) throw new AppError('STATS_ALREADY_SUBMITTED', { period: input.period });
  const { due } = hazardStatsDue(input.period);
  const figures = await figuresOf(ctx, e.id, input.period);
  const row = await insertStatsReport(ctx.tx, {
    enterpriseId: e.id,
    period: input.period,
    due,
    figures,
    analysis: input.analysis,
    principalName: input.principalName,
    submittedBy: ctx.actor.id,
    submitterName: ctx.actor.displayName,
    submittedAt: ctx.clock.now(),
  });
  if (!row) throw new AppError('STATS_ALREADY_SUBMITTED', { period: input.period });
  await ctx.notify.send({
    userIds: (await supervisorUsers(ctx, e.id, { governmentLevels: 1 })).userIds,
    kind: 'hazard.stats',
    notice: notice('hazard.stats', {
      enterprise: e.name,
      period: periodName(input.period),
      found: figures.found,
      majorFound: figures.majorFound,
      rectified: figures.rectified,
      principal: input.principalName,
    }),
    link: `/hazards/stats?period=${input.period}`,
    entityType: 'enterprise',
    entityId: e.id,
  });
  await ctx.audit.record({ action: 'hazard.statsSubmitted', entityType: 'enterprise', entityId: e.id, after: { ...input, figures } });
  return statsDraftQuery(ctx, e.id, input.period);
}
