import { pondSafetyReportable, type TUpdateTailingsPond } from '../../../../common/contracts/risk.js';
import type { TailingsSafetyStatus } from '../../../../common/rules/tailings-pond.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { findEnterprise } from '../../org/index.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { lockTailingsPond, type TailingsPondRow, updateTailingsPond } from '../risk.repository.js';
import { reportPondSafety } from './_report-pond-safety.js';
import { gradeOf } from './_tailings-pond.js';

/** Edit with the version read; the class is recomputed from the values after the edit; a reportable 安全度 change is reported. */
export async function updateTailingsPondCommand(ctx: Ctx, id: string, input: TUpdateTailingsPond): Promise<void> {
  const p = await loadFor(ctx, riskRecordPolicy, 'edit', (ex, scope) => lockTailingsPond(ex, scope, id));
  if (input.version !== p.version) throw new AppError('STALE_VERSION');
  const { version: _v, responsibleName, ...fields } = input;
  const next = {
    totalCapacity: input.totalCapacity ?? p.totalCapacity,
    designDamHeight: input.designDamHeight ?? p.designDamHeight,
    gradeRaised: input.gradeRaised ?? p.gradeRaised,
  };
  const g = await gradeOf(ctx, next);
  const values: Partial<TailingsPondRow> = {
    ...fields,
    ...(responsibleName !== undefined ? { responsiblePerson: responsibleName } : {}),
    grade: g.grade,
    gradeSource: g.source,
    updatedAt: ctx.clock.now(),
  };
  await updateTailingsPond(ctx.tx, id, values);
  await ctx.audit.record({
    action: 'risk.tailingsPondUpdated',
    entityType: 'tailings_pond',
    entityId: id,
    before: { grade: p.grade, safetyStatus: p.safetyStatus, operatingStatus: p.operatingStatus, overhead: p.overhead, version: p.version },
    after: { ...input, grade: g.grade },
  });
  const from = p.safetyStatus as TailingsSafetyStatus;
  if (input.safetyStatus && pondSafetyReportable(from, input.safetyStatus)) {
    const [after, e] = [await lockTailingsPond(ctx.tx, ctx.scope, id), await findEnterprise(ctx.tx, ctx.scope, p.enterpriseId)];
    if (after && e) await reportPondSafety(ctx, after, e.name, from);
  }
}
