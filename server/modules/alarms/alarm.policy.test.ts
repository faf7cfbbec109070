import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import { type AlarmFacts, alarmAbilities, refusal } from './alarm.policy.js';
import type { AlarmUserAction } from './alarm.workflow.js';

const ENT = '11111111-1111-1111-1111-111111111111';
const actor = (perms: Permission[], unit: { enterpriseId?: string; departmentId?: string }): Actor => ({
  ...systemActor('t'),
  permissions: new Set(perms),
  enterpriseId: unit.enterpriseId ?? null,
  departmentId: unit.departmentId ?? null,
});
const manager = actor(['alarm.read', 'alarm.handle', 'hazard.report'], { enterpriseId: ENT });
const otherManager = actor(['alarm.read', 'alarm.handle', 'hazard.report'], { enterpriseId: '22222222-2222-2222-2222-222222222222' });
const regulator = actor(['alarm.read', 'alarm.supervise', 'hazard.report', 'task.issue'], { departmentId: 'd' });
const group = actor(['alarm.read'], {});
const base: AlarmFacts = { enterpriseId: ENT, status: 'ACTIVE_UNACK', active: true, classification: null, hazardId: null, taskId: null };

describe('alarm policy by side', () => {
  const cases: [string, Actor, AlarmFacts, AlarmUserAction, ReturnType<typeof refusal>][] = [
    ['the enterprise acknowledges', manager, base, 'ack', null],
    ['another enterprise may not', otherManager, base, 'ack', 'FORBIDDEN'],
    ['a regulator does not acknowledge for the enterprise', regulator, base, 'ack', 'FORBIDDEN'],
    ['the enterprise files feedback', manager, base, 'feedback', null],
    ['the enterprise cannot shelve its own alarm', manager, base, 'shelve', 'FORBIDDEN'],
    ['a regulator shelves', regulator, base, 'shelve', null],
    ['a regulator takes out of service', regulator, base, 'outOfService', null],
    ['closing needs the feedback', manager, { ...base, status: 'CLEARED' }, 'close', 'ALARM_FEEDBACK_REQUIRED'],
    ['closing with feedback', regulator, { ...base, status: 'CLEARED', classification: 'real' }, 'close', null],
    ['a read-only group user closes nothing', group, { ...base, status: 'CLEARED', classification: 'real' }, 'close', 'FORBIDDEN'],
    ['a false alarm is no hazard', manager, { ...base, classification: 'false' }, 'toHazard', 'ALARM_NOT_REAL'],
    ['a real alarm becomes a hazard', manager, { ...base, classification: 'real' }, 'toHazard', null],
    ['only once', manager, { ...base, hazardId: 'h' }, 'toHazard', 'ALARM_ALREADY_LINKED'],
    ['the enterprise issues no 督办', manager, base, 'toTask', 'FORBIDDEN'],
    ['a regulator issues 督办 on an unhandled alarm', regulator, base, 'toTask', null],
    ['not on equipment faults', regulator, { ...base, classification: 'equipmentFault' }, 'toTask', 'ALARM_NOT_REAL'],
  ];
  for (const [name, a, facts, action, want] of cases) it(name, () => expect(refusal(a, facts, action)).toBe(want));

  it('abilities combine the table and the policy', () => {
    expect(alarmAbilities(manager, base)).toMatchObject({ ack: true, feedback: true, close: false, shelve: false, toTask: false, toHazard: true });
    expect(alarmAbilities(regulator, { ...base, status: 'CLOSED', classification: 'real' })).toMatchObject({ shelve: false, close: false, toTask: true });
  });
});
