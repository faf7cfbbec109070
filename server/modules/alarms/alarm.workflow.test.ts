import { describe, expect, it } from 'vitest';
import { ALARM_ACTIONS, ALARM_STATUSES, type AlarmAction, type AlarmStatus, alarmTransition } from './alarm.workflow.js';

type S = AlarmStatus;
const KEEP = (s: S) => ({ active: s, inactive: s });
/** Every state × action × condition (active or not): the expected next state, or absent (409). */
const EXPECTED: Record<S, Partial<Record<AlarmAction, { active?: S; inactive?: S }>>> = {
  ACTIVE_UNACK: {
    ack: { active: 'ACTIVE_ACK', inactive: 'ACTIVE_ACK' },
    clear: { active: 'CLEARED_UNACK', inactive: 'CLEARED_UNACK' },
    feedback: { active: 'ACTIVE_ACK', inactive: 'ACTIVE_ACK' },
    shelve: KEEP('SHELVED'),
    outOfService: KEEP('OUT_OF_SERVICE'),
    toHazard: KEEP('ACTIVE_UNACK'),
    toTask: KEEP('ACTIVE_UNACK'),
    escalate: KEEP('ACTIVE_UNACK'),
  },
  ACTIVE_ACK: {
    clear: KEEP('CLEARED'),
    feedback: KEEP('ACTIVE_ACK'),
    shelve: KEEP('SHELVED'),
    outOfService: KEEP('OUT_OF_SERVICE'),
    toHazard: KEEP('ACTIVE_ACK'),
    toTask: KEEP('ACTIVE_ACK'),
    escalate: KEEP('ACTIVE_ACK'),
  },
  CLEARED_UNACK: {
    ack: KEEP('CLEARED'),
    feedback: KEEP('CLEARED'),
    outOfService: KEEP('OUT_OF_SERVICE'),
    toHazard: KEEP('CLEARED_UNACK'),
    toTask: KEEP('CLEARED_UNACK'),
    escalate: KEEP('CLEARED_UNACK'),
  },
  CLEARED: {
    feedback: KEEP('CLEARED'),
    outOfService: KEEP('OUT_OF_SERVICE'),
    close: KEEP('CLOSED'),
    toHazard: KEEP('CLEARED'),
    toTask: KEEP('CLEARED'),
    escalate: KEEP('CLEARED'),
  },
  SHELVED: {
    clear: KEEP('SHELVED'),
    feedback: KEEP('SHELVED'),
    unshelve: { active: 'ACTIVE_UNACK', inactive: 'CLEARED' },
    outOfService: KEEP('OUT_OF_SERVICE'),
    toHazard: KEEP('SHELVED'),
    toTask: KEEP('SHELVED'),
    escalate: KEEP('SHELVED'),
  },
  OUT_OF_SERVICE: {
    clear: KEEP('OUT_OF_SERVICE'),
    feedback: KEEP('OUT_OF_SERVICE'),
    returnToService: { active: 'ACTIVE_UNACK', inactive: 'CLEARED' },
    toHazard: KEEP('OUT_OF_SERVICE'),
    toTask: KEEP('OUT_OF_SERVICE'),
    escalate: KEEP('OUT_OF_SERVICE'),
  },
  CLOSED: { toHazard: KEEP('CLOSED'), toTask: KEEP('CLOSED') },
};

describe('alarm workflow', () => {
  for (const from of ALARM_STATUSES) {
    for (const action of ALARM_ACTIONS) {
      for (const active of [true, false]) {
        const want = EXPECTED[from][action]?.[active ? 'active' : 'inactive'] ?? null;
        it(`${from} × ${action} (${active ? 'active' : 'inactive'}) → ${want ?? '409'}`, () => {
          expect(alarmTransition(from, action, active)).toBe(want);
        });
      }
    }
  }
});
