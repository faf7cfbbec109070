import { describe, expect, it } from 'vitest';
import { ACCIDENT_ACTIONS, ACCIDENT_STATUSES, accidentTransition } from './accident.workflow.js';

const EXPECTED: Record<string, Record<string, string | null>> = {
  reported: {
    supplement: 'reported',
    startInvestigation: 'investigating',
    extendInvestigation: null,
    recordAppraisal: null,
    submitReport: null,
    reply: null,
    publish: null,
  },
  investigating: {
    supplement: 'investigating',
    startInvestigation: null,
    extendInvestigation: 'investigating',
    recordAppraisal: 'investigating',
    submitReport: 'reportSubmitted',
    reply: null,
    publish: null,
  },
  reportSubmitted: {
    supplement: null,
    startInvestigation: null,
    extendInvestigation: null,
    recordAppraisal: null,
    submitReport: null,
    reply: 'closed',
    publish: null,
  },
  closed: { supplement: null, startInvestigation: null, extendInvestigation: null, recordAppraisal: null, submitReport: null, reply: null, publish: 'closed' },
};

describe('accident transition table', () => {
  for (const from of ACCIDENT_STATUSES) {
    for (const action of ACCIDENT_ACTIONS) {
      it(`${from} --${action}--> ${EXPECTED[from]?.[action]}`, () => expect(accidentTransition(from, action)).toBe(EXPECTED[from]?.[action]));
    }
  }
});
