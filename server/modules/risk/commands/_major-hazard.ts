import type { TCreateMajorHazard, TSubstanceInput } from '../../../../common/contracts/risk.js';
import { assessMajorHazard, unresolvedSubstances } from '../../../../common/rules/major-hazard-source.js';
import { invalid } from '../../../kernel/errors.js';

/** GB 18218 identification and grading; a chemical found in neither table is a 400 naming `substances.N`. */
export function computeMajorHazard(input: { exposedPopulation: number; substances: TSubstanceInput[] }) {
  const bad = unresolvedSubstances(input.substances);
  if (bad.length) throw invalid(bad.map((i) => ({ field: `substances.${i}`, code: 'invalid' as const })));
  return assessMajorHazard(input);
}

/** The chemicals as stored: only the identifiers given. */
export const clean = (s: TSubstanceInput[]) =>
  s.map((x) => ({
    ...(x.cas ? { cas: x.cas } : {}),
    ...(x.name ? { name: x.name } : {}),
    ...(x.category ? { category: x.category } : {}),
    quantityTonnes: x.quantityTonnes,
  }));

/** The three 包保责任人 as columns. */
export const personColumns = (p: TCreateMajorHazard['persons']) => ({
  principalName: p.principal.name,
  principalPhone: p.principal.phone,
  technicalName: p.technical.name,
  technicalPhone: p.technical.phone,
  operationalName: p.operational.name,
  operationalPhone: p.operational.phone,
});
