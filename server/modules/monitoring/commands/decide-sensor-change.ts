import type { TSensorRules } from '../../../../common/contracts/monitoring.js';
import { at, notice } from '../../../../common/i18n/notifications.js';
import type { Loosening } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { presentChangeRequest } from '../monitoring.presenter.js';
import { getSensor, lockChangeRequest, type SensorRow, updateChangeRequest, updateSensor } from '../monitoring.repository.js';
import { type ChangeRequestAction, sensorChangeRequestPolicy } from '../sensor.policy.js';
import { describeChanges, link, supervisingUsers } from './_change-requests.js';
import { checkLegal, settingOf } from './_sensor-setting.js';

/**
 * The supervising department approves (then the change applies at once) or rejects a pending request, with
 * a comment. The law still beats the approval: a value past the legal limit (e.g. the table changed since)
 * is refused. Audited (decision, application) and told to the enterprise and the supervising departments.
 */
export async function decideSensorChange(ctx: Ctx, id: string, decision: ChangeRequestAction, comment: string) {
  const r = await loadFor(ctx, sensorChangeRequestPolicy, decision, async (ex, scope) => {
    const row = await lockChangeRequest(ex, scope, id);
    return row && { ...row.request, row };
  });
  const s = (await getSensor(ctx.tx, ctx.scope, r.sensorId)) as SensorRow | undefined;
  if (!s) throw notFound();
  const now = ctx.clock.now();
  const approved = decision === 'approve';
  const toRules = r.toRules as TSensorRules;
  if (approved) checkLegal({ ...settingOf(s), rules: toRules });
  const decided = {
    status: approved ? 'approved' : 'rejected',
    decidedBy: ctx.actor.id,
    decidedByName: ctx.actor.displayName,
    decidedByUnit: ctx.actor.unitName,
    decidedAt: now,
    decisionComment: comment,
    ...(approved ? { appliedAt: now } : {}),
  };
  await updateChangeRequest(ctx.tx, r.id, decided);
  await ctx.audit.record({
    action: approved ? 'sensor.changeApproved' : 'sensor.changeRejected',
    entityType: 'sensor_change_request',
    entityId: r.id,
    before: { status: r.status },
    after: { status: decided.status, comment },
  });
  if (approved) {
    const set = { rules: toRules, ...(r.outOfServiceUntil ? { outOfServiceUntil: r.outOfServiceUntil } : {}), updatedAt: now };
    await updateSensor(ctx.tx, s.id, set);
    await ctx.audit.record({
      action: 'sensor.changeApplied',
      entityType: 'sensor',
      entityId: s.id,
      before: { rules: s.rules, outOfServiceUntil: s.outOfServiceUntil?.toISOString() ?? null },
      after: { rules: toRules, outOfServiceUntil: r.outOfServiceUntil?.toISOString() ?? null, request: r.id },
    });
  }
  const changes = describeChanges(r.changes as Loosening[], s.unit);
  await ctx.notify.send({
    userIds: [...new Set([...(await userIdsOfUnit(ctx.tx, { enterpriseId: s.enterpriseId })), ...(await supervisingUsers(ctx, s.enterpriseId))])],
    kind: approved ? 'sensor.changeApproved' : 'sensor.changeRejected',
    notice: notice(approved ? 'sensor.changeApproved' : 'sensor.changeRejected', {
      enterprise: s.enterpriseName,
      sensor: s.name,
      code: s.code,
      changes,
      reason: r.reason,
      decider: `${ctx.actor.unitName ? `${ctx.actor.unitName} ` : ''}${ctx.actor.displayName}`,
      at: at(now),
      comment,
    }),
    link: link(s.id),
    entityType: 'sensor_change_request',
    entityId: r.id,
  });
  return presentChangeRequest({ ...r.row, request: { ...r.row.request, ...decided } }, ctx.actor);
}
