import type { SensorType } from '../../../common/contracts/monitoring.js';
import { inServiceAt } from '../../../common/rules/sensor-limits.js';
import type { Executor } from '../../db/client.js';
import type { Ctx } from '../../kernel/context.js';
import type { Scope } from '../../kernel/scope/scope.js';
import * as alarms from '../alarms/index.js';
import { effectiveSensorRules } from './monitoring.presenter.js';
import type { SensorRow } from './monitoring.repository.js';

/**
 * The calls into the alarms module (the rule engine and the alarm lifecycle): monitoring calls
 * alarms, never the other way round. Evaluation runs in the caller's transaction, so an alarm exists
 * only if the readings that raised it were committed.
 *
 * The engine gets the EFFECTIVE setting at `now`: the stored rules clamped to the legal limits (a limit
 * raised past the law in the database still alarms at the law's value) and out of service only inside an
 * approved window (common/rules/sensor-limits.ts).
 */
export function toAlarmSensor(s: SensorRow, now: Date): alarms.AlarmSensor {
  return {
    sensorId: s.id,
    name: s.name,
    type: s.type as SensorType,
    unit: s.unit,
    location: s.location,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseName,
    regionPath: s.regionPath,
    industry: s.industry,
    groupId: s.groupId,
    rules: effectiveSensorRules(s),
    inService: inServiceAt(s, now),
  };
}

/** The new readings of each sensor of an ingest batch through its rules, all sensors at once (their rule states in a few statements, not a few per sensor). */
export async function evaluateBatch(ctx: Ctx, items: { sensor: SensorRow; readings: { ts: Date; value: number }[] }[]): Promise<void> {
  await alarms.evaluateBatch(
    ctx,
    items.map((i) => ({ sensor: toAlarmSensor(i.sensor, ctx.clock.now()), readings: i.readings })),
  );
}

export async function markStale(ctx: Ctx, s: SensorRow, lastSeen: Date | null): Promise<void> {
  await alarms.markStale(ctx, toAlarmSensor(s, ctx.clock.now()), lastSeen);
}

export async function clearStale(ctx: Ctx, s: SensorRow, at: Date): Promise<void> {
  await alarms.clearStale(ctx, toAlarmSensor(s, ctx.clock.now()), at);
}

/** The demo's alarms, raised by replaying the seeded readings of the demo sensors through the rule engine. */
export function seedDemoAlarms(
  tx: Executor,
  now: Date,
  histories: { row: SensorRow; code: string; readings: { ts: Date; value: number }[]; staleAt: Date | null }[],
) {
  return alarms.seedAlarmDemo(
    tx,
    now,
    histories.map((h) => ({ sensor: toAlarmSensor(h.row, now), code: h.code, readings: h.readings, staleAt: h.staleAt })),
  );
}

export type AlarmStatsRow = alarms.EnterpriseAlarmStats;

/** Alarm counts per enterprise raised in the period (classification, overdue disposal as of `now`). */
export function alarmStats(ex: Executor, scope: Scope, period: { from: Date; to: Date; now?: Date }): Promise<AlarmStatsRow[]> {
  return alarms.alarmStats(ex, scope, period);
}
