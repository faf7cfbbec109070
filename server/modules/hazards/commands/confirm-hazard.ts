import type { TConfirmHazard } from '../../../../common/contracts/hazards.js';
import { notice, perLocale } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { findCriterion } from '../../../../common/rules/major-hazard-criteria.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { hazardPolicy } from '../hazard.policy.js';
import { type HazardRow, lockHazard, updateHazard } from '../hazard.repository.js';
import type { HazardGrade } from '../hazard.workflow.js';
import { hazardLink, recordTransition, supervisorUsers } from './_effects.js';
import { nextStatus } from './_step.js';

const today = (ctx: Ctx) => toShanghaiDate(ctx.clock.now());

/**
 * 确认定级: the enterprise (or the regulator who found it) grades the hazard and names the rectifier
 * and deadline. A 重大 hazard is reported at once to the supervising departments and announced to the
 * enterprise's workers (双报告), with the Art. 14 contents.
 */
export async function confirmHazard(ctx: Ctx, id: string, input: TConfirmHazard) {
  const h = await loadFor(ctx, hazardPolicy, 'confirm', (ex, scope) => lockHazard(ex, scope, id));
  const to = nextStatus(h, 'confirm');
  let grade: HazardGrade = input.grade ?? 'major';
  let criterion: ReturnType<typeof findCriterion> = null;
  if (input.criterion) {
    criterion = findCriterion(input.criterion.catalogue, input.criterion.code);
    if (!criterion) throw invalidField('criterion.code', 'invalid');
    grade = 'major';
  }
  if (input.deadline < today(ctx)) throw invalidField('deadline', 'too_small', { minimum: today(ctx) });
  if (grade === 'major' && !input.majorReport) throw invalidField('majorReport', 'required');
  const now = ctx.clock.now();
  await updateHazard(ctx.tx, h.id, {
    status: to,
    grade,
    criterionCatalogue: criterion?.catalogue.key ?? null,
    criterionCode: criterion?.item.code ?? null,
    rectifierName: input.rectifierName,
    rectifierUserId: input.rectifierUserId ?? null,
    deadline: input.deadline,
    originalDeadline: input.deadline,
    majorReport: grade === 'major' ? (input.majorReport ?? null) : null,
    updatedAt: now,
  });
  await recordTransition(ctx, h, {
    action: 'confirm',
    from: h.status,
    to,
    comment: input.comment,
    evidence: input.evidence,
    data: {
      grade,
      criterion: criterion && { catalogue: criterion.catalogue.key, code: criterion.item.code, source: criterion.catalogue.source },
      deadline: input.deadline,
      rectifierName: input.rectifierName,
    },
  });
  if (input.rectifierUserId) {
    await ctx.notify.send({
      userIds: [input.rectifierUserId],
      kind: 'hazard.assigned',
      notice: notice('hazard.assigned', { title: h.title, deadline: input.deadline, code: h.code }),
      link: hazardLink(h.id),
      entityType: 'hazard',
      entityId: h.id,
    });
  }
  if (grade === 'major') await dualReport(ctx, { ...h, grade, majorReport: input.majorReport ?? null, deadline: input.deadline }, criterion?.item.zh ?? null);
  await ctx.audit.record({
    action: 'hazard.confirmed',
    entityType: 'hazard',
    entityId: h.id,
    before: { status: h.status },
    after: { status: to, ...input, grade },
  });
}

/**
 * 双报告 of a major hazard: to the supervising departments (安监总局令第16号 第十四条: current state and
 * causes, harm and difficulty, the plan) and to the enterprise's workers (安全生产法 on reporting major
 * hazards to the workers' congress). Read receipts are the notifications' own.
 */
async function dualReport(ctx: Ctx, h: HazardRow, criterion: string | null) {
  const now = ctx.clock.now();
  const report = h.majorReport as { currentState: string; harmAnalysis: string };
  const regulators = await supervisorUsers(ctx, h.enterpriseId, { governmentLevels: 1 });
  const deadline = h.deadline ?? '—';
  await ctx.notify.send({
    userIds: regulators.userIds,
    kind: 'hazard.dualReport.regulator',
    notice: notice('hazard.dualReport.regulator', {
      enterprise: h.enterpriseName,
      code: h.code,
      location: h.location,
      title: h.title,
      criterion: perLocale((l) => (criterion ? (l === 'en-US' ? `\nCriterion: ${criterion}` : `\n判定依据：${criterion}`) : '')),
      currentState: report.currentState,
      harmAnalysis: report.harmAnalysis,
      plan: h.plan
        ? { 'zh-CN': '已制定', 'en-US': 'drawn up' }
        : { 'zh-CN': `待制定，整改期限 ${deadline}`, 'en-US': `not yet drawn up; deadline ${deadline}` },
    }),
    link: hazardLink(h.id),
    entityType: 'hazard',
    entityId: h.id,
  });
  const workers = await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId });
  await ctx.notify.send({
    userIds: workers,
    kind: 'hazard.dualReport.worker',
    notice: notice('hazard.dualReport.worker', { title: h.title, location: h.location, currentState: report.currentState, deadline }),
    link: hazardLink(h.id),
    entityType: 'hazard',
    entityId: h.id,
  });
  await updateHazard(ctx.tx, h.id, { dualReportedAt: now });
  await recordTransition(ctx, h, {
    action: 'dualReport',
    from: 'confirmed',
    to: 'confirmed',
    comment: `重大事故隐患双报告：报告 ${regulators.departments.map((d) => d.name).join('、') || '（无监管部门）'}；告知职工 ${workers.length} 人`,
    data: { departments: regulators.departments, regulatorUsers: regulators.userIds.length, workers: workers.length },
  });
}
