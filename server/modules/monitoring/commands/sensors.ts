import type { TSensorRules } from '../../../../common/contracts/monitoring.js';
import type { TCreateSensor, TUpdateSensor } from '../../../../common/contracts/sensors.js';
import { COAL_LOCATION_KEYS, defaultRulesFor } from '../../../../common/rules/coal-gas-thresholds.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField, notFound } from '../../../kernel/errors.js';
import { findEnterprise } from '../../org/index.js';
import { installationsAndPonds } from '../../risk/index.js';
import { presentSensor } from '../monitoring.presenter.js';
import { getSensor, insertSensor, sensorCodeTaken, updateSensor } from '../monitoring.repository.js';

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

/** 登记监测点: coal CH4 and CO points without rules get the 煤矿安全规程 defaults by location. */
export async function createSensor(ctx: Ctx, input: TCreateSensor) {
  const e = await findEnterprise(ctx.tx, ctx.scope, input.enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  checkCommon(input);
  if (await sensorCodeTaken(ctx.tx, e.id, input.code))
    throw new AppError('DUPLICATE', { field: '测点编码 / code', value: input.code }, [{ field: 'code', code: 'unique' }]);
  const rules: TSensorRules = input.rules ?? defaultRulesFor(input.type, input.coalLocationKey);
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
    inService: input.inService ?? true,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record({ action: 'sensor.created', entityType: 'sensor', entityId: row.id, after: { ...input, rules } });
  return presentSensor(row);
}

export async function changeSensor(ctx: Ctx, id: string, input: TUpdateSensor) {
  const s = await getSensor(ctx.tx, ctx.scope, id);
  if (!s) throw notFound();
  checkCommon({ rangeLow: s.rangeLow, rangeHigh: s.rangeHigh, ...input });
  if (input.code && input.code !== s.code && (await sensorCodeTaken(ctx.tx, s.enterpriseId, input.code, s.id)))
    throw new AppError('DUPLICATE', { field: '测点编码 / code', value: input.code }, [{ field: 'code', code: 'unique' }]);
  const type = input.type ?? (s.type as TCreateSensor['type']);
  const locationKey = input.coalLocationKey !== undefined ? input.coalLocationKey : s.coalLocationKey;
  // A changed coal location without explicit rules takes that location's defaults.
  const rules = input.rules ?? (input.coalLocationKey !== undefined || input.type ? defaultRulesFor(type, locationKey) : undefined);
  // Either field sent re-links: an id to its object, a name alone to free text.
  const link = input.installationId !== undefined || input.installationName !== undefined ? await installationOf(ctx, s.enterpriseId, input) : {};
  const set = { ...input, ...link, ...(rules ? { rules } : {}), updatedAt: ctx.clock.now() };
  await updateSensor(ctx.tx, s.id, set);
  await ctx.audit.record({ action: 'sensor.updated', entityType: 'sensor', entityId: s.id, before: { rules: s.rules, code: s.code }, after: set });
  return presentSensor((await getSensor(ctx.tx, ctx.scope, s.id)) as NonNullable<typeof s>);
}
