import type { TAlarmFeedback, TAlarmShelve, TAlarmStep, TAlarmToHazard, TAlarmToTask } from '../../../../common/contracts/alarms.js';
import { formatBeijingDateTime } from '../../../../common/format/beijing.js';
import { at, notice } from '../../../../common/i18n/notifications.js';
import { type AlarmDisposalConfig, disposalDue } from '../../../../common/rules/alarm-disposal.js';
import type { AlarmSeverity } from '../../../../common/rules/alarm-rules.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { reportHazard } from '../../hazards/index.js';
import { issueTask } from '../../tasks/index.js';
import { alarmPolicy } from '../alarm.policy.js';
import { type AlarmRow, lockAlarm, updateAlarm } from '../alarm.repository.js';
import { type AlarmStatus, type AlarmUserAction, alarmTransition } from '../alarm.workflow.js';
import { loadAlarmDisposal } from '../disposal-settings.js';
import { alarmAudience, alarmLink, announceAlarm, recordAlarmTransition } from './effects.js';
import { alarmTypeName, TYPE_ZH } from './engine.js';

/** The acknowledgement due time of an alarm annunciated again now (after shelving or out of service), by the limits in force. */
export const reackDue = (a: Pick<AlarmRow, 'severity'>, now: Date, cfg: AlarmDisposalConfig) => disposalDue(a.severity as AlarmSeverity, now, cfg).ackDue;

/** Loads the alarm for a write through the gate (scope → 404, the policy → 403/409), then the transition table (409). */
async function begin(ctx: Ctx, id: string, action: AlarmUserAction): Promise<{ a: AlarmRow; to: AlarmStatus }> {
  const a = await loadFor(ctx, alarmPolicy, action, (ex, scope) => lockAlarm(ex, scope, id));
  const to = alarmTransition(a.status as AlarmStatus, action, a.active);
  if (!to) throw new AppError('INVALID_TRANSITION', { from: `alarm.${a.status}`, action: `alarm.${action}` });
  return { a, to };
}

async function finish(
  ctx: Ctx,
  a: AlarmRow,
  action: AlarmUserAction,
  to: AlarmStatus,
  changes: Partial<AlarmRow>,
  step: { comment: string; evidence?: string[]; data?: unknown },
) {
  const now = ctx.clock.now();
  await updateAlarm(ctx.tx, a.id, { ...changes, status: to, updatedAt: now });
  await recordAlarmTransition(ctx, a, { action, from: a.status, to, ...step });
  await announceAlarm(ctx, a.enterpriseId, a.id);
  await ctx.audit.record({ action: `alarm.${action}`, entityType: 'alarm', entityId: a.id, before: { status: a.status }, after: { status: to, ...changes } });
}

/** 确认: the enterprise has seen the alarm. */
export async function ackAlarm(ctx: Ctx, id: string, input: TAlarmStep) {
  const { a, to } = await begin(ctx, id, 'ack');
  await finish(ctx, a, 'ack', to, { ackTs: ctx.clock.now(), ackBy: ctx.actor.displayName }, { comment: input.comment });
}

/** 分析研判 / 核查反馈: classifies the alarm (real, false, planned work, equipment fault); acknowledges it too. May be revised until closed. */
export async function feedbackAlarm(ctx: Ctx, id: string, input: TAlarmFeedback) {
  const { a, to } = await begin(ctx, id, 'feedback');
  const now = ctx.clock.now();
  await finish(
    ctx,
    a,
    'feedback',
    to,
    {
      classification: input.classification,
      analysis: input.analysis,
      feedback: input.feedback ?? null,
      evidence: input.evidence,
      feedbackBy: ctx.actor.id,
      feedbackByName: ctx.actor.displayName,
      feedbackAt: now,
      ...(a.ackTs ? {} : { ackTs: now, ackBy: ctx.actor.displayName }),
    },
    {
      comment: input.analysis,
      evidence: input.evidence,
      data: { classification: input.classification, feedback: input.feedback ?? null, previous: a.classification },
    },
  );
}

/** 搁置: a regulator suppresses a standing alarm for a limited time, with the reason. */
export async function shelveAlarm(ctx: Ctx, id: string, input: TAlarmShelve) {
  const { a, to } = await begin(ctx, id, 'shelve');
  const { maxShelveHours } = (await loadAlarmDisposal(ctx.tx)).config;
  if (input.hours > maxShelveHours) throw invalidField('hours', 'too_big', { maximum: maxShelveHours });
  const until = new Date(ctx.clock.now().getTime() + input.hours * 3_600_000);
  await finish(
    ctx,
    a,
    'shelve',
    to,
    { shelvedUntil: until, shelveReason: input.reason },
    { comment: input.reason, data: { until: until.toISOString(), hours: input.hours } },
  );
  const audience = await alarmAudience(ctx, a.enterpriseId);
  await ctx.notify.send({
    userIds: [...new Set([...audience.enterprise, ...audience.regulators])],
    kind: 'alarm.shelved',
    notice: notice('alarm.shelved', { until: at(until), sensor: a.sensorName, type: alarmTypeName(a.type), reason: input.reason }),
    link: alarmLink(a.id),
    entityType: 'alarm',
    entityId: a.id,
  });
}

/** The other status steps: unshelve, outOfService, returnToService, close. */
export async function alarmStep(ctx: Ctx, id: string, action: 'unshelve' | 'outOfService' | 'returnToService' | 'close', input: TAlarmStep) {
  const { a, to } = await begin(ctx, id, action);
  const changes: Partial<AlarmRow> = {};
  if (action === 'unshelve') Object.assign(changes, { shelvedUntil: null });
  // Re-annunciated: it must be acknowledged again, within a fresh time limit.
  if (to === 'ACTIVE_UNACK')
    Object.assign(changes, { ackTs: null, ackBy: null, ackDue: reackDue(a, ctx.clock.now(), (await loadAlarmDisposal(ctx.tx)).config) });
  if (to === 'CLOSED') Object.assign(changes, { closedAt: ctx.clock.now() });
  await finish(ctx, a, action, to, changes, { comment: input.comment });
}

/** 转隐患: a real alarm becomes a hazard (source 'alarm', sourceRef = the alarm's id), linked both ways. */
export async function alarmToHazard(ctx: Ctx, id: string, input: TAlarmToHazard): Promise<{ hazardId: string }> {
  const { a, to } = await begin(ctx, id, 'toHazard');
  const when = formatBeijingDateTime(a.startTs);
  const { hazard } = await reportHazard(ctx, {
    enterpriseId: a.enterpriseId,
    title: input.title ?? `${a.sensorName}${TYPE_ZH[a.type]}报警`.slice(0, 120),
    description:
      input.description ??
      [
        `${when} ${a.location} ${a.sensorName} ${TYPE_ZH[a.type]}报警，峰值 ${a.peakValue ?? '—'}${a.unit}${a.limitValue !== null ? `（限值 ${a.limitValue}${a.unit}）` : ''}。`,
        a.analysis ? `分析研判：${a.analysis}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    location: a.location.slice(0, 200) || a.sensorName,
    source: 'alarm',
    sourceRef: a.id,
    category: 'site',
    foundAt: a.startTs.toISOString(),
    photos: [],
  });
  await finish(
    ctx,
    a,
    'toHazard',
    to,
    { hazardId: hazard.id },
    { comment: input.comment || `转为隐患 ${hazard.code}`, data: { hazardId: hazard.id, code: hazard.code } },
  );
  return { hazardId: hazard.id };
}

/** 转督办: a supervising department issues a 13710 task on the alarm to the enterprise, linked both ways. */
export async function alarmToTask(ctx: Ctx, id: string, input: TAlarmToTask): Promise<{ taskId: string }> {
  const { a, to } = await begin(ctx, id, 'toTask');
  const when = formatBeijingDateTime(a.startTs);
  const task = await issueTask(ctx, {
    title: input.title ?? `督办：${a.enterpriseName}${a.sensorName}${TYPE_ZH[a.type]}报警处置`.slice(0, 120),
    content:
      input.content ??
      `${when}，${a.enterpriseName} ${a.location} ${a.sensorName} 发生${TYPE_ZH[a.type]}报警（峰值 ${a.peakValue ?? '—'}${a.unit}）。请查明原因、落实处置措施并反馈处置结果（报警 ${alarmLink(a.id)}）。`,
    source: 'alarm',
    sourceRef: `alarm:${a.id}`,
    complexity: input.complexity,
    dayKind: 'calendar',
    lead: { enterpriseId: a.enterpriseId },
    cooperating: [],
    attachments: [],
  });
  await finish(ctx, a, 'toTask', to, { taskId: task.id }, { comment: input.comment || '转为督办事项', data: { taskId: task.id } });
  return { taskId: task.id };
}
