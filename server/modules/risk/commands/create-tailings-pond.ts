import { pondSafetyReportable, type TCreateTailingsPond } from '../../../../common/contracts/risk.js';
import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { insertTailingsPond, nextCode } from '../risk.repository.js';
import { reportPondSafety } from './_report-pond-safety.js';
import { targetEnterprise } from './_risk-point.js';
import { gradeOf } from './_tailings-pond.js';

/** 尾矿库登记: an enterprise records its own pond (a regulator with risk.manage for one in scope); a 病/险/危库 is reported. */
export async function createTailingsPond(ctx: Ctx, input: TCreateTailingsPond): Promise<{ id: string }> {
  const e = await targetEnterprise(ctx.tx, ctx.scope, ctx.actor, input.enterpriseId);
  allowNew(ctx, riskRecordPolicy, 'create', { enterpriseId: e.id });
  const gradeRaised = input.gradeRaised ?? false;
  const g = await gradeOf(ctx, { ...input, gradeRaised });
  const now = ctx.clock.now();
  const row = await insertTailingsPond(ctx.tx, {
    enterpriseId: e.id,
    code: `WKK-${String(await nextCode(ctx.tx, 'tailings_pond', e.id)).padStart(3, '0')}`,
    name: input.name,
    location: input.location ?? null,
    lng: input.lng,
    lat: input.lat,
    damMethod: input.damMethod ?? null,
    designDamHeight: input.designDamHeight,
    currentDamHeight: input.currentDamHeight,
    totalCapacity: input.totalCapacity,
    currentCapacity: input.currentCapacity,
    gradeRaised,
    grade: g.grade,
    gradeSource: g.source,
    overhead: input.overhead,
    downstreamPopulation: input.downstreamPopulation,
    downstreamFacilities: input.downstreamFacilities ?? null,
    safetyStatus: input.safetyStatus,
    operatingStatus: input.operatingStatus,
    responsiblePerson: input.responsibleName,
    responsiblePhone: input.responsiblePhone,
    licenceNumber: input.licenceNumber ?? null,
    licenceExpiry: input.licenceExpiry ?? null,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record({
    action: 'risk.tailingsPondCreated',
    entityType: 'tailings_pond',
    entityId: row.id,
    after: { ...input, grade: g.grade },
  });
  if (pondSafetyReportable(null, input.safetyStatus)) await reportPondSafety(ctx, row, e.name, null);
  return { id: row.id };
}
