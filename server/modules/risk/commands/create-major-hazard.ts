import type { TCreateMajorHazard } from '../../../../common/contracts/risk.js';
import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { insertMajorHazard, nextCode } from '../risk.repository.js';
import { clean, computeMajorHazard, personColumns } from './_major-hazard.js';
import { targetEnterprise } from './_risk-point.js';

export async function createMajorHazard(ctx: Ctx, input: TCreateMajorHazard): Promise<{ id: string }> {
  const e = await targetEnterprise(ctx.tx, ctx.scope, ctx.actor, input.enterpriseId);
  allowNew(ctx, riskRecordPolicy, 'create', { enterpriseId: e.id });
  const r = computeMajorHazard(input);
  const now = ctx.clock.now();
  const row = await insertMajorHazard(ctx.tx, {
    enterpriseId: e.id,
    code: `ZDWXY-${String(await nextCode(ctx.tx, 'major_hazard_source', e.id)).padStart(3, '0')}`,
    name: input.name,
    unitKind: input.unitKind,
    location: input.location ?? null,
    lng: input.lng ?? null,
    lat: input.lat ?? null,
    exposedPopulation: input.exposedPopulation,
    substances: clean(input.substances),
    terms: r.terms,
    s: r.S,
    isMajor: r.isMajor,
    alpha: r.alpha,
    r: r.R,
    grade: r.grade,
    source: r.source,
    ...personColumns(input.persons),
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record({
    action: 'risk.majorHazardCreated',
    entityType: 'major_hazard_source',
    entityId: row.id,
    after: { ...input, S: r.S, R: r.R, grade: r.grade },
  });
  return { id: row.id };
}
