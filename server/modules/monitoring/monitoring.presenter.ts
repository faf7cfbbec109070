import type { z } from 'zod';
import type { SensorType, TSensorRules } from '../../../common/contracts/monitoring.js';
import type { ZCredential, ZSensor, ZSensorChangeRequestView, ZSensorDetail } from '../../../common/contracts/sensors.js';
import { COAL_CO_SOURCE, COAL_GAS_SOURCE, findCoalLocation } from '../../../common/rules/coal-gas-thresholds.js';
import { effectiveRules, inServiceAt, type Loosening, legalLimitsOf, SENSOR_LIMIT_RULE_SOURCE } from '../../../common/rules/sensor-limits.js';
import type { Actor } from '../../kernel/actor.js';
import { abilitiesOf } from '../../kernel/gate/gate.js';
import type { ChangeRequestRow, CredentialRow, SensorRow } from './monitoring.repository.js';
import { sensorChangeRequestPolicy } from './sensor.policy.js';

/**
 * Where the last value stands against the sensor's limits (a display level, not an alarm: raising,
 * clearing and disposal are the alarms module's): powerOff ≥ 断电值, alarm ≥ 报警值 / ≤ low limits.
 */
export function valueLevel(s: SensorRow): 'none' | 'normal' | 'alarm' | 'powerOff' | 'stale' {
  if (s.status === 'stale') return 'stale';
  if (s.lastValue === null) return 'none';
  const r = effectiveSensorRules(s);
  const v = s.lastValue;
  if (r.powerOff !== undefined && v >= r.powerOff) return 'powerOff';
  if ((r.highHigh !== undefined && v >= r.highHigh) || (r.high !== undefined && v >= r.high)) return 'alarm';
  if ((r.lowLow !== undefined && v <= r.lowLow) || (r.low !== undefined && v <= r.low)) return 'alarm';
  return 'normal';
}

/** The rules the alarm engine evaluates: the stored ones clamped to the legal limits (common/rules/sensor-limits.ts). */
export const effectiveSensorRules = (s: SensorRow): TSensorRules => effectiveRules(s.rules as TSensorRules, legalLimitsOf(s));

/**
 * The sensor row: a whitelist of fields. `rules` as stored, `effectiveRules` as evaluated, the legal limits
 * with their 依据, and `inService` as evaluated at `now` (an approved out-of-service window ends by itself).
 */
export function presentSensor(s: SensorRow, now: Date): z.input<typeof ZSensor> {
  return {
    id: s.id,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseName,
    industry: s.industry,
    installationId: s.installationId,
    installationName: s.installationName,
    code: s.code,
    name: s.name,
    type: s.type as SensorType,
    unit: s.unit,
    rangeLow: s.rangeLow,
    rangeHigh: s.rangeHigh,
    location: s.location,
    coalLocationKey: s.coalLocationKey,
    lng: s.lng,
    lat: s.lat,
    rules: s.rules as TSensorRules,
    effectiveRules: effectiveSensorRules(s),
    legalLimits: legalLimitsOf(s),
    inService: inServiceAt(s, now),
    outOfServiceUntil: s.outOfServiceUntil && s.outOfServiceUntil > now ? s.outOfServiceUntil.toISOString() : null,
    lastValue: s.lastValue,
    lastTs: s.lastTs?.toISOString() ?? null,
    status: s.status as z.input<typeof ZSensor>['status'],
    staleSince: s.staleSince?.toISOString() ?? null,
    level: valueLevel(s),
  };
}

/** The 依据 of a sensor's default limits (coal CH4 by location, coal CO). */
export function rulesBasis(s: Pick<SensorRow, 'type' | 'coalLocationKey' | 'industry'>): z.input<typeof ZSensorDetail>['basis'] {
  if (s.type === 'ch4') {
    const row = findCoalLocation(s.coalLocationKey);
    return row ? { source: COAL_GAS_SOURCE, location: row } : null;
  }
  if (s.type === 'co' && s.industry === 'coal') return { source: COAL_CO_SOURCE, location: null };
  return null;
}

export function presentCredential(c: CredentialRow): z.input<typeof ZCredential> {
  return {
    id: c.id,
    enterpriseId: c.enterpriseId,
    keyId: c.keyId,
    label: c.label,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
  };
}

/** A loosening request as the supervising department and the enterprise see it, with what the actor may do. */
export function presentChangeRequest(
  r: { request: ChangeRequestRow; enterpriseId: string; enterpriseName: string; sensorCode: string; sensorName: string; sensorUnit: string; location: string },
  actor: Actor,
): z.input<typeof ZSensorChangeRequestView> {
  const q = r.request;
  return {
    id: q.id,
    sensorId: q.sensorId,
    sensorCode: r.sensorCode,
    sensorName: r.sensorName,
    unit: r.sensorUnit,
    location: r.location,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    fromRules: q.fromRules as TSensorRules,
    toRules: q.toRules as TSensorRules,
    outOfServiceUntil: q.outOfServiceUntil?.toISOString() ?? null,
    changes: q.changes as Loosening[],
    reason: q.reason,
    status: q.status as z.input<typeof ZSensorChangeRequestView>['status'],
    requestedByName: q.requestedByName,
    requestedByUnit: q.requestedByUnit,
    requestedAt: q.requestedAt.toISOString(),
    decidedByName: q.decidedByName,
    decidedByUnit: q.decidedByUnit,
    decidedAt: q.decidedAt?.toISOString() ?? null,
    decisionComment: q.decisionComment,
    appliedAt: q.appliedAt?.toISOString() ?? null,
    basis: SENSOR_LIMIT_RULE_SOURCE,
    abilities: abilitiesOf(sensorChangeRequestPolicy, actor, q),
  };
}
