import type { TSensorRules } from '../../../../common/contracts/monitoring.js';
import type { TSensorChangeRequest } from '../../../../common/contracts/sensors.js';
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
const fmtTime = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

const FIELD_ZH: Record<string, string> = {
  'rules.high': '报警值',
  'rules.highHigh': '高高报值',
  'rules.powerOff': '断电值',
  'rules.powerRestore': '复电值',
  'rules.low': '低报值',
  'rules.lowLow': '低低报值',
  'rules.onDelaySeconds': '报警延时（秒）',
  inService: '停用',
  outOfServiceUntil: '停用至',
};

/** "断电值 1.5 → 1.8（法定上限 1.5）" lines for the notices. */
export function describeChanges(changes: readonly Loosening[], unit: string): string {
  return changes
    .map((c) => {
      const v = (x: unknown) => (x === null || x === undefined ? '（无）' : typeof x === 'number' ? `${x}${unit}` : String(x));
      return `${FIELD_ZH[c.field] ?? c.field} ${v(c.from)} → ${v(c.to)}${c.legal !== null ? `（法定限值 ${c.legal}${unit}）` : ''}`;
    })
    .join('；');
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
    title: `待审批：${s.enterpriseName} ${s.name}（${s.code}）申请放宽/停用`,
    body: `${describeChanges(changes, s.unit)}。理由：${input.reason}。申请人：${ctx.actor.displayName}。审批通过前仍按原设置报警。`,
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
    title: `${approved ? '已批准并生效' : '未批准'}：${s.enterpriseName} ${s.name}（${s.code}）放宽/停用申请`,
    body: `${changes}。申请理由：${r.reason}。${ctx.actor.unitName ?? ''} ${ctx.actor.displayName} ${fmtTime(now)} 审批意见：${comment}`,
    link: link(s.id),
    entityType: 'sensor_change_request',
    entityId: r.id,
  });
  return presentChangeRequest({ ...r.row, request: { ...r.row.request, ...decided } }, ctx.actor);
}
