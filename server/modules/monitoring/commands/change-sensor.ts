import type { TUpdateSensor } from '../../../../common/contracts/sensors.js';
import { loosenings, type SensorSetting } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { presentSensor } from '../monitoring.presenter.js';
import { getSensor, type SensorRow, sensorCodeTaken, updateSensor } from '../monitoring.repository.js';
import { sensorPolicy } from '../sensor.policy.js';
import { checkCommon, checkLegal, installationOf, nextSetting, settingOf } from './_sensor-setting.js';

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
