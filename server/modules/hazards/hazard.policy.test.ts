import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import type { Actor } from '../../kernel/actor.js';
import { type HazardFacts, hazardAbilities, refusal } from './hazard.policy.js';
import { HAZARD_ACTIONS, type HazardAction } from './hazard.workflow.js';

const ENT = 'e1';
function actor(id: string, perms: Permission[], unit: { enterpriseId?: string; departmentId?: string }): Actor {
  return {
    id,
    username: id,
    displayName: id,
    kind: unit.enterpriseId ? 'enterprise' : 'government',
    locale: 'zh-CN',
    roles: [],
    permissions: new Set(perms),
    departmentId: unit.departmentId ?? null,
    enterpriseId: unit.enterpriseId ?? null,
    unitName: null,
    scope: { kind: 'system' },
    mustChangePassword: false,
  };
}
const manager = actor('m1', ['hazard.read', 'hazard.handle'], { enterpriseId: ENT });
const otherManager = actor('m2', ['hazard.read', 'hazard.handle'], { enterpriseId: ENT });
const foreignManager = actor('m3', ['hazard.read', 'hazard.handle'], { enterpriseId: 'e2' });
const worker = actor('w1', ['hazard.read', 'hazard.report'], { enterpriseId: ENT });
const regulator = actor('r1', ['hazard.read', 'hazard.supervise'], { departmentId: 'd1' });

const h = (over: Partial<HazardFacts> = {}): HazardFacts => ({
  enterpriseId: ENT,
  status: 'reported',
  grade: null,
  source: 'selfInspection',
  plan: null,
  submittedBy: null,
  rectifierUserId: null,
  ...over,
});

/** Who may take each action (the transition itself being legal): E enterprise, R regulator, both, or nobody else. */
const SIDE: Record<HazardAction, 'E' | 'R' | 'ER'> = {
  confirm: 'ER',
  reject: 'ER',
  rectify: 'E',
  submit: 'E',
  verify: 'E',
  return: 'E',
  close: 'R',
  reopen: 'ER',
};

describe('hazard policy', () => {
  for (const action of HAZARD_ACTIONS) {
    it(`${action}: ${SIDE[action]} only; workers and other enterprises never`, () => {
      const facts = h({ status: action === 'return' ? 'submitted' : 'reported', grade: 'general' });
      expect(refusal(manager, facts, action) === null).toBe(SIDE[action].includes('E'));
      expect(refusal(regulator, facts, action) === null).toBe(SIDE[action].includes('R'));
      expect(refusal(worker, facts, action)).toBe('FORBIDDEN');
      expect(refusal(foreignManager, facts, action)).toBe('FORBIDDEN');
    });
  }

  it('a regulator verifies (复查) only what it found on inspection; the verifier is never the rectifier or submitter', () => {
    expect(refusal(regulator, h({ status: 'submitted', source: 'inspection' }), 'verify')).toBeNull();
    expect(refusal(regulator, h({ status: 'submitted', source: 'worker' }), 'verify')).toBe('FORBIDDEN');
    expect(refusal(manager, h({ status: 'submitted', submittedBy: 'm1' }), 'verify')).toBe('VERIFIER_IS_RECTIFIER');
    expect(refusal(manager, h({ status: 'submitted', rectifierUserId: 'm1' }), 'verify')).toBe('VERIFIER_IS_RECTIFIER');
    expect(refusal(otherManager, h({ status: 'submitted', submittedBy: 'm1' }), 'verify')).toBeNull();
    // The failed on-site review of a major hazard is the regulator's return.
    expect(refusal(regulator, h({ status: 'verified', grade: 'major' }), 'return')).toBeNull();
    expect(refusal(manager, h({ status: 'verified', grade: 'major' }), 'return')).toBe('FORBIDDEN');
  });

  it('a major hazard starts rectification only with its plan', () => {
    expect(refusal(manager, h({ status: 'confirmed', grade: 'major' }), 'rectify')).toBe('HAZARD_PLAN_REQUIRED');
    expect(refusal(manager, h({ status: 'confirmed', grade: 'major', plan: { goals: 'x' } }), 'rectify')).toBeNull();
    expect(refusal(manager, h({ status: 'confirmed', grade: 'general' }), 'rectify')).toBeNull();
  });

  it('abilities: buttons only where the table and the policy agree', () => {
    const a = hazardAbilities(manager, h({ status: 'confirmed', grade: 'major' }), { hasOpenListingOfActor: false });
    expect(a).toMatchObject({ confirm: false, rectify: false, filePlan: true, assign: true, extend: true, escalate: false, list: false });
    const r = hazardAbilities(regulator, h({ status: 'rectifying', grade: 'major' }), { hasOpenListingOfActor: false });
    expect(r).toMatchObject({ list: true, escalate: true, extend: true, assign: false, submit: false, closeListing: false });
    expect(hazardAbilities(regulator, h({ status: 'closed', grade: 'major' }), { hasOpenListingOfActor: true })).toMatchObject({
      list: false,
      closeListing: true,
      reopen: true,
    });
    expect(Object.values(hazardAbilities(worker, h({ status: 'confirmed', grade: 'general' }), { hasOpenListingOfActor: false })).some(Boolean)).toBe(false);
  });
});
