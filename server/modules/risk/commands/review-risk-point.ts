import type { TReviewRiskPoint } from '../../../../common/contracts/risk.js';
import { assessRisk } from '../../../../common/rules/risk-assessment.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { insertReview, lockRiskPoint, updateRiskPoint } from '../risk.repository.js';
import { loadRiskBands } from '../risk-bands.js';
import { afterAssessment, checkReviewDue, splitAssessment } from './_risk-point.js';

/** 定期评审: records the review (and any re-assessment) and sets the next review date. */
export async function reviewRiskPoint(ctx: Ctx, id: string, input: TReviewRiskPoint): Promise<void> {
  const p = await loadFor(ctx, riskRecordPolicy, 'review', (ex, scope) => lockRiskPoint(ex, scope, id));
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
