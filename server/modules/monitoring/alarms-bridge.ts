import type { TSensorRules } from '../../../common/contracts/monitoring.js';
import type { Executor } from '../../db/client.js';
import type { Ctx } from '../../kernel/context.js';
import type { Scope } from '../../kernel/scope/scope.js';
import type { SensorRow } from './monitoring.repository.js';

/**
 * The calls into the alarms module (server/modules/alarms/index.ts: the rule engine and the alarm
 * lifecycle). Monitoring calls alarms, never the other way round. Loaded once per process; while
 * that module is absent (a partial build) ingestion still stores readings and evaluation is skipped.
 */
export interface AlarmSensor {
  sensorId: string;
  name: string;
  type: string;
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

export interface AlarmStatsRow {
  enterpriseId: string;
  total: number;
  real: number;
  false: number;
  plannedWork: number;
  equipmentFault: number;
  unclassified: number;
  overdueDisposal: number;
}

interface AlarmsApi {
  evaluateReadings(ctx: Ctx, sensor: AlarmSensor, readings: { ts: Date; value: number }[]): Promise<unknown>;
  markStale(ctx: Ctx, sensor: AlarmSensor, lastSeen: Date | null): Promise<unknown>;
  clearStale(ctx: Ctx, sensor: AlarmSensor, at: Date): Promise<unknown>;
  alarmStats(ex: Executor, scope: Scope, period: { from: Date; to: Date }): Promise<unknown>;
}

let api: Promise<AlarmsApi | null> | undefined;
function alarms(): Promise<AlarmsApi | null> {
  const spec = '../alarms/index.js';
  api ??= import(spec).then(
    (m) => (typeof (m as Partial<AlarmsApi>).evaluateReadings === 'function' ? (m as AlarmsApi) : null),
    () => null,
  );
  return api;
}

export function toAlarmSensor(s: SensorRow): AlarmSensor {
  return {
    sensorId: s.id,
    name: s.name,
    type: s.type,
    unit: s.unit,
    location: s.location,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseName,
    regionPath: s.regionPath,
    industry: s.industry,
    groupId: s.groupId,
    rules: s.rules as TSensorRules,
    inService: s.inService,
  };
}

export async function evaluateReadings(ctx: Ctx, s: SensorRow, readings: { ts: Date; value: number }[]): Promise<void> {
  const a = await alarms();
  if (a && readings.length) await a.evaluateReadings(ctx, toAlarmSensor(s), readings);
}

export async function markStale(ctx: Ctx, s: SensorRow, lastSeen: Date | null): Promise<void> {
  const a = await alarms();
  if (a) await a.markStale(ctx, toAlarmSensor(s), lastSeen);
}

export async function clearStale(ctx: Ctx, s: SensorRow, at: Date): Promise<void> {
  const a = await alarms();
  if (a) await a.clearStale(ctx, toAlarmSensor(s), at);
}

/** Alarm counts per enterprise for the period; empty while the alarms module is absent. */
export async function alarmStats(ex: Executor, scope: Scope, period: { from: Date; to: Date }): Promise<AlarmStatsRow[]> {
  const a = await alarms();
  if (!a) return [];
  const r = (await a.alarmStats(ex, scope, period)) as AlarmStatsRow[] | { items: AlarmStatsRow[] } | Record<string, Omit<AlarmStatsRow, 'enterpriseId'>>;
  if (Array.isArray(r)) return r;
  if (r && Array.isArray((r as { items?: unknown }).items)) return (r as { items: AlarmStatsRow[] }).items;
  return Object.entries(r ?? {}).map(([enterpriseId, v]) => ({ ...(v as Omit<AlarmStatsRow, 'enterpriseId'>), enterpriseId }));
}
