import type { Loosening } from '../../../common/rules/sensor-limits.js';
import { definePolicy } from '../../kernel/gate/gate.js';
import { isRegulatorScope, isSystemScope } from '../../kernel/scope/scope.js';

/**
 * Who may change a sensor's safety settings (issue 11 item 3; the rule and its 依据 are in
 * common/rules/sensor-limits.ts). The objects are already known to be in the actor's scope.
 *
 * - Registering or changing a sensor (sensor.manage) applies at once only when it loosens nothing
 *   regulated: tightening is the enterprise's own business, loosening is not (409 with the loosenings).
 * - A loosening is asked for with a reason (one pending request per sensor) and decided by a supervising
 *   regulator (alarm.supervise, a government or industry unit whose scope covers the enterprise), never by
 *   the one who asked: the monitored party cannot approve its own request.
 */
export interface SensorSubject {
  enterpriseId: string;
  /** What the attempted change would loosen (empty for a read or a tightening). */
  loosenings: readonly Loosening[];
  hasPendingRequest: boolean;
}

export const SENSOR_ACTIONS = ['create', 'change', 'requestChange'] as const;
export type SensorAction = (typeof SENSOR_ACTIONS)[number];

export const sensorPolicy = definePolicy<SensorSubject, SensorAction>('sensor', SENSOR_ACTIONS, (actor, s, action) => {
  if (!actor.permissions.has('sensor.manage')) return 'FORBIDDEN';
  if (action === 'requestChange') return s.hasPendingRequest ? 'SENSOR_CHANGE_PENDING' : null;
  return s.loosenings.length ? 'SENSOR_CHANGE_NEEDS_APPROVAL' : null;
});

export interface ChangeRequestSubject {
  status: string;
  requestedBy: string;
}

export const CHANGE_REQUEST_ACTIONS = ['approve', 'reject'] as const;
export type ChangeRequestAction = (typeof CHANGE_REQUEST_ACTIONS)[number];

export const sensorChangeRequestPolicy = definePolicy<ChangeRequestSubject, ChangeRequestAction>(
  'sensor_change_request',
  CHANGE_REQUEST_ACTIONS,
  (actor, r) => {
    const regulator = actor.permissions.has('alarm.supervise') && !!actor.departmentId && isRegulatorScope(actor.scope) && !isSystemScope(actor.scope);
    if (!regulator || actor.id === r.requestedBy) return 'FORBIDDEN';
    return r.status === 'pending' ? null : 'INVALID_TRANSITION';
  },
);

/** Ingestion credentials: whoever manages the enterprise's sensors (permission and scope decide; nothing else). */
export const credentialPolicy = definePolicy<{ enterpriseId: string }, 'create' | 'revoke'>('ingest_credential', ['create', 'revoke'], (actor) =>
  actor.permissions.has('sensor.manage') ? null : 'FORBIDDEN',
);
