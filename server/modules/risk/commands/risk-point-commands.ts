import type { TCreateRiskPoint, TReviewRiskPoint, TUpdateRiskPoint } from '../../../../common/contracts/risk.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { assessRisk } from '../../../../common/rules/risk-assessment.js';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../kernel/actor.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { allowNew, loadFor } from '../../../kernel/gate/gate.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { findEnterprise } from '../../org/index.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { insertReview, insertRiskPoint, lockRiskPoint, nextCode, type RiskPointRow, updateRiskPoint } from '../risk.repository.js';
import { loadRiskBands } from '../risk-bands.js';
import { reportMajorRisk } from './report-major-risk.js';

/**
 * The enterprise a new record is for: the caller's own, or one in scope it names (404-free: a 400 naming the field).
 * The record's policy is asked by the command (allowNew) once the enterprise is known.
 */
export async function targetEnterprise(ex: Executor, scope: Scope, actor: Actor, enterpriseId: string | undefined) {
  const id = enterpriseId ?? actor.enterpriseId;
  if (!id) throw invalidField('enterpriseId', 'required');
  const e = await findEnterprise(ex, scope, id);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  return e;
}

function checkReviewDue(ctx: Ctx, field: string, date: string) {
  if (date <= toShanghaiDate(ctx.clock.now())) throw invalidField(field, 'invalid');
}

/** 风险点登记: the assessment is computed with the bands in force; a 重大 result is reported at once. */
export async function createRiskPoint(ctx: Ctx, input: TCreateRiskPoint): Promise<{ id: string }> {
  const e = await targetEnterprise(ctx.tx, ctx.scope, ctx.actor, input.enterpriseId);
  allowNew(ctx, riskRecordPolicy, 'create', { enterpriseId: e.id });
  checkReviewDue(ctx, 'reviewDue', input.reviewDue);
  const { bands } = await loadRiskBands(ctx.tx);
  const { method, ...inputs } = input.assessment;
  const a = assessRisk(input.assessment, bands);
  const now = ctx.clock.now();
  const row = await insertRiskPoint(ctx.tx, {
    enterpriseId: e.id,
    code: `FXD-${String(await nextCode(ctx.tx, 'risk_point', e.id)).padStart(4, '0')}`,
    name: input.name,
    kind: input.kind,
    location: input.location ?? null,
    hazardFactors: input.hazardFactors,
    accidentTypes: input.accidentTypes,
    method,
    inputs,
    score: a.score,
    level: a.level,
    color: a.color,
    source: a.source,
    measures: input.measures,
    controlLevel: input.controlLevel,
    responsiblePerson: input.responsiblePerson,
    responsiblePhone: input.responsiblePhone ?? null,
    assessedAt: now,
    assessedBy: ctx.actor.displayName,
    reviewDue: input.reviewDue,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record({ action: 'risk.created', entityType: 'risk_point', entityId: row.id, after: { ...input, score: a.score, level: a.level } });
  if (row.level === 1) await reportMajorRisk(ctx, row, e, 'created');
  return { id: row.id };
}

async function lockForChange(ctx: Ctx, id: string, action: 'edit' | 'review', version?: number): Promise<RiskPointRow> {
  const p = await loadFor(ctx, riskRecordPolicy, action, (ex, scope) => lockRiskPoint(ex, scope, id));
  if (version !== undefined && version !== p.version) throw new AppError('STALE_VERSION');
  return p;
}

async function afterAssessment(ctx: Ctx, before: RiskPointRow, trigger: 'reassessed' | 'reviewed') {
  const after = (await lockRiskPoint(ctx.tx, ctx.scope, before.id)) as RiskPointRow;
  // Reported when it becomes 重大; a risk that stays 重大 was reported already.
  if (after.level === 1 && before.level !== 1) {
    const e = await findEnterprise(ctx.tx, ctx.scope, after.enterpriseId);
    if (e) await reportMajorRisk(ctx, after, e, trigger);
  }
  return after;
}

export async function updateRiskPointCommand(ctx: Ctx, id: string, input: TUpdateRiskPoint): Promise<void> {
  const p = await lockForChange(ctx, id, 'edit', input.version);
  if (input.reviewDue !== undefined && input.reviewDue !== p.reviewDue) checkReviewDue(ctx, 'reviewDue', input.reviewDue);
  const now = ctx.clock.now();
  const { version: _v, assessment, ...fields } = input;
  const reassessed = assessment ? { ...assessRisk(assessment, (await loadRiskBands(ctx.tx)).bands), ...splitAssessment(assessment) } : undefined;
  await updateRiskPoint(ctx.tx, id, {
    ...fields,
    ...(fields.reviewDue && fields.reviewDue !== p.reviewDue ? { remindedFor: null, overdueFlaggedFor: null } : {}),
    ...(reassessed
      ? {
          method: reassessed.method,
          inputs: reassessed.inputs,
          score: reassessed.score,
          level: reassessed.level,
          color: reassessed.color,
          source: reassessed.source,
          assessedAt: now,
          assessedBy: ctx.actor.displayName,
        }
      : {}),
    updatedAt: now,
  });
  await ctx.audit.record({
    action: 'risk.updated',
    entityType: 'risk_point',
    entityId: id,
    before: { level: p.level, score: p.score, reviewDue: p.reviewDue, version: p.version },
    after: { ...input, ...(reassessed ? { level: reassessed.level, score: reassessed.score } : {}) },
  });
  await afterAssessment(ctx, p, 'reassessed');
}

function splitAssessment(a: NonNullable<TUpdateRiskPoint['assessment']>) {
  const { method, ...inputs } = a;
  return { method, inputs };
}

/** 定期评审: records the review (and any re-assessment) and sets the next review date. */
export async function reviewRiskPoint(ctx: Ctx, id: string, input: TReviewRiskPoint): Promise<void> {
  const p = await lockForChange(ctx, id, 'review');
  checkReviewDue(ctx, 'nextReviewDue', input.nextReviewDue);
  const now = ctx.clock.now();
  const reassessed = input.assessment
    ? { ...assessRisk(input.assessment, (await loadRiskBands(ctx.tx)).bands), ...splitAssessment(input.assessment) }
    : undefined;
  await updateRiskPoint(ctx.tx, id, {
    reviewDue: input.nextReviewDue,
    lastReviewedAt: now,
    remindedFor: null,
    overdueFlaggedFor: null,
    ...(reassessed
      ? {
          method: reassessed.method,
          inputs: reassessed.inputs,
          score: reassessed.score,
          level: reassessed.level,
          color: reassessed.color,
          source: reassessed.source,
          assessedAt: now,
          assessedBy: ctx.actor.displayName,
        }
      : {}),
    updatedAt: now,
  });
  await insertReview(ctx.tx, {
    riskPointId: id,
    at: now,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    comment: input.comment,
    fromLevel: p.level,
    toLevel: reassessed?.level ?? p.level,
    score: reassessed?.score ?? p.score,
    nextReviewDue: input.nextReviewDue,
  });
  await ctx.audit.record({
    action: 'risk.reviewed',
    entityType: 'risk_point',
    entityId: id,
    before: { level: p.level, reviewDue: p.reviewDue },
    after: { ...input, level: reassessed?.level ?? p.level },
  });
  await afterAssessment(ctx, p, 'reviewed');
}
