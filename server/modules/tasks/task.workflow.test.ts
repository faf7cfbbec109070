import { describe, expect, it } from 'vitest';
import { ASSIGNEE_ACTIONS, ASSIGNEE_STATUSES, assigneeTransition, canRequestExtension, escalationLevel } from './task.workflow.js';

const EXPECTED: Record<string, Record<string, string | null>> = {
  received: { deploy: 'deployed', feedback: null, resolve: null, accept: null, return: null },
  deployed: { deploy: null, feedback: 'inProgress', resolve: 'resolved', accept: null, return: null },
  inProgress: { deploy: null, feedback: 'inProgress', resolve: 'resolved', accept: null, return: null },
  resolved: { deploy: null, feedback: null, resolve: null, accept: 'closed', return: 'inProgress' },
  closed: { deploy: null, feedback: null, resolve: null, accept: null, return: null },
};

describe('assignee transition table', () => {
  for (const from of ASSIGNEE_STATUSES) {
    for (const action of ASSIGNEE_ACTIONS) {
      it(`${from} --${action}--> ${EXPECTED[from]?.[action]}`, () => expect(assigneeTransition(from, action)).toBe(EXPECTED[from]?.[action]));
    }
  }
  it('extensions only before hand-in', () => {
    expect(ASSIGNEE_STATUSES.filter(canRequestExtension)).toEqual(['received', 'deployed', 'inProgress']);
  });
});

describe('escalation levels', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [1, 1],
    [23 * 3_600_000, 1],
    [24 * 3_600_000, 2],
    [71 * 3_600_000, 2],
    [72 * 3_600_000, 3],
  ])('%d ms overdue → level %d', (ms, level) => expect(escalationLevel(ms)).toBe(level));
});
