import type { TSensorRules } from '../../../../common/contracts/monitoring.js';
import type { TCreateSensor, TUpdateSensor } from '../../../../common/contracts/sensors.js';
import { COAL_LOCATION_KEYS, defaultRulesFor } from '../../../../common/rules/coal-gas-thresholds.js';
import { beyondLegal, type SensorLimitFacts, type SensorSetting } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid, invalidField } from '../../../kernel/errors.js';
import { installationsAndPonds } from '../../risk/index.js';
import type { SensorRow } from '../monitoring.repository.js';

export function checkCommon(input: Partial<TCreateSensor>) {
  if (input.coalLocationKey && !COAL_LOCATION_KEYS.includes(input.coalLocationKey)) throw invalidField('coalLocationKey', 'invalid_format');
  if (input.rangeLow != null && input.rangeHigh != null && input.rangeLow >= input.rangeHigh)
    throw invalidField('rangeHigh', 'too_small', { minimum: input.rangeLow });
}

/**
 * The installation link: a registered major hazard installation or tailings pond of the sensor's own
 * enterprise (a 400 naming installationId otherwise), whose name the sensor then carries; without an id the
 * name is free text (a coal working face is not a registered object).
 * @gated-by createSensor, changeSensor
 */
export async function installationOf(ctx: Ctx, enterpriseId: string, input: { installationId?: string | null; installationName?: string | null }) {
  if (!input.installationId) return { installationId: null, installationName: input.installationName ?? null };
  const [o] = await installationsAndPonds(ctx.tx, ctx.scope, { enterpriseId, id: input.installationId });
  if (!o) throw invalidField('installationId', 'invalid');
  return { installationId: o.id, installationName: o.name };
}

/** 400 for a limit past the law (no approval can allow it), naming the field and the 依据. */
export function checkLegal(s: SensorLimitFacts & { rules: TSensorRules }) {
  const beyond = beyondLegal(s);
  if (beyond.length)
    throw invalid(
      beyond.map((b) => ({
        field: b.field,
        code: b.direction === 'max' ? 'above_legal_limit' : 'below_legal_limit',
        params: { [b.direction === 'max' ? 'maximum' : 'minimum']: b.value, source: b.source },
      })),
    );
}

/** The safety-relevant setting of a stored sensor, as the limit rules compare it. */
export const settingOf = (s: SensorRow): SensorSetting => ({
  type: s.type,
  unit: s.unit,
  coalLocationKey: s.coalLocationKey,
  industry: s.industry,
  rules: s.rules as TSensorRules,
  inService: s.inService,
});

/** The setting a PATCH would leave: a changed coal location or type without explicit rules takes its defaults. */
export function nextSetting(s: SensorRow, input: TUpdateSensor): SensorSetting {
  const type = input.type ?? (s.type as TCreateSensor['type']);
  const coalLocationKey = input.coalLocationKey !== undefined ? input.coalLocationKey : s.coalLocationKey;
  const rules = input.rules ?? (input.coalLocationKey !== undefined || input.type ? defaultRulesFor(type, coalLocationKey) : (s.rules as TSensorRules));
  return { type, unit: input.unit ?? s.unit, coalLocationKey, industry: s.industry, rules, inService: input.inService ?? s.inService };
}
