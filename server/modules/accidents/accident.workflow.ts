import { ACCIDENT_STATUSES, type AccidentStatus } from '../../../common/contracts/accidents.js';

/**
 * The accident's life as a transition table (architecture.md §4.7): 快报 → investigation (Art. 19)
 * → report submitted (Art. 30) → 批复 and closure (Art. 32). 续报 and chain links are separate records.
 * The statuses themselves are the contract's.
 */
export { ACCIDENT_STATUSES, type AccidentStatus };

export const ACCIDENT_ACTIONS = ['supplement', 'startInvestigation', 'extendInvestigation', 'recordAppraisal', 'submitReport', 'reply', 'publish'] as const;
export type AccidentAction = (typeof ACCIDENT_ACTIONS)[number];

const TABLE: Record<AccidentAction, { from: AccidentStatus[]; to?: AccidentStatus }> = {
  supplement: { from: ['reported', 'investigating'] },
  startInvestigation: { from: ['reported'], to: 'investigating' },
  extendInvestigation: { from: ['investigating'] },
  recordAppraisal: { from: ['investigating'] },
  submitReport: { from: ['investigating'], to: 'reportSubmitted' },
  reply: { from: ['reportSubmitted'], to: 'closed' },
  publish: { from: ['closed'] },
};

/** The next status, the same status for actions that do not move it, or null when not allowed. */
export function accidentTransition(from: AccidentStatus, action: AccidentAction): AccidentStatus | null {
  const t = TABLE[action];
  if (!t.from.includes(from)) return null;
  return t.to ?? from;
}
