import { RISK_LEVEL_NAMES, type RiskLevel } from '../../../../common/rules/risk-assessment.js';
import type { Executor } from '../../../db/client.js';
import type { Ctx } from '../../../kernel/context.js';
import { Scope } from '../../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { departmentsInScope, enterpriseVisible, governmentDepartmentOf } from '../../org/index.js';
import { insertRecipients, insertReport, type RiskPointRow } from '../risk.repository.js';

export interface ReportEnterprise {
  id: string;
  name: string;
  regionPath: string;
}

/**
 * The departments a 重大 risk is reported to: the 应急管理局 of the enterprise's county (the city's when
 * the enterprise sits directly under the city) and every industry department whose supervision covers
 * the enterprise — its industry within the department's region, or an explicit 一张表 assignment.
 */
export async function supervisingDepartments(ex: Executor, e: ReportEnterprise): Promise<{ id: string; name: string }[]> {
  const [city, county] = e.regionPath.split('/').filter(Boolean);
  const gov = (county ? await governmentDepartmentOf(ex, county) : undefined) ?? (city ? await governmentDepartmentOf(ex, city) : undefined);
  const out: { id: string; name: string }[] = gov ? [{ id: gov.id, name: gov.name }] : [];
  for (const d of await departmentsInScope(ex, Scope.system())) {
    if (d.kind !== 'industry') continue;
    const scope: Scope = { kind: 'industry', regionPath: d.regionPath, departmentId: d.id, industries: d.industries };
    if (await enterpriseVisible(ex, scope, e.id)) out.push({ id: d.id, name: d.name });
  }
  return out;
}

/**
 * 企业风险主动报告: a risk point assessed 重大 (red) is reported to its supervising departments at once;
 * each department gets an inbox notice and a receipt row that records who read it and when.
 */
export async function reportMajorRisk(ctx: Ctx, p: RiskPointRow, e: ReportEnterprise, trigger: 'created' | 'reassessed' | 'reviewed') {
  const recipients = await supervisingDepartments(ctx.tx, e);
  const now = ctx.clock.now();
  const levelName = RISK_LEVEL_NAMES[p.level as RiskLevel].zh;
  const report = await insertReport(ctx.tx, reportValues(p, e, trigger, ctx.actor.displayName, now));
  await insertRecipients(
    ctx.tx,
    recipients.map((d) => ({ reportId: report.id, departmentId: d.id, departmentName: d.name })),
  );
  for (const d of recipients) {
    await ctx.notify.send({
      userIds: await userIdsOfUnit(ctx.tx, { departmentId: d.id }),
      kind: 'risk.report',
      title: `重大风险报告：${e.name}`,
      body: `${p.name}（${p.method === 'lec' ? 'D' : 'R'} = ${p.score}，${levelName}/红）；责任人 ${p.responsiblePerson}`,
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
