import { randomInt } from 'node:crypto';
import type { TSensorRules } from '../../../common/contracts/monitoring.js';
import type { SENSOR_CHANGE_STATUSES } from '../../../common/contracts/sensors.js';
import { loosenings } from '../../../common/rules/sensor-limits.js';
import type { Executor } from '../../db/client.js';
import { reading, sensor, sensorChangeRequest } from '../../modules/monitoring/monitoring.schema.js';
import type { enterprise } from '../../modules/org/org.schema.js';

/**
 * Monitoring rows in any state in one call, inserted directly and consistent with the schema: a sensor online with
 * its last value (and that reading stored), stale since a time, never reporting, or out of service until a time;
 * a change request pending, approved or rejected with the loosenings its rules imply. Override any column with `over`.
 */

type Enterprise = Pick<typeof enterprise.$inferSelect, 'id' | 'name' | 'regionPath' | 'industry' | 'groupId'>;
export type SensorState = 'unknown' | 'online' | 'stale' | 'outOfService';

/**
 * A methane point at a working face's upper corner (煤矿安全规程 faceUpperCorner: 报警 1.0, 断电 1.5, 复电 1.0 %CH4), set
 * tighter by the enterprise (报警 0.8, 断电 1.2), with a 2-minute stale check.
 */
export const CH4_RULES: TSensorRules = { high: 0.8, highClear: 0.7, powerOff: 1.2, powerRestore: 0.8, staleSeconds: 120 };

export async function makeSensor(
  ex: Executor,
  e: Enterprise,
  o: { state?: SensorState; value?: number; at?: Date; rules?: TSensorRules; over?: Partial<typeof sensor.$inferInsert> } = {},
) {
  const at = o.at ?? new Date();
  const state = o.state ?? 'online';
  const value = o.value ?? 0.3;
  const reported = state === 'online' || state === 'stale';
  const [row] = await ex
    .insert(sensor)
    .values({
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionPath: e.regionPath,
      industry: e.industry,
      groupId: e.groupId,
      code: `T${randomInt(1e6)}`,
      name: `测试甲烷传感器${randomInt(1e4)}`,
      type: 'ch4',
      unit: '%CH4',
      rangeLow: 0,
      rangeHigh: 4,
      location: '15101工作面上隅角',
      coalLocationKey: 'faceUpperCorner',
      rules: o.rules ?? CH4_RULES,
      inService: state !== 'outOfService',
      outOfServiceUntil: state === 'outOfService' ? new Date(at.getTime() + 86_400_000) : null,
      lastValue: reported ? value : null,
      lastTs: reported ? new Date(at.getTime() - (state === 'stale' ? 600_000 : 30_000)) : null,
      status: state === 'outOfService' ? 'unknown' : state,
      staleSince: state === 'stale' ? new Date(at.getTime() - 480_000) : null,
      createdAt: new Date(at.getTime() - 7 * 86_400_000),
      updatedAt: at,
      ...o.over,
    })
    .returning();
  const s = row as typeof sensor.$inferSelect;
  if (s.lastTs && s.lastValue !== null) await ex.insert(reading).values({ sensorId: s.id, ts: s.lastTs, value: s.lastValue, receivedAt: s.lastTs });
  return s;
}

/** A 放宽/停用 request: `toRules` (default: the enterprise's 断电值 1.2 back to the legal 1.5) with the loosenings they imply. */
export async function makeChangeRequest(
  ex: Executor,
  s: typeof sensor.$inferSelect,
  requester: { id: string; displayName: string; unitName?: string | null },
  o: {
    status?: (typeof SENSOR_CHANGE_STATUSES)[number];
    toRules?: TSensorRules;
    decider?: { id: string; displayName: string; unitName?: string | null };
    at?: Date;
    over?: Partial<typeof sensorChangeRequest.$inferInsert>;
  } = {},
) {
  const at = o.at ?? new Date();
  const status = o.status ?? 'pending';
  const fromRules = s.rules as TSensorRules;
  const toRules = o.toRules ?? { ...fromRules, powerOff: 1.5 };
  const facts = { type: s.type, unit: s.unit, coalLocationKey: s.coalLocationKey, industry: s.industry };
  const changes = loosenings({ ...facts, rules: fromRules, inService: true }, { ...facts, rules: toRules, inService: true });
  const decided = status !== 'pending';
  const decider = o.decider;
  const [row] = await ex
    .insert(sensorChangeRequest)
    .values({
      sensorId: s.id,
      fromRules,
      toRules,
      changes,
      reason: '检修期间传感器受粉尘影响，申请临时放宽断电值',
      status,
      requestedBy: requester.id,
      requestedByName: requester.displayName,
      requestedByUnit: requester.unitName ?? null,
      requestedAt: new Date(at.getTime() - 3_600_000),
      decidedBy: decided ? (decider?.id ?? null) : null,
      decidedByName: decided ? (decider?.displayName ?? '监管部门') : null,
      decidedByUnit: decided ? (decider?.unitName ?? null) : null,
      decidedAt: decided ? at : null,
      decisionComment: decided ? (status === 'approved' ? '同意，检修结束后恢复' : '不同意，断电值不得放宽') : null,
      appliedAt: status === 'approved' ? at : null,
      ...o.over,
    })
    .returning();
  return row as typeof sensorChangeRequest.$inferSelect;
}
