import type { TSubstanceInput, TUpdateMajorHazard } from '../../../../common/contracts/risk.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { lockMajorHazard, updateMajorHazard } from '../risk.repository.js';
import { clean, computeMajorHazard, personColumns } from './_major-hazard.js';

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
