import type { TSensorRules } from '../../../../common/contracts/monitoring.js';
import type { TCreateSensor } from '../../../../common/contracts/sensors.js';
import { defaultRulesFor } from '../../../../common/rules/coal-gas-thresholds.js';
import { loosenings, type SensorSetting } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { findEnterprise } from '../../org/index.js';
import { presentSensor } from '../monitoring.presenter.js';
import { insertSensor, sensorCodeTaken } from '../monitoring.repository.js';
import { sensorPolicy } from '../sensor.policy.js';
import { checkCommon, checkLegal, installationOf } from './_sensor-setting.js';

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
