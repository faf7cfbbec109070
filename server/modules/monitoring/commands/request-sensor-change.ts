import type { TSensorRules } from '../../../../common/contracts/monitoring.js';
import type { TSensorChangeRequest } from '../../../../common/contracts/sensors.js';
import { notice } from '../../../../common/i18n/notifications.js';
import { loosenings, MAX_OUT_OF_SERVICE_DAYS, SENSOR_LIMIT_RULE_SOURCE } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { presentChangeRequest } from '../monitoring.presenter.js';
import { getSensor, insertChangeRequest, pendingChangeRequest } from '../monitoring.repository.js';
import { sensorPolicy } from '../sensor.policy.js';
import { describeChanges, supervisingUsers } from './_change-requests.js';
import { checkLegal, settingOf } from './_sensor-setting.js';

/**
 * 申请放宽/停用: the enterprise asks the supervising department to approve a loosening (rules toward the
 * legal limit, never past it) and/or an out-of-service window with an end. Nothing changes until approved;
 * the request is audited and the supervising departments are told, with the reason.
 */
export async function requestSensorChange(ctx: Ctx, sensorId: string, input: TSensorChangeRequest) {
  const s = await loadFor(ctx, sensorPolicy, 'requestChange', async (ex, scope) => {
    const row = await getSensor(ex, scope, sensorId);
    return row && { ...row, loosenings: [], hasPendingRequest: !!(await pendingChangeRequest(ex, row.id)) };
  });
  const now = ctx.clock.now();
  const before = settingOf(s);
  const toRules: TSensorRules = input.rules ?? before.rules;
  checkLegal({ ...before, rules: toRules });
  const changes = loosenings(before, { ...before, rules: toRules });
  let until: Date | null = null;
  if (input.outOfServiceUntil) {
    until = new Date(input.outOfServiceUntil);
    if (until <= now) throw invalidField('outOfServiceUntil', 'too_small', { minimum: now.toISOString() });
    const max = new Date(now.getTime() + MAX_OUT_OF_SERVICE_DAYS * 86_400_000);
    if (until > max) throw invalidField('outOfServiceUntil', 'too_big', { maximum: max.toISOString() });
    changes.push({ field: 'outOfServiceUntil', from: null, to: until.toISOString(), legal: null, source: SENSOR_LIMIT_RULE_SOURCE });
  }
  if (!changes.length) throw invalidField(input.rules ? 'rules' : 'outOfServiceUntil', 'nothing_to_approve');
  const row = await insertChangeRequest(ctx.tx, {
    sensorId: s.id,
    fromRules: before.rules,
    toRules,
    outOfServiceUntil: until,
    changes,
    reason: input.reason,
    status: 'pending',
    requestedBy: ctx.actor.id,
    requestedByName: ctx.actor.displayName,
    requestedByUnit: ctx.actor.unitName,
    requestedAt: now,
  });
  await ctx.audit.record({
    action: 'sensor.changeRequested',
    entityType: 'sensor_change_request',
    entityId: row.id,
    after: { sensorId: s.id, changes, toRules, outOfServiceUntil: until?.toISOString() ?? null, reason: input.reason },
  });
  await ctx.notify.send({
    userIds: await supervisingUsers(ctx, s.enterpriseId),
    kind: 'sensor.changeRequested',
    notice: notice('sensor.changeRequested', {
      enterprise: s.enterpriseName,
      sensor: s.name,
      code: s.code,
      changes: describeChanges(changes, s.unit),
      reason: input.reason,
      applicant: ctx.actor.displayName,
    }),
    link: '/monitoring/change-requests',
    entityType: 'sensor_change_request',
    entityId: row.id,
  });
  return presentChangeRequest(
    {
      request: row,
      enterpriseId: s.enterpriseId,
      enterpriseName: s.enterpriseName,
      sensorCode: s.code,
      sensorName: s.name,
      sensorUnit: s.unit,
      location: s.location,
    },
    ctx.actor,
  );
}
