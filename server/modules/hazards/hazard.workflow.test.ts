import { describe, expect, it } from 'vitest';
import { canFilePlan, HAZARD_ACTIONS, HAZARD_STATUSES, type HazardAction, type HazardGrade, type HazardStatus, hazardTransition } from './hazard.workflow.js';

/** Every state × action × grade: the expected next state, or null (409). */
const EXPECTED: Record<HazardStatus, Partial<Record<HazardAction, Partial<Record<'general' | 'major' | 'none', HazardStatus>>>>> = {
  reported: { confirm: { general: 'confirmed', major: 'confirmed', none: 'confirmed' }, reject: { general: 'rejected', major: 'rejected', none: 'rejected' } },
  confirmed: { rectify: { general: 'rectifying', major: 'rectifying', none: 'rectifying' } },
  rectifying: { submit: { general: 'submitted', major: 'submitted', none: 'submitted' } },
  submitted: { verify: { general: 'closed', major: 'verified', none: 'closed' }, return: { general: 'rectifying', major: 'rectifying', none: 'rectifying' } },
  verified: { return: { general: 'rectifying', major: 'rectifying', none: 'rectifying' }, close: { major: 'closed' } },
  closed: { reopen: { general: 'rectifying', major: 'rectifying', none: 'rectifying' } },
  rejected: { reopen: { general: 'reported', major: 'reported', none: 'reported' } },
};

describe('hazard workflow', () => {
  const grades: [HazardGrade | null, 'general' | 'major' | 'none'][] = [
    ['general', 'general'],
    ['major', 'major'],
    [null, 'none'],
  ];
  for (const from of HAZARD_STATUSES) {
    for (const action of HAZARD_ACTIONS) {
      for (const [grade, key] of grades) {
        const want = EXPECTED[from][action]?.[key] ?? null;
        it(`${from} × ${action} (${key}) → ${want ?? '409'}`, () => {
          expect(hazardTransition(from, action, grade)).toBe(want);
        });
      }
    }
  }

  it('a plan is filed only for a major hazard before the work is handed in', () => {
    for (const s of HAZARD_STATUSES) {
      expect(canFilePlan(s, 'major')).toBe(s === 'confirmed' || s === 'rectifying');
      expect(canFilePlan(s, 'general')).toBe(false);
    }
  });
});
