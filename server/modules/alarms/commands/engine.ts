import type { SensorType, TSensorRules } from '../../../../common/contracts/monitoring.js';
import { at, type Localized, NOTICE_TERMS, notice } from '../../../../common/i18n/notifications.js';
import { type AlarmDisposalConfig, disposalDue } from '../../../../common/rules/alarm-disposal.js';
import { type AlarmEvent, checkStale, evaluate, parseRuleState, type RuleState, resolveStale } from '../../../../common/rules/alarm-rules.js';
import type { Ctx } from '../../../kernel/context.js';
import { systemOnly } from '../../../kernel/gate/gate.js';
import { type AlarmRow, insertAlarm, lockActiveAlarm, lockRuleState, lockRuleStates, saveRuleState, saveRuleStates, updateAlarm } from '../alarm.repository.js';
import { type AlarmStatus, alarmTransition } from '../alarm.workflow.js';
import { loadAlarmDisposal } from '../disposal-settings.js';
import { alarmAudience, alarmLink, announceAlarm, recordAlarmTransition, SYSTEM_NAME } from './effects.js';

/** What the alarm engine needs of a sensor; the monitoring module's registry fills it (it calls us, never the reverse). */
export interface AlarmSensor {
  sensorId: string;
  name: string;
  type: SensorType;
  unit: string;
  location: string;
  enterpriseId: string;
  enterpriseName: string;
  regionPath: string;
  industry: string;
  groupId: string | null;
  rules: TSensorRules;
  inService: boolean;
}

export const TYPE_ZH: Record<string, string> = {
  highHigh: '高高报',
  high: '高报',
  low: '低报',
  lowLow: '低低报',
  powerOff: '断电',
  rateOfChange: '变化率',
  flatLine: '数据不变（疑似卡死）',
  stale: '断线（数据中断）',
};
/** An alarm type or severity by name in both languages (the code itself when the catalogue lacks it). */
export function alarmTypeName(type: string): Localized | string {
  return (NOTICE_TERMS.alarmType as Record<string, Localized>)[type] ?? type;
}
const severityName = (s: string): Localized | string => (NOTICE_TERMS.alarmSeverity as Record<string, Localized>)[s] ?? s;

const fmt = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit}`);

/** Applies the engine's events: one active alarm per sensor and type (a re-raise updates it), clears, notices. */
async function apply(ctx: Ctx, sensor: AlarmSensor, state: RuleState, events: AlarmEvent[]): Promise<{ raised: number; cleared: number }> {
  let raised = 0;
  let cleared = 0;
  const now = ctx.clock.now();
  const touched = new Map<string, AlarmRow>();
  let audience: Awaited<ReturnType<typeof alarmAudience>> | undefined;
  const aud = async () => (audience ??= await alarmAudience(ctx, sensor.enterpriseId));
  let disposal: AlarmDisposalConfig | undefined;
  const limits = async () => (disposal ??= (await loadAlarmDisposal(ctx.tx)).config);
  for (const e of events) {
    const open = await lockActiveAlarm(ctx.tx, sensor.sensorId, e.type);
    if (e.action === 'raise') {
      if (open) {
        // Already active (e.g. the stored state was lost): refresh instead of duplicating.
        await updateAlarm(ctx.tx, open.id, { lastTs: e.at, lastValue: e.value, updatedAt: now });
        continue;
      }
      const due = disposalDue(e.severity, e.at, await limits());
      const row = await insertAlarm(ctx.tx, {
        sensorId: sensor.sensorId,
        sensorName: sensor.name,
        sensorType: sensor.type,
        unit: sensor.unit,
        location: sensor.location,
        enterpriseId: sensor.enterpriseId,
        enterpriseName: sensor.enterpriseName,
        regionPath: sensor.regionPath,
        industry: sensor.industry,
        groupId: sensor.groupId,
        type: e.type,
        severity: e.severity,
        status: 'ACTIVE_UNACK',
        active: true,
        limitValue: e.limit ?? null,
        startValue: e.value,
        peakValue: e.value,
        lastValue: e.value,
        startTs: e.at,
        lastTs: e.at,
        ackDue: due.ackDue,
        feedbackDue: due.feedbackDue,
        createdAt: now,
        updatedAt: now,
      });
      await recordAlarmTransition(ctx, row, {
        action: 'raise',
        from: 'NORMAL',
        to: 'ACTIVE_UNACK',
        comment: `${TYPE_ZH[e.type]}：${fmt(e.value, sensor.unit)}${e.limit !== undefined ? `（限值 ${e.limit}${sensor.unit}）` : ''}`,
        data: { value: e.value, limit: e.limit ?? null },
        system: SYSTEM_NAME,
        at: e.at,
      });
      const a = await aud();
      await ctx.notify.send({
        userIds: a.enterprise,
        kind: 'alarm.raised',
        notice: notice('alarm.raised', {
          severity: severityName(e.severity),
          sensor: sensor.name,
          type: alarmTypeName(e.type),
          location: sensor.location,
          value: fmt(e.value, sensor.unit),
          ackDue: at(due.ackDue),
        }),
        link: alarmLink(row.id),
        entityType: 'alarm',
        entityId: row.id,
      });
      touched.set(row.id, row);
      raised++;
    } else if (open) {
      const to = alarmTransition(open.status as AlarmStatus, 'clear', false) ?? (open.status as AlarmStatus);
      await updateAlarm(ctx.tx, open.id, { active: false, status: to, clearTs: e.at, lastTs: e.at, lastValue: e.value, updatedAt: now });
      await recordAlarmTransition(ctx, open, {
        action: 'clear',
        from: open.status,
        to,
        comment: `恢复正常：${fmt(e.value, sensor.unit)}`,
        data: { value: e.value },
        system: SYSTEM_NAME,
        at: e.at,
      });
      touched.set(open.id, open);
      cleared++;
    }
  }
  // Alarms that stay active follow the readings: last time and value, peak.
  for (const [type, held] of Object.entries(state.active)) {
    if (!held || !state.lastTs) continue;
    const open = await lockActiveAlarm(ctx.tx, sensor.sensorId, type);
    if (!open || open.lastTs.getTime() >= Date.parse(state.lastTs)) continue;
    await updateAlarm(ctx.tx, open.id, { lastTs: new Date(state.lastTs), lastValue: state.lastValue, peakValue: held.peak ?? open.peakValue, updatedAt: now });
  }
  if (touched.size) {
    const a = await aud();
    for (const id of touched.keys()) await announceAlarm(ctx, sensor.enterpriseId, id, a);
  }
  return { raised, cleared };
}

/**
 * Runs a batch of a sensor's readings through its rules inside the ingesting transaction (ctx.tx):
 * loads and row-locks the sensor's rule state, raises and clears alarms (one active per sensor and
 * type; a re-raise updates it), notifies the enterprise's users on a raise and announces 'alarm' live
 * events, and saves the state. A sensor out of service only advances its state's clock (no alarms).
 */
export async function evaluateReadings(ctx: Ctx, sensor: AlarmSensor, readings: { ts: Date; value: number }[]): Promise<{ raised: number; cleared: number }> {
  systemOnly(ctx);
  return evaluateBatch(ctx, [{ sensor, readings }]);
}

/**
 * evaluateReadings for every sensor of one ingest batch: the rule states are created, row-locked and
 * saved with one statement each for the whole batch (three per sensor made ingestion round-trip bound,
 * bench/ingest); only sensors whose readings raise, clear or follow an alarm run statements of their own.
 */
export async function evaluateBatch(
  ctx: Ctx,
  items: { sensor: AlarmSensor; readings: { ts: Date; value: number }[] }[],
): Promise<{ raised: number; cleared: number }> {
  systemOnly(ctx);
  const todo = items
    .filter((i) => i.readings.length)
    .sort((a, b) => (a.sensor.sensorId < b.sensor.sensorId ? -1 : a.sensor.sensorId > b.sensor.sensorId ? 1 : 0));
  if (!todo.length) return { raised: 0, cleared: 0 };
  const now = ctx.clock.now();
  const stored = await lockRuleStates(
    ctx.tx,
    todo.map((i) => i.sensor.sensorId),
    now,
  );
  const save: { sensorId: string; state: RuleState }[] = [];
  const total = { raised: 0, cleared: 0 };
  for (const { sensor, readings } of todo) {
    const before = parseRuleState(stored.get(sensor.sensorId) ?? null);
    if (!sensor.inService) {
      const last = readings.reduce((m, r) => (r.ts.getTime() > m.ts.getTime() ? r : m));
      if (!before.lastTs || last.ts.getTime() > Date.parse(before.lastTs))
        save.push({ sensorId: sensor.sensorId, state: { ...before, lastTs: last.ts.toISOString(), lastValue: last.value } });
      continue;
    }
    const { state, events } = evaluate(before, sensor.rules, readings);
    const r = await apply(ctx, sensor, state, events);
    total.raised += r.raised;
    total.cleared += r.cleared;
    save.push({ sensorId: sensor.sensorId, state });
  }
  await saveRuleStates(ctx.tx, save, now);
  return total;
}

/**
 * The monitoring module's stale sweep: raises a 断线 (stale, blue) alarm when the sensor has sent
 * nothing for its `staleSeconds` (judged from `lastSeen`, or the engine's own last reading when null).
 * Idempotent: at most one active stale alarm. Returns whether one was raised now.
 */
export async function markStale(ctx: Ctx, sensor: AlarmSensor, lastSeen: Date | null): Promise<boolean> {
  systemOnly(ctx);
  if (!sensor.inService) return false;
  const now = ctx.clock.now();
  const before = parseRuleState(await lockRuleState(ctx.tx, sensor.sensorId, now));
  const { state, events } = checkStale(before, sensor.rules, now, lastSeen);
  if (!events.length) return false;
  await apply(ctx, sensor, state, events);
  await saveRuleState(ctx.tx, sensor.sensorId, state, now);
  return true;
}

/** Clears the sensor's stale alarm without a reading (data flows again, e.g. a heartbeat); a reading clears it anyway. */
export async function clearStale(ctx: Ctx, sensor: AlarmSensor, at: Date): Promise<boolean> {
  systemOnly(ctx);
  const now = ctx.clock.now();
  const before = parseRuleState(await lockRuleState(ctx.tx, sensor.sensorId, now));
  const { state, events } = resolveStale(before, at);
  if (!events.length) return false;
  await apply(ctx, sensor, state, events);
  await saveRuleState(ctx.tx, sensor.sensorId, state, now);
  return true;
}
