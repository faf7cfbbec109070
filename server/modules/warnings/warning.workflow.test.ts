import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import { abilitiesOf } from '../../kernel/gate/gate.js';
import { type Scope, scopeEnterpriseId } from '../../kernel/scope/scope.js';
import { feedPolicy, type WarningSubject, warningPolicy } from './warning.policy.js';
import { effectiveState, nextWarningState, WARNING_ACTIONS, WARNING_STATES, type WarningAction, type WarningState } from './warning.workflow.js';

const EXPECTED: Record<WarningState, Record<WarningAction, WarningState | null>> = {
  active: { update: 'active', cancel: 'cancelled' },
  expired: { update: null, cancel: null },
  cancelled: { update: null, cancel: null },
};

describe('warning transitions: every state × action', () => {
  for (const s of WARNING_STATES)
    for (const a of WARNING_ACTIONS)
      it(`${s} --${a}--> ${EXPECTED[s][a] ?? 'INVALID'}`, () => {
        expect(nextWarningState(s, a)).toBe(EXPECTED[s][a]);
      });

  it('active past expiry reads expired; cancelled stays cancelled', () => {
    const now = new Date('2021-07-20T00:00:00Z');
    expect(effectiveState({ state: 'active', expires: new Date('2021-07-19T00:00:00Z') }, now)).toBe('expired');
    expect(effectiveState({ state: 'active', expires: new Date('2021-07-21T00:00:00Z') }, now)).toBe('active');
    expect(effectiveState({ state: 'active', expires: null }, now)).toBe('active');
    expect(effectiveState({ state: 'cancelled', expires: new Date('2021-07-19T00:00:00Z') }, now)).toBe('cancelled');
  });
});

describe('warning policy (the gate and the detail abilities ask the same check)', () => {
  const actor = (scope: Scope, departmentId: string | null, perms: Permission[] = ['warning.read', 'warning.issue']) =>
    ({ ...systemActor('t'), kind: 'government', permissions: new Set(perms), scope, departmentId, enterpriseId: scopeEnterpriseId(scope) }) as Actor;
  const city = actor({ kind: 'government', regionPath: '/c/' }, 'd-city');
  const cityEnergy = actor({ kind: 'industry', regionPath: '/c/', departmentId: 'd-energy', industries: ['coal'] }, 'd-energy');
  const county = actor({ kind: 'government', regionPath: '/c/county/' }, 'd-county');
  const sibling = actor({ kind: 'government', regionPath: '/c/other/' }, 'd-other');
  const countyEnergy = actor({ kind: 'industry', regionPath: '/c/county/', departmentId: 'd-ce', industries: ['coal'] }, 'd-ce');
  const ent = actor({ kind: 'enterprise', enterpriseId: 'e1' }, null, ['warning.read', 'warning.confirm']);
  const byCity: WarningSubject = { state: 'active', source: 'issued', unitId: 'd-city', regionPath: '/c/' };
  const byCounty: WarningSubject = { ...byCity, unitId: 'd-county', regionPath: '/c/county/' };
  const can = (a: Actor, w: WarningSubject) => abilitiesOf(warningPolicy, a, w);

  it.each([
    ['the issuing unit (city)', city, byCity, true],
    ['an industry department beside it (city 能源局)', cityEnergy, byCity, false],
    ['a county under it (泽州县)', county, byCity, false],
    ['a county 能源局 under it', countyEnergy, byCity, false],
    ['the issuing county itself', county, byCounty, true],
    ['the city 应急管理局 above the county', city, byCounty, true],
    ['the city 能源局 above the county (not the issuing unit’s superior)', cityEnergy, byCounty, false],
    ['a sibling county', sibling, byCounty, false],
    ['a reader without warning.issue in the issuing unit', actor({ kind: 'government', regionPath: '/c/' }, 'd-city', ['warning.read']), byCity, false],
  ])('%s may update and cancel: %s', (_n, a, w, allowed) => {
    expect(can(a, w)).toMatchObject({ update: allowed, cancel: allowed });
    expect(warningPolicy.check(a, w, 'cancel')).toBe(allowed ? null : 'FORBIDDEN');
  });

  it('nothing on a cancelled or expired warning (409); imported ones are cancelled by the importing unit’s line, never updated', () => {
    expect(warningPolicy.check(city, { ...byCity, state: 'cancelled' }, 'cancel')).toBe('INVALID_TRANSITION');
    expect(can(city, { ...byCity, state: 'expired' })).toMatchObject({ update: false, cancel: false });
    const imported: WarningSubject = { state: 'active', source: 'imported', unitId: 'd-county', regionPath: '/c/county/' };
    expect(can(county, imported)).toMatchObject({ update: false, cancel: true });
    expect(warningPolicy.check(county, imported, 'update')).toBe('INVALID_TRANSITION');
    expect(can(city, imported).cancel).toBe(true);
    expect(can(sibling, imported).cancel).toBe(false);
    // Imported before units were recorded: the top government's.
    const legacy: WarningSubject = { ...imported, unitId: null, regionPath: null };
    expect(can(city, legacy).cancel).toBe(true);
    expect(can(county, legacy).cancel).toBe(false);
  });

  it('an enterprise confirms only its own unconfirmed target', () => {
    expect(can(ent, { ...byCity, target: { enterpriseId: 'e1', status: 'sent' } }).confirm).toBe(true);
    expect(warningPolicy.check(ent, { ...byCity, target: { enterpriseId: 'e1', status: 'confirmed' } }, 'confirm')).toBe('INVALID_TRANSITION');
    expect(can(ent, { ...byCity, target: { enterpriseId: 'e2', status: 'sent' } }).confirm).toBe(false);
    expect(can(ent, byCity)).toMatchObject({ update: false, cancel: false, confirm: false });
  });

  it('feeds: the owning unit and the government above manage; beside, below and siblings do not', () => {
    const feed = { unitId: 'd-city', regionPath: '/c/' };
    expect(abilitiesOf(feedPolicy, city, feed)).toMatchObject({ change: true, delete: true, fetch: true });
    for (const a of [cityEnergy, county, sibling]) expect(abilitiesOf(feedPolicy, a, feed)).toMatchObject({ change: false, delete: false, fetch: false });
    expect(feedPolicy.check(city, { unitId: 'd-county', regionPath: '/c/county/' }, 'delete')).toBeNull();
    expect(feedPolicy.check(county, { unitId: null, regionPath: null }, 'create')).toBe('FORBIDDEN');
  });
});
