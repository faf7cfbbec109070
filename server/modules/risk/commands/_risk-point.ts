import type { TUpdateRiskPoint } from '../../../../common/contracts/risk.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../kernel/actor.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { findEnterprise } from '../../org/index.js';
import { lockRiskPoint, type RiskPointRow } from '../risk.repository.js';
import { reportMajorRisk } from './_report-major-risk.js';

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

/**
 * A review date lies after today (Beijing).
 * @gated-by createRiskPoint updateRiskPointCommand reviewRiskPoint
 */
export function checkReviewDue(ctx: Ctx, field: string, date: string) {
  if (date <= toShanghaiDate(ctx.clock.now())) throw invalidField(field, 'invalid');
}

/**
 * Reports a risk that has just become 重大 (one that stays 重大 was reported already).
 * @gated-by updateRiskPointCommand reviewRiskPoint
 */
export async function afterAssessment(ctx: Ctx, before: RiskPointRow, trigger: 'reassessed' | 'reviewed') {
  const after = (await lockRiskPoint(ctx.tx, ctx.scope, before.id)) as RiskPointRow;
  if (after.level === 1 && before.level !== 1) {
    const e = await findEnterprise(ctx.tx, ctx.scope, after.enterpriseId);
    if (e) await reportMajorRisk(ctx, after, e, trigger);
  }
  return after;
}

/** The assessment as stored: the method and the factors apart. */
export function splitAssessment(a: NonNullable<TUpdateRiskPoint['assessment']>) {
  const { method, ...inputs } = a;
  return { method, inputs };
}
