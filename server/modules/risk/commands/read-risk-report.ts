import { at, notice } from '../../../../common/i18n/notifications.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { riskReportPolicy } from '../risk.policy.js';
import { getReport, lockRecipient, updateRecipient } from '../risk.repository.js';

/**
 * 回执: an addressed department opens a 重大风险 report; the first reader of the department is recorded
 * with the time, and the enterprise is told. Reading again changes nothing.
 */
export async function readRiskReport(ctx: Ctx, id: string): Promise<void> {
  const departmentId = ctx.actor.departmentId;
  const { report, mine } = await loadFor(ctx, riskReportPolicy, 'markRead', async (ex, scope) => {
    const report = await getReport(ex, scope, id);
    return report && { report, mine: departmentId ? await lockRecipient(ex, id, departmentId) : undefined };
  });
  // The policy admits only an addressed department; reading again changes nothing.
  if (!mine || mine.readAt) return;
  const now = ctx.clock.now();
  await updateRecipient(ctx.tx, mine.id, { readAt: now, readById: ctx.actor.id, readByName: ctx.actor.displayName });
  await ctx.notify.send({
    userIds: await userIdsOfUnit(ctx.tx, { enterpriseId: report.enterpriseId }),
    kind: 'risk.reportRead',
    notice: notice('risk.reportRead', { department: mine.departmentName, report: report.title, reader: ctx.actor.displayName, at: at(now) }),
    link: `/risk-reports/${id}`,
    entityType: 'risk_report',
    entityId: id,
  });
  await ctx.audit.record({ action: 'risk.reportRead', entityType: 'risk_report', entityId: id, after: { departmentId: mine.departmentId } });
}
