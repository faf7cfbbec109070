import type { TUpdateRiskPoint } from '../../../../common/contracts/risk.js';
import { assessRisk } from '../../../../common/rules/risk-assessment.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { lockRiskPoint, updateRiskPoint } from '../risk.repository.js';
import { loadRiskBands } from '../risk-bands.js';
import { afterAssessment, checkReviewDue, splitAssessment } from './_risk-point.js';

/** Edits a risk point with the version read; a new assessment is computed with the bands in force, and reported when it becomes 重大. */
export async function updateRiskPointCommand(ctx: Ctx, id: string, input: TUpdateRiskPoint): Promise<void> {
  const p = await loadFor(ctx, riskRecordPolicy, 'edit', (ex, scope) => lockRiskPoint(ex, scope, id));
  if (input.version !== p.version) throw new AppError('STALE_VERSION');
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
