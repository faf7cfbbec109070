import { describe, expect, it } from 'vitest';
import { ZSensorRules } from '../contracts/monitoring.js';
import { COAL_GAS_TABLE, defaultRulesFor, findCoalLocation } from './coal-gas-thresholds.js';

describe('coal gas thresholds (煤矿安全规程 §498 table)', () => {
  it('has unique keys and a restore value at or below the power-off value', () => {
    expect(new Set(COAL_GAS_TABLE.map((r) => r.key)).size).toBe(COAL_GAS_TABLE.length);
    for (const r of COAL_GAS_TABLE) {
      if (r.powerOff !== null) expect(r.restore).not.toBeNull();
      if (r.powerOff !== null && r.restore !== null) expect(r.restore).toBeLessThanOrEqual(r.powerOff);
      expect(r.alarm).toBeLessThanOrEqual(r.powerOff ?? r.alarm);
    }
  });

  it('maps T0 and T1 to alarm 1.0, power-off 1.5, restore below 1.0', () => {
    expect(defaultRulesFor('ch4', 'faceUpperCorner')).toMatchObject({ high: 1.0, highClear: 1.0, powerOff: 1.5, powerRestore: 1.0 });
    expect(defaultRulesFor('ch4', 'face')).toMatchObject({ high: 1.0, powerOff: 1.5, powerRestore: 1.0 });
  });

  it('maps T2 to 1.0/1.0/1.0 and the intake T3 to 0.5', () => {
    expect(defaultRulesFor('ch4', 'faceReturn')).toMatchObject({ high: 1.0, powerOff: 1.0, powerRestore: 1.0 });
    expect(defaultRulesFor('ch4', 'faceIntake')).toMatchObject({ high: 0.5, powerOff: 0.5, powerRestore: 0.5 });
  });

  it('main return is alarm only at 0.75 %', () => {
    const r = defaultRulesFor('ch4', 'mainReturn');
    expect(r.high).toBe(0.75);
    expect(r.powerOff).toBeUndefined();
  });

  it('CO defaults to 24 ppm; unknown locations and other types get only the stale check', () => {
    expect(defaultRulesFor('co')).toMatchObject({ high: 24 });
    expect(defaultRulesFor('ch4', 'nowhere')).toEqual({ staleSeconds: 120 });
    expect(defaultRulesFor('level')).toEqual({ staleSeconds: 120 });
  });

  it('every default passes the shared rules contract', () => {
    for (const r of COAL_GAS_TABLE) expect(ZSensorRules.safeParse(defaultRulesFor('ch4', r.key)).success).toBe(true);
    expect(findCoalLocation('shearer')?.verified).toBe(true);
  });
});
