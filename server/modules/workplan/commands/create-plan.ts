import type { TCreatePlan } from '../../../../common/contracts/plans.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { scopeCoversRegion } from '../../../kernel/scope/scope.js';
import { findRegion } from '../../org/index.js';
import { planPolicy } from '../workplan.policy.js';
import { findPlanByDocument, insertPlan, insertPlanItems } from '../workplan.repository.js';

/** Stores another year's notice as a work plan; the document number is unique. */
export async function createPlan(ctx: Ctx, input: TCreatePlan): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  const r = await findRegion(ctx.tx, input.regionCode);
  if (!r || !scopeCoversRegion(ctx.scope, r.path)) errors.push({ field: 'regionCode', code: 'region' });
  if (await findPlanByDocument(ctx.tx, input.document)) errors.push({ field: 'document', code: 'unique' });
  const numbers = input.items.map((i) => i.number);
  if (new Set(numbers).size !== numbers.length) errors.push({ field: 'items', code: 'unique' });
  if (errors.length || !r) throw new AppError('VALIDATION', {}, errors);
  allowNew(ctx, planPolicy, 'create', { regionPath: r.path });
  const { items, ...head } = input;
  const p = await insertPlan(ctx.tx, { ...head, createdAt: ctx.clock.now() });
  await insertPlanItems(
    ctx.tx,
    items.map((i) => ({ ...i, planId: p.id })),
  );
  await ctx.audit.record({ action: 'plan.created', entityType: 'plan', entityId: p.id, after: { ...head, items: items.length } });
  return { id: p.id };
}
