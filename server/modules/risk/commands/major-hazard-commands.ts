import type { TCreateMajorHazard, TSubstanceInput, TUpdateMajorHazard } from '../../../../common/contracts/risk.js';
import { assessMajorHazard, unresolvedSubstances } from '../../../../common/rules/major-hazard-source.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalid } from '../../../kernel/errors.js';
import { allowNew, loadFor } from '../../../kernel/gate/gate.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { insertMajorHazard, lockMajorHazard, nextCode, updateMajorHazard } from '../risk.repository.js';
import { targetEnterprise } from './risk-point-commands.js';

/** GB 18218 identification and grading; a chemical found in neither table is a 400 naming `substances.N`. */
export function computeMajorHazard(input: { exposedPopulation: number; substances: TSubstanceInput[] }) {
  const bad = unresolvedSubstances(input.substances);
  if (bad.length) throw invalid(bad.map((i) => ({ field: `substances.${i}`, code: 'invalid' as const })));
  return assessMajorHazard(input);
}

const clean = (s: TSubstanceInput[]) =>
  s.map((x) => ({
    ...(x.cas ? { cas: x.cas } : {}),
    ...(x.name ? { name: x.name } : {}),
    ...(x.category ? { category: x.category } : {}),
    quantityTonnes: x.quantityTonnes,
  }));

const personColumns = (p: TCreateMajorHazard['persons']) => ({
  principalName: p.principal.name,
  principalPhone: p.principal.phone,
  technicalName: p.technical.name,
  technicalPhone: p.technical.phone,
  operationalName: p.operational.name,
  operationalPhone: p.operational.phone,
});

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

export async function updateMajorHazardCommand(ctx: Ctx, id: string, input: TUpdateMajorHazard): Promise<void> {
  const m = await loadFor(ctx, riskRecordPolicy, 'edit', (ex, scope) => lockMajorHazard(ex, scope, id));
  if (input.version !== m.version) throw new AppError('STALE_VERSION');
  const substances = input.substances ?? (m.substances as TSubstanceInput[]);
  const exposedPopulation = input.exposedPopulation ?? m.exposedPopulation;
  const r = computeMajorHazard({ exposedPopulation, substances });
  const { version: _v, persons, ...fields } = input;
  await updateMajorHazard(ctx.tx, id, {
    ...fields,
    ...(input.substances ? { substances: clean(input.substances) } : {}),
    ...(persons ? personColumns(persons) : {}),
    terms: r.terms,
    s: r.S,
    isMajor: r.isMajor,
    alpha: r.alpha,
    r: r.R,
    grade: r.grade,
    source: r.source,
    updatedAt: ctx.clock.now(),
  });
  await ctx.audit.record({
    action: 'risk.majorHazardUpdated',
    entityType: 'major_hazard_source',
    entityId: id,
    before: { S: m.s, R: m.r, grade: m.grade, version: m.version },
    after: { ...input, S: r.S, R: r.R, grade: r.grade },
  });
}
