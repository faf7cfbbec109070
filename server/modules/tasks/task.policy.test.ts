import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import type { Verdict } from '../../kernel/gate/gate.js';
import type { Scope } from '../../kernel/scope/scope.js';
import { type AssigneeFacts, type AssigneePolicyAction, assigneeAbilities, assigneePolicy, taskPolicy } from './task.policy.js';

/** The 督办 policies as tables: actor × assignee state × action → allowed (null) or the refusal. */

const CITY = 'dept-city';
const COUNTY = 'dept-county';
const ENT = 'ent-1';
const actor = (perms: Permission[], unit: { departmentId?: string; enterpriseId?: string }, scope: Scope = { kind: 'system' }): Actor => ({
  ...systemActor('t'),
  id: `u-${unit.departmentId ?? unit.enterpriseId ?? 'none'}-${perms.join('+')}`,
  permissions: new Set(perms),
  departmentId: unit.departmentId ?? null,
  enterpriseId: unit.enterpriseId ?? null,
  scope,
});
const issuer = actor(['task.read', 'task.issue'], { departmentId: CITY });
const issuerWithoutPermission = actor(['task.read'], { departmentId: CITY });
const county = actor(['task.read', 'task.handle'], { departmentId: COUNTY });
const countyReader = actor(['task.read'], { departmentId: COUNTY });
const enterprise = actor(['task.read', 'task.handle'], { enterpriseId: ENT });
const otherUnit = actor(['task.read', 'task.handle'], { departmentId: 'dept-other' });

const facts = (status: string, o: { enterprise?: boolean; pendingExtension?: boolean } = {}): AssigneeFacts => ({
  task: { issuerDepartmentId: CITY },
  assignee: { status, departmentId: o.enterprise ? null : COUNTY, enterpriseId: o.enterprise ? ENT : null },
  pendingExtension: o.pendingExtension ?? false,
});
const NOT_FROM = (from: string): Verdict => ({ code: 'INVALID_TRANSITION', params: { from } });

describe('assignee policy: the unit steps, the issuer accepts or returns, each from the right step', () => {
  const rows: [string, Actor, AssigneeFacts, AssigneePolicyAction, Verdict][] = [
    // deploy: received → deployed, by the assignee unit with task.handle
    ['the county deploys what it received', county, facts('received'), 'deploy', null],
    ['an enterprise assignee deploys its own', enterprise, facts('received', { enterprise: true }), 'deploy', null],
    ['another unit cannot deploy', otherUnit, facts('received'), 'deploy', 'FORBIDDEN'],
    ['a reader of the county cannot deploy', countyReader, facts('received'), 'deploy', 'FORBIDDEN'],
    ['the issuer does not deploy for the unit', issuer, facts('received'), 'deploy', 'FORBIDDEN'],
    ['deploying twice is a 409', county, facts('deployed'), 'deploy', NOT_FROM('deployed')],
    // feedback repeats; resolve after deployment
    ['feedback after deployment', county, facts('deployed'), 'feedback', null],
    ['feedback again while in progress', county, facts('inProgress'), 'feedback', null],
    ['no feedback before deployment', county, facts('received'), 'feedback', NOT_FROM('received')],
    ['resolve while in progress', county, facts('inProgress'), 'resolve', null],
    ['no resolve once resolved', county, facts('resolved'), 'resolve', NOT_FROM('resolved')],
    // accept / return: the issuer, on a resolved item
    ['the issuer accepts (销号) a resolved item', issuer, facts('resolved'), 'accept', null],
    ['the issuer returns a resolved item', issuer, facts('resolved'), 'return', null],
    ['the unit cannot accept its own work', county, facts('resolved'), 'accept', 'FORBIDDEN'],
    ['the issuer without task.issue cannot accept', issuerWithoutPermission, facts('resolved'), 'accept', 'FORBIDDEN'],
    ['nothing to accept before resolution', issuer, facts('inProgress'), 'accept', NOT_FROM('inProgress')],
    ['a closed item cannot be returned', issuer, facts('closed'), 'return', NOT_FROM('closed')],
    // extensions
    ['the unit asks for an extension before hand-in', county, facts('deployed'), 'requestExtension', null],
    ['one pending extension at a time', county, facts('deployed', { pendingExtension: true }), 'requestExtension', 'CONFLICT'],
    ['no extension after hand-in', county, facts('resolved'), 'requestExtension', 'FORBIDDEN'],
    ['only the assignee unit asks', issuer, facts('deployed'), 'requestExtension', 'FORBIDDEN'],
    ['the issuer approves a pending extension', issuer, facts('inProgress', { pendingExtension: true }), 'approveExtension', null],
    ['the issuer refuses a pending extension', issuer, facts('inProgress', { pendingExtension: true }), 'refuseExtension', null],
    ['nothing pending, nothing to decide', issuer, facts('inProgress'), 'approveExtension', NOT_FROM('none')],
    ['after hand-in a pending request can only lapse', issuer, facts('resolved', { pendingExtension: true }), 'approveExtension', NOT_FROM('resolved')],
    ['… and may still be refused', issuer, facts('resolved', { pendingExtension: true }), 'refuseExtension', null],
    ['the unit does not decide its own request', county, facts('inProgress', { pendingExtension: true }), 'approveExtension', 'FORBIDDEN'],
  ];
  for (const [name, a, f, action, want] of rows) it(name, () => expect(assigneePolicy.check(a, f, action)).toEqual(want));

  it('abilities are the policy’s answers (decideExtension follows refuse, which outlives hand-in)', () => {
    expect(assigneeAbilities(county, facts('deployed'))).toEqual({
      deploy: false,
      feedback: true,
      resolve: true,
      accept: false,
      return: false,
      requestExtension: true,
      decideExtension: false,
    });
    expect(assigneeAbilities(issuer, facts('resolved', { pendingExtension: true }))).toEqual({
      deploy: false,
      feedback: false,
      resolve: false,
      accept: true,
      return: true,
      requestExtension: false,
      decideExtension: true,
    });
  });
});

describe('task policy: 交办 in one’s own name, to units in one’s jurisdiction', () => {
  const city: Scope = { kind: 'government', regionPath: '/140500/' };
  const cityIssuer = actor(['task.read', 'task.issue'], { departmentId: CITY }, city);
  const rows: [string, Actor, { issuerDepartmentId: string; units: { regionPath: string }[] }, Verdict][] = [
    ['the city issues to a county inside it', cityIssuer, { issuerDepartmentId: CITY, units: [{ regionPath: '/140500/140525/' }] }, null],
    ['… and to several units at once', cityIssuer, { issuerDepartmentId: CITY, units: [{ regionPath: '/140500/' }, { regionPath: '/140500/140581/' }] }, null],
    ['not to a unit outside its region', cityIssuer, { issuerDepartmentId: CITY, units: [{ regionPath: '/140400/140402/' }] }, 'FORBIDDEN'],
    [
      'one unit outside refuses the whole issue',
      cityIssuer,
      { issuerDepartmentId: CITY, units: [{ regionPath: '/140500/140525/' }, { regionPath: '/140400/' }] },
      'FORBIDDEN',
    ],
    ['not in another department’s name', cityIssuer, { issuerDepartmentId: COUNTY, units: [{ regionPath: '/140500/140525/' }] }, 'FORBIDDEN'],
    [
      'not without task.issue',
      actor(['task.read'], { departmentId: CITY }, city),
      { issuerDepartmentId: CITY, units: [{ regionPath: '/140500/140525/' }] },
      'FORBIDDEN',
    ],
  ];
  for (const [name, a, t, want] of rows) it(name, () => expect(taskPolicy.check(a, t, 'issue')).toEqual(want));
});
