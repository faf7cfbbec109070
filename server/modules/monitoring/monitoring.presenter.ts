import type { TSensorRules } from '../../../common/contracts/monitoring.js';
import { COAL_CO_SOURCE, COAL_GAS_SOURCE, findCoalLocation } from '../../../common/rules/coal-gas-thresholds.js';
import type { CredentialRow, SensorRow } from './monitoring.repository.js';

/**
 * Where the last value stands against the sensor's limits (a display level, not an alarm: raising,
 * clearing and disposal are the alarms module's): powerOff ≥ 断电值, alarm ≥ 报警值 / ≤ low limits.
 */
export function valueLevel(s: Pick<SensorRow, 'lastValue' | 'rules' | 'status'>): 'none' | 'normal' | 'alarm' | 'powerOff' | 'stale' {
  if (s.status === 'stale') return 'stale';
  if (s.lastValue === null) return 'none';
  const r = s.rules as TSensorRules;
  const v = s.lastValue;
  if (r.powerOff !== undefined && v >= r.powerOff) return 'powerOff';
  if ((r.highHigh !== undefined && v >= r.highHigh) || (r.high !== undefined && v >= r.high)) return 'alarm';
  if ((r.lowLow !== undefined && v <= r.lowLow) || (r.low !== undefined && v <= r.low)) return 'alarm';
  return 'normal';
}

/** The sensor row: a whitelist of fields. */
export function presentSensor(s: SensorRow) {
  return {
    id: s.id,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseName,
    installationId: s.installationId,
    installationName: s.installationName,
    code: s.code,
    name: s.name,
    type: s.type,
    unit: s.unit,
    rangeLow: s.rangeLow,
    rangeHigh: s.rangeHigh,
    location: s.location,
    coalLocationKey: s.coalLocationKey,
    lng: s.lng,
    lat: s.lat,
    rules: s.rules as TSensorRules,
    inService: s.inService,
    lastValue: s.lastValue,
    lastTs: s.lastTs?.toISOString() ?? null,
    status: s.status,
    staleSince: s.staleSince?.toISOString() ?? null,
    level: valueLevel(s),
  };
}

/** The 依据 of a sensor's default limits (coal CH4 by location, coal CO). */
export function rulesBasis(s: Pick<SensorRow, 'type' | 'coalLocationKey' | 'industry'>) {
  if (s.type === 'ch4') {
    const row = findCoalLocation(s.coalLocationKey);
    return row ? { source: COAL_GAS_SOURCE, location: row } : null;
  }
  if (s.type === 'co' && s.industry === 'coal') return { source: COAL_CO_SOURCE, location: null };
  return null;
}

export function presentCredential(c: CredentialRow) {
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
