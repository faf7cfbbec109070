import { both, notice } from '../../../../common/i18n/notifications.js';
import { RISK_LEVEL_NAMES, type RiskLevel } from '../../../../common/rules/risk-assessment.js';
import type { Executor } from '../../../db/client.js';
import type { Ctx } from '../../../kernel/context.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { supervisorsOf } from '../../org/index.js';
import { insertRecipients, insertReport, type RiskPointRow } from '../risk.repository.js';

export interface ReportEnterprise {
  id: string;
  name: string;
}

/**
 * The departments a 重大 risk (or a worse 尾矿库安全度) is reported to: the nearest 应急管理局 on the
 * enterprise's region line (its county's; the city's when it sits directly under the city) and every
 * industry department that supervises it — its industry on the region line, or a 一张表 assignment
 * (org's supervisorsOf, the set 双报告 uses).
 */
export async function supervisingDepartments(ex: Executor, enterpriseId: string): Promise<{ id: string; name: string }[]> {
  const s = await supervisorsOf(ex, enterpriseId);
  // A government unit may also be assigned in the 一张表: each department once.
  return [...s.government.slice(0, 1), ...s.industry].filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i).map((d) => ({ id: d.id, name: d.name }));
}

/**
 * 企业风险主动报告: a risk point assessed 重大 (red) is reported to its supervising departments at once;
 * each department gets an inbox notice and a receipt row that records who read it and when.
 * @gated-by createRiskPoint updateRiskPointCommand reviewRiskPoint
 */
export async function reportMajorRisk(ctx: Ctx, p: RiskPointRow, e: ReportEnterprise, trigger: 'created' | 'reassessed' | 'reviewed') {
  const recipients = await supervisingDepartments(ctx.tx, e.id);
  const now = ctx.clock.now();
  const report = await insertReport(ctx.tx, reportValues(p, e, trigger, ctx.actor.displayName, now));
  await insertRecipients(
    ctx.tx,
    recipients.map((d) => ({ reportId: report.id, departmentId: d.id, departmentName: d.name })),
  );
  for (const d of recipients) {
    await ctx.notify.send({
      userIds: await userIdsOfUnit(ctx.tx, { departmentId: d.id }),
      kind: 'risk.report',
      notice: notice('risk.report', {
        enterprise: e.name,
        point: p.name,
        symbol: p.method === 'lec' ? 'D' : 'R',
        score: p.score,
        level: both(RISK_LEVEL_NAMES[p.level as RiskLevel]),
        person: p.responsiblePerson,
      }),
      link: `/risk-reports/${report.id}`,
      entityType: 'risk_report',
      entityId: report.id,
    });
  }
  await ctx.audit.record({
    action: 'risk.reported',
    entityType: 'risk_point',
    entityId: p.id,
    after: { reportId: report.id, trigger, recipients: recipients.map((d) => d.name) },
  });
  return report;
}

/** The report as filed: a snapshot of the risk point when it was reported. */
export function reportValues(p: RiskPointRow, e: ReportEnterprise, trigger: string, reportedBy: string, at: Date) {
  const levelName = RISK_LEVEL_NAMES[p.level as RiskLevel].zh;
  return {
    riskPointId: p.id,
    enterpriseId: e.id,
    enterpriseName: e.name,
    title: `${e.name}：${p.name}（${levelName}）`,
    content: {
      trigger,
      code: p.code,
      name: p.name,
      location: p.location,
      hazardFactors: p.hazardFactors,
      accidentTypes: p.accidentTypes,
      method: p.method,
      inputs: p.inputs,
      score: p.score,
      level: p.level,
      color: p.color,
      source: p.source,
      controlLevel: p.controlLevel,
      measures: p.measures,
      responsiblePerson: p.responsiblePerson,
      responsiblePhone: p.responsiblePhone,
      reviewDue: p.reviewDue,
      reportedBy,
    },
    reportedAt: at,
  };
}
