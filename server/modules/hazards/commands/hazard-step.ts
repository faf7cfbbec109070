import type { TConfirmHazard, THazardPlan, THazardStep } from '../../../../common/contracts/hazards.js';
import { type NoticeKey, notice, perLocale } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { DEFAULT_HAZARD_DEADLINES, HAZARD_REVIEW_SOURCE, reviewDue } from '../../../../common/rules/hazard-deadlines.js';
import { findCriterion } from '../../../../common/rules/major-hazard-criteria.js';
import { loadCalendar } from '../../../kernel/calendar/calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { hazardPolicy } from '../hazard.policy.js';
import { type HazardRow, lockHazard, updateHazard } from '../hazard.repository.js';
import { type HazardAction, type HazardGrade, type HazardStatus, hazardTransition } from '../hazard.workflow.js';
import { hazardLink, recordTransition, supervisorUsers } from './effects.js';

/** Loads the hazard for a write through the gate: out of scope 404, then the policy (the transition table 409, the side 403). */
async function begin(ctx: Ctx, id: string, action: HazardAction): Promise<{ h: HazardRow; to: HazardStatus }> {
  const h = await loadFor(ctx, hazardPolicy, action, (ex, scope) => lockHazard(ex, scope, id));
  return { h, to: hazardTransition(h.status as HazardStatus, action, h.grade as HazardGrade | null) as HazardStatus };
}

const today = (ctx: Ctx) => toShanghaiDate(ctx.clock.now());

/**
 * 确认定级: the enterprise (or the regulator who found it) grades the hazard and names the rectifier
 * and deadline. A 重大 hazard is reported at once to the supervising departments and announced to the
 * enterprise's workers (双报告), with the Art. 14 contents.
 */
export async function confirmHazard(ctx: Ctx, id: string, input: TConfirmHazard) {
  const { h, to } = await begin(ctx, id, 'confirm');
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

/** The steps the enterprise hears of (the catalogue's hazard.step.* texts). */
const STEP_NOTICES = {
  reject: 'hazard.step.reject',
  submit: 'hazard.step.submit',
  verify: 'hazard.step.verify',
  return: 'hazard.step.return',
  close: 'hazard.step.close',
  reopen: 'hazard.step.reopen',
} as const satisfies Partial<Record<HazardAction, NoticeKey>>;

/** The other steps: reject, rectify, submit, verify, return, close (核销), reopen. */
export async function hazardStep(ctx: Ctx, id: string, action: Exclude<HazardAction, 'confirm'>, input: THazardStep & { fundsSpentYuan?: number }) {
  const { h, to } = await begin(ctx, id, action);
  const now = ctx.clock.now();
  const changes: Partial<HazardRow> = { status: to, updatedAt: now };
  let review: string | null = null;
  if (action === 'submit') Object.assign(changes, { submittedBy: ctx.actor.id, submittedAt: now });
  if (action === 'verify') Object.assign(changes, { verifiedBy: ctx.actor.id, verifiedAt: now });
  if (action === 'verify' && to === 'verified') {
    const { calendar } = await loadCalendar(ctx.tx);
    review = reviewDue(today(ctx), calendar, DEFAULT_HAZARD_DEADLINES);
    changes.reviewDue = review;
  }
  if (to === 'closed') Object.assign(changes, { closedAt: now, escalation: 0 });
  if (action === 'return') Object.assign(changes, { reviewDue: null, verifiedAt: null, verifiedBy: null });
  if (action === 'reopen') Object.assign(changes, { closedAt: null, reviewDue: null, escalation: 0, remindedFor: null });
  await updateHazard(ctx.tx, h.id, changes);
  await recordTransition(ctx, h, {
    action,
    from: h.status,
    to,
    comment: input.comment,
    evidence: input.evidence,
    data:
      input.fundsSpentYuan !== undefined || review
        ? { fundsSpentYuan: input.fundsSpentYuan, reviewDue: review, reviewSource: review ? HAZARD_REVIEW_SOURCE : undefined }
        : null,
  });
  // Who hears of it: the enterprise of every step it did not take; the regulators of acceptance applications.
  const stepKey = action in STEP_NOTICES ? STEP_NOTICES[action as keyof typeof STEP_NOTICES] : undefined;
  if (stepKey) {
    const toRegulators = action === 'verify' && to === 'verified';
    const userIds = toRegulators
      ? (await supervisorUsers(ctx, h.enterpriseId, { governmentLevels: 1 })).userIds
      : (await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId })).filter((u) => u !== ctx.actor.id);
    await ctx.notify.send({
      userIds,
      kind: `hazard.${action}`,
      notice: toRegulators
        ? notice('hazard.verifyRequested', {
            enterprise: h.enterpriseName,
            title: h.title,
            reviewDue: review ?? '—',
            source: HAZARD_REVIEW_SOURCE,
            comment: input.comment,
          })
        : notice(stepKey, { title: h.title, comment: input.comment }),
      link: hazardLink(h.id),
      entityType: 'hazard',
      entityId: h.id,
    });
  }
  await ctx.audit.record({ action: `hazard.${action}`, entityType: 'hazard', entityId: h.id, before: { status: h.status }, after: { status: to, ...input } });
}

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
