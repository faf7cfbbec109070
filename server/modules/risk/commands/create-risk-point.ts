import type { TCreateRiskPoint } from '../../../../common/contracts/risk.js';
import { assessRisk } from '../../../../common/rules/risk-assessment.js';
import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { insertRiskPoint, nextCode } from '../risk.repository.js';
import { loadRiskBands } from '../risk-bands.js';
import { reportMajorRisk } from './_report-major-risk.js';
import { checkReviewDue, targetEnterprise } from './_risk-point.js';

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
