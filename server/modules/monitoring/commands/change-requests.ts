import type { TSensorRules } from '../../../../common/contracts/monitoring.js';
import type { TSensorChangeRequest } from '../../../../common/contracts/sensors.js';
import { formatBeijingDateTime } from '../../../../common/format/beijing.js';
import { at, type Localized, NOTICE_TERMS, notice, perLocale } from '../../../../common/i18n/notifications.js';
import { type Loosening, loosenings, MAX_OUT_OF_SERVICE_DAYS, SENSOR_LIMIT_RULE_SOURCE } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField, notFound } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { supervisorsOf } from '../../org/index.js';
import { presentChangeRequest } from '../monitoring.presenter.js';
import {
  getSensor,
  insertChangeRequest,
  lockChangeRequest,
  pendingChangeRequest,
  type SensorRow,
  updateChangeRequest,
  updateSensor,
} from '../monitoring.repository.js';
import { type ChangeRequestAction, sensorChangeRequestPolicy, sensorPolicy } from '../sensor.policy.js';
import { checkLegal, settingOf } from './sensors.js';

const link = (sensorId: string) => `/monitoring/sensors/${sensorId}`;
const FIELDS: Record<string, Localized> = NOTICE_TERMS.sensorField;

/** "断电值 1.5 → 1.8（法定限值 1.5）" lines for the notices, in both languages; a time in Beijing time. */
export function describeChanges(changes: readonly Loosening[], unit: string): Localized {
  return perLocale((l) => {
    const en = l === 'en-US';
    const v = (x: unknown) =>
      x === null || x === undefined
        ? en
          ? '(none)'
          : '（无）'
        : typeof x === 'number'
          ? `${x}${unit}`
          : typeof x === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(x)
            ? formatBeijingDateTime(x)
            : String(x);
    return changes
      .map((c) => {
        const legal = c.legal !== null ? (en ? ` (legal limit ${c.legal}${unit})` : `（法定限值 ${c.legal}${unit}）`) : '';
        return `${FIELDS[c.field]?.[l] ?? c.field} ${v(c.from)} → ${v(c.to)}${legal}`;
      })
      .join(en ? '; ' : '；');
  });
}

/**
 * The users of the departments that supervise the enterprise (org's supervisorsOf: the 应急管理局 on its
 * region line — the county bureau first — and the covering industry departments, e.g. the 能源局 for coal).
 * @gated-by requestSensorChange
 */
export async function supervisingUsers(ctx: Ctx, enterpriseId: string): Promise<string[]> {
  const s = await supervisorsOf(ctx.tx, enterpriseId);
  const ids: string[] = [];
  for (const d of [...s.government, ...s.industry]) ids.push(...(await userIdsOfUnit(ctx.tx, { departmentId: d.id })));
  return [...new Set(ids)];
}

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
