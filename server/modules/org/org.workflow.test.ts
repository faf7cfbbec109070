import { describe, expect, it } from 'vitest';
import { ENTERPRISE_STATUS_ACTIONS } from '../../../common/contracts/org.js';
import { ENTERPRISE_STATUSES } from '../../../common/industries.js';
import { nextEnterpriseStatus } from './org.workflow.js';

describe('enterprise status transition table', () => {
  const expected: Record<string, Record<string, string | null>> = {
    operating: { suspend: 'suspended', resume: null, close: 'closed' },
    suspended: { suspend: null, resume: 'operating', close: 'closed' },
    closed: { suspend: null, resume: null, close: null },
  };
  for (const from of ENTERPRISE_STATUSES) {
    for (const action of ENTERPRISE_STATUS_ACTIONS) {
      it(`${from} --${action}--> ${expected[from]?.[action]}`, () => {
        expect(nextEnterpriseStatus(from, action)).toBe(expected[from]?.[action]);
      });
    }
  }
});
