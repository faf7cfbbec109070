import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import type { Loosening } from '../../../common/rules/sensor-limits.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import type { Scope } from '../../kernel/scope/scope.js';
import {
  type ChangeRequestSubject,
  credentialPolicy,
  type SensorAction,
  type SensorSubject,
  sensorChangeRequestPolicy,
  sensorPolicy,
} from './sensor.policy.js';

const ENT = '11111111-1111-1111-1111-111111111111';
const actor = (id: string, perms: Permission[], scope: Scope, departmentId: string | null = null): Actor => ({
  ...systemActor('t'),
  id,
  permissions: new Set(perms),
  scope,
  departmentId,
  enterpriseId: scope.kind === 'enterprise' ? scope.enterpriseId : null,
});
const manager = actor('manager', ['sensor.read', 'sensor.manage'], { kind: 'enterprise', enterpriseId: ENT });
const viewer = actor('viewer', ['sensor.read'], { kind: 'enterprise', enterpriseId: ENT });
const countyBureau = actor('county', ['sensor.read', 'alarm.supervise'], { kind: 'government', regionPath: '/1405/140525/' }, 'county-bureau');
const energy = actor(
  'energy',
  ['sensor.read', 'alarm.supervise'],
  { kind: 'industry', regionPath: '/1405/', departmentId: 'energy', industries: ['coal'] },
  'energy',
);
const noSupervise = actor('reader', ['sensor.read'], { kind: 'government', regionPath: '/1405/' }, 'city-bureau');
const unitless = actor('admin', ['sensor.read', 'alarm.supervise'], { kind: 'government', regionPath: '/1405/' });
const system = { ...systemActor('job'), permissions: new Set<Permission>(['alarm.supervise']), departmentId: 'x' };

const loosening: Loosening = { field: 'rules.powerOff', from: 1.5, to: 1.8, legal: 1.5, source: '煤矿安全规程' };
const tighten: SensorSubject = { enterpriseId: ENT, loosenings: [], hasPendingRequest: false };
const loosen: SensorSubject = { enterpriseId: ENT, loosenings: [loosening], hasPendingRequest: false };
const pending: SensorSubject = { ...loosen, hasPendingRequest: true };

type Verdict = ReturnType<typeof sensorPolicy.check>;

describe('sensor policy: tightening applies, loosening needs approval', () => {
  const rows: [string, Actor, SensorSubject, SensorAction, Verdict][] = [
    ['registering a sensor', manager, tighten, 'create', null],
    ['a change that loosens nothing applies at once', manager, tighten, 'change', null],
    ['a loosening is refused with the loosenings', manager, loosen, 'change', 'SENSOR_CHANGE_NEEDS_APPROVAL'],
    ['registering with a limit looser than the default too', manager, loosen, 'create', 'SENSOR_CHANGE_NEEDS_APPROVAL'],
    ['a loosening is asked for', manager, loosen, 'requestChange', null],
    ['one pending request per sensor', manager, pending, 'requestChange', 'SENSOR_CHANGE_PENDING'],
    ['without sensor.manage nothing', viewer, tighten, 'change', 'FORBIDDEN'],
    ['without sensor.manage no request', viewer, loosen, 'requestChange', 'FORBIDDEN'],
    ['a regulator does not change the enterprise’s sensor', countyBureau, tighten, 'change', 'FORBIDDEN'],
  ];
  for (const [name, a, s, action, want] of rows) it(name, () => expect(sensorPolicy.check(a, s, action)).toBe(want));
});

describe('change request policy: a supervising regulator decides, never the one who asked', () => {
  const open: ChangeRequestSubject = { status: 'pending', requestedBy: 'manager' };
  const rows: [string, Actor, ChangeRequestSubject, 'approve' | 'reject', Verdict][] = [
    ['the county bureau approves', countyBureau, open, 'approve', null],
    ['the county bureau rejects', countyBureau, open, 'reject', null],
    ['the industry department approves', energy, open, 'approve', null],
    ['the enterprise cannot approve its own request', manager, open, 'approve', 'FORBIDDEN'],
    ['a regulator who asked does not decide it', countyBureau, { ...open, requestedBy: 'county' }, 'approve', 'FORBIDDEN'],
    ['without alarm.supervise nothing', noSupervise, open, 'approve', 'FORBIDDEN'],
    ['a regulator without a unit does not decide', unitless, open, 'approve', 'FORBIDDEN'],
    ['the system does not decide', system, open, 'approve', 'FORBIDDEN'],
    ['a decided request is not decided again', countyBureau, { ...open, status: 'approved' }, 'reject', 'INVALID_TRANSITION'],
    ['nor a rejected one', countyBureau, { ...open, status: 'rejected' }, 'approve', 'INVALID_TRANSITION'],
  ];
  for (const [name, a, r, action, want] of rows) it(name, () => expect(sensorChangeRequestPolicy.check(a, r, action)).toBe(want));
});

describe('credential policy: whoever manages the enterprise’s sensors', () => {
  const rows: [string, Actor, 'create' | 'revoke', Verdict][] = [
    ['the manager creates', manager, 'create', null],
    ['the manager revokes', manager, 'revoke', null],
    ['a viewer does not', viewer, 'create', 'FORBIDDEN'],
    ['a regulator does not', countyBureau, 'revoke', 'FORBIDDEN'],
  ];
  for (const [name, a, action, want] of rows) it(name, () => expect(credentialPolicy.check(a, { enterpriseId: ENT }, action)).toBe(want));
});
