import type { TSensorRules } from '../../../../common/contracts/monitoring.js';
import type { TCreateSensor, TUpdateSensor } from '../../../../common/contracts/sensors.js';
import { COAL_LOCATION_KEYS, defaultRulesFor } from '../../../../common/rules/coal-gas-thresholds.js';
import { beyondLegal, loosenings, type SensorLimitFacts, type SensorSetting } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalid, invalidField } from '../../../kernel/errors.js';
import { allowNew, loadFor } from '../../../kernel/gate/gate.js';
import { findEnterprise } from '../../org/index.js';
import { installationsAndPonds } from '../../risk/index.js';
import { presentSensor } from '../monitoring.presenter.js';
import { getSensor, insertSensor, type SensorRow, sensorCodeTaken, updateSensor } from '../monitoring.repository.js';
import { sensorPolicy } from '../sensor.policy.js';

function checkCommon(input: Partial<TCreateSensor>) {
  if (input.coalLocationKey && !COAL_LOCATION_KEYS.includes(input.coalLocationKey)) throw invalidField('coalLocationKey', 'invalid_format');
  if (input.rangeLow != null && input.rangeHigh != null && input.rangeLow >= input.rangeHigh)
    throw invalidField('rangeHigh', 'too_small', { minimum: input.rangeLow });
}

/**
 * The installation link: a registered major hazard installation or tailings pond of the sensor's own
 * enterprise (a 400 naming installationId otherwise), whose name the sensor then carries; without an id the
 * name is free text (a coal working face is not a registered object).
 */
async function installationOf(ctx: Ctx, enterpriseId: string, input: { installationId?: string | null; installationName?: string | null }) {
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

/** 登记监测点: coal CH4 and CO points without rules get the 煤矿安全规程 defaults by location. */
export async function createSensor(ctx: Ctx, input: TCreateSensor) {
  const e = await findEnterprise(ctx.tx, ctx.scope, input.enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  checkCommon(input);
  if (input.type === 'ch4' && e.industry === 'coal' && !input.coalLocationKey) throw invalidField('coalLocationKey', 'required');
  const rules: TSensorRules = input.rules ?? defaultRulesFor(input.type, input.coalLocationKey);
  const setting: SensorSetting = {
    type: input.type,
    unit: input.unit,
    coalLocationKey: input.coalLocationKey ?? null,
    industry: e.industry,
    rules,
    inService: true,
  };
  checkLegal(setting);
  // A new point is measured against the defaults it would get (the 规程 limits, the 2-minute 断线 check), in
  // service: anything looser — a later 断线, an on-delay, out of service — is a change for the supervising
  // department to approve once the point exists, as on an existing one.
  const baseline: SensorSetting = { ...setting, rules: defaultRulesFor(input.type, input.coalLocationKey) };
  allowNew(ctx, sensorPolicy, 'create', {
    enterpriseId: e.id,
    loosenings: loosenings(baseline, { ...setting, inService: input.inService ?? true }),
    hasPendingRequest: false,
  });
  if (await sensorCodeTaken(ctx.tx, e.id, input.code))
    throw new AppError('DUPLICATE', { field: '测点编码 / code', value: input.code }, [{ field: 'code', code: 'unique' }]);
  const link = await installationOf(ctx, e.id, input);
  const now = ctx.clock.now();
  const row = await insertSensor(ctx.tx, {
    enterpriseId: e.id,
    enterpriseName: e.name,
    regionPath: e.regionPath,
    industry: e.industry,
    groupId: e.groupId,
    ...link,
    code: input.code,
    name: input.name,
    type: input.type,
    unit: input.unit,
    rangeLow: input.rangeLow ?? null,
    rangeHigh: input.rangeHigh ?? null,
    location: input.location,
    coalLocationKey: input.coalLocationKey ?? null,
    lng: input.lng ?? null,
    lat: input.lat ?? null,
    rules,
    inService: true,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record({ action: 'sensor.created', entityType: 'sensor', entityId: row.id, after: { ...input, rules } });
  return presentSensor(row, now);
}

/** The setting a PATCH would leave: a changed coal location or type without explicit rules takes its defaults. */
function nextSetting(s: SensorRow, input: TUpdateSensor): SensorSetting {
  const type = input.type ?? (s.type as TCreateSensor['type']);
  const coalLocationKey = input.coalLocationKey !== undefined ? input.coalLocationKey : s.coalLocationKey;
  const rules = input.rules ?? (input.coalLocationKey !== undefined || input.type ? defaultRulesFor(type, coalLocationKey) : (s.rules as TSensorRules));
  return { type, unit: input.unit ?? s.unit, coalLocationKey, industry: s.industry, rules, inService: input.inService ?? s.inService };
}

/**
 * Changes a sensor. Applies at once only when nothing regulated is loosened (a limit raised or removed, a
 * longer on-delay, out of service): otherwise 409 with the loosenings and nothing changed, and the
 * enterprise asks for it with requestSensorChange. A limit past the law is a 400 either way.
 */
export async function changeSensor(ctx: Ctx, id: string, input: TUpdateSensor) {
  let next: SensorSetting | undefined;
  const s = await loadFor(ctx, sensorPolicy, 'change', async (ex, scope) => {
    const row = await getSensor(ex, scope, id);
    if (!row) return undefined;
    checkCommon({ rangeLow: row.rangeLow, rangeHigh: row.rangeHigh, ...input });
    next = nextSetting(row, input);
    checkLegal(next);
    return { ...row, loosenings: loosenings(settingOf(row), next), hasPendingRequest: false };
  });
  if (!next) throw new Error('unreachable: loadFor returned a sensor without its next setting');
  if (input.code && input.code !== s.code && (await sensorCodeTaken(ctx.tx, s.enterpriseId, input.code, s.id)))
    throw new AppError('DUPLICATE', { field: '测点编码 / code', value: input.code }, [{ field: 'code', code: 'unique' }]);
  // Either field sent re-links: an id to its object, a name alone to free text.
  const link = input.installationId !== undefined || input.installationName !== undefined ? await installationOf(ctx, s.enterpriseId, input) : {};
  const now = ctx.clock.now();
  // Back in service (a tightening) also ends an approved out-of-service window early.
  const window = input.inService === true && s.outOfServiceUntil ? { outOfServiceUntil: null } : {};
  const set = { ...input, ...link, rules: next.rules, ...window, updatedAt: now };
  await updateSensor(ctx.tx, s.id, set);
  await ctx.audit.record({
    action: 'sensor.updated',
    entityType: 'sensor',
    entityId: s.id,
    before: { rules: s.rules, code: s.code, inService: s.inService },
    after: set,
  });
  return presentSensor((await getSensor(ctx.tx, ctx.scope, s.id)) as SensorRow, now);
}
