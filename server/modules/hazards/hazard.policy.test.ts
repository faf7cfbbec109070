import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import type { Actor } from '../../kernel/actor.js';
import type { Verdict } from '../../kernel/gate/gate.js';
import {
  type HazardFacts,
  type HazardPolicyAction,
  type HazardPolicyFacts,
  hazardAbilities,
  hazardPolicy,
  listEntryPolicy,
  refusal,
  statsReportPolicy,
} from './hazard.policy.js';
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

const step = (from: string, action: string): Verdict => ({ code: 'INVALID_TRANSITION', params: { from: `hazard.${from}`, action: `hazard.${action}` } });
const notMajor = (action: string): Verdict => ({ code: 'HAZARD_NOT_MAJOR', params: { action } });

describe('hazard policy: the acts around the steps (table: actor × hazard → allowed or the refusal)', () => {
  const major = (status: string, over: Partial<HazardPolicyFacts> = {}) => ({ ...h({ status, grade: 'major' }), ...over });
  const rows: [string, Actor, HazardPolicyFacts, HazardPolicyAction, Verdict][] = [
    ['anyone with hazard.report reports', worker, h(), 'report', null],
    ['a manager without hazard.report does not', manager, h(), 'report', 'FORBIDDEN'],
    // 治理方案 (Art. 15): major only, before hand-in, by the enterprise
    ['the enterprise files the plan of a confirmed major hazard', manager, major('confirmed'), 'filePlan', null],
    ['… or revises it while rectifying', manager, major('rectifying'), 'filePlan', null],
    ['no plan for a general hazard', manager, h({ status: 'confirmed', grade: 'general' }), 'filePlan', notMajor('hazard.plan')],
    ['no plan once handed in', manager, major('submitted'), 'filePlan', step('submitted', 'plan')],
    ['the regulator does not file the plan', regulator, major('confirmed'), 'filePlan', 'FORBIDDEN'],
    // assign / extend while the deadline runs
    ['the enterprise names the rectifier', manager, h({ status: 'rectifying', grade: 'general' }), 'assign', null],
    ['the regulator does not', regulator, h({ status: 'rectifying', grade: 'general' }), 'assign', 'FORBIDDEN'],
    ['not before confirmation', manager, h({ status: 'reported' }), 'assign', step('reported', 'assign')],
    ['either side extends a running deadline', regulator, h({ status: 'confirmed', grade: 'general' }), 'extend', null],
    ['not once handed in', manager, h({ status: 'submitted', grade: 'general' }), 'extend', step('submitted', 'extend')],
    ['another enterprise extends nothing', foreignManager, h({ status: 'confirmed', grade: 'general' }), 'extend', 'FORBIDDEN'],
    // escalate: the regulator, on an open confirmed hazard
    ['the regulator escalates an open hazard', regulator, h({ status: 'submitted', grade: 'general' }), 'escalate', null],
    ['not an unconfirmed report', regulator, h({ status: 'reported' }), 'escalate', step('reported', 'escalate')],
    ['not a closed hazard', regulator, h({ status: 'closed', grade: 'general' }), 'escalate', step('closed', 'escalate')],
    ['the enterprise does not escalate', manager, h({ status: 'rectifying', grade: 'general' }), 'escalate', 'FORBIDDEN'],
    // 挂牌督办 and 摘牌
    ['the regulator lists an open major hazard', regulator, major('rectifying'), 'list', null],
    ['once per department', regulator, major('rectifying', { hasOpenListingOfActor: true }), 'list', 'LISTING_EXISTS'],
    ['not a general hazard', regulator, h({ status: 'rectifying', grade: 'general' }), 'list', notMajor('hazard.list')],
    ['not a closed one', regulator, major('closed'), 'list', step('closed', 'list')],
    ['the enterprise lists nothing', manager, major('rectifying'), 'list', 'FORBIDDEN'],
    ['摘牌 once the hazard is closed out', regulator, major('closed', { hasOpenListingOfActor: true }), 'closeListing', null],
    [
      'not while the hazard is open',
      regulator,
      major('verified', { hasOpenListingOfActor: true }),
      'closeListing',
      { code: 'LISTING_HAZARD_OPEN', params: { from: 'hazard.verified' } },
    ],
    ['another department’s listing is not found', regulator, major('closed', { hasOpenListingOfActor: false }), 'closeListing', 'NOT_FOUND'],
  ];
  for (const [name, a, facts, action, want] of rows) it(name, () => expect(hazardPolicy.check(a, facts, action)).toEqual(want));
});

describe('四个清单 entries and Art. 14 statistics', () => {
  const rows: [string, Actor, string, Verdict][] = [
    ['the keeping department edits its entry', regulator, 'd1', null],
    ['another department does not', regulator, 'd2', 'FORBIDDEN'],
    ['an enterprise does not', manager, 'd1', 'FORBIDDEN'],
  ];
  for (const [name, a, departmentId, want] of rows)
    for (const action of ['create', 'update', 'delete'] as const)
      it(`${action}: ${name}`, () => expect(listEntryPolicy.check(a, { departmentId }, action)).toEqual(want));

  const stats: [string, Actor, string, Verdict][] = [
    ['the enterprise’s own safety staff submit', manager, ENT, null],
    ['not another enterprise’s table', foreignManager, ENT, 'FORBIDDEN'],
    ['a worker without hazard.handle does not', worker, ENT, 'FORBIDDEN'],
    ['a regulator does not sign for the enterprise', regulator, ENT, 'FORBIDDEN'],
  ];
  for (const [name, a, enterpriseId, want] of stats) it(name, () => expect(statsReportPolicy.check(a, { enterpriseId }, 'submit')).toEqual(want));
});
