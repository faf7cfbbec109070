import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import type { Scope } from '../../kernel/scope/scope.js';
import { feedPolicy, importSettingsPolicy, type UnitAnchor, type WarningSubject, warningPolicy, warningUnitPolicy } from './warning.policy.js';

// A city (1405) with two counties; the city's 应急管理局 and 能源局, a county's 应急管理局, an enterprise.
const CITY = '/1405/';
const COUNTY = '/1405/140525/';
const OTHER_COUNTY = '/1405/140581/';
const ENT = '11111111-1111-1111-1111-111111111111';

const actor = (perms: Permission[], scope: Scope, departmentId: string | null = null): Actor => ({
  ...systemActor('t'),
  permissions: new Set(perms),
  scope,
  departmentId,
  enterpriseId: scope.kind === 'enterprise' ? scope.enterpriseId : null,
});
const ISSUE: Permission[] = ['warning.read', 'warning.issue'];
const cityBureau = actor(ISSUE, { kind: 'government', regionPath: CITY }, 'city-bureau');
const cityEnergy = actor(ISSUE, { kind: 'industry', regionPath: CITY, departmentId: 'city-energy', industries: ['coal'] }, 'city-energy');
const countyBureau = actor(ISSUE, { kind: 'government', regionPath: COUNTY }, 'county-bureau');
const otherCounty = actor(ISSUE, { kind: 'government', regionPath: OTHER_COUNTY }, 'other-county');
const readOnlyCity = actor(['warning.read'], { kind: 'government', regionPath: CITY }, 'city-bureau');
const enterprise = actor(['warning.read', 'warning.confirm'], { kind: 'enterprise', enterpriseId: ENT });
const otherEnterprise = actor(['warning.read', 'warning.confirm'], { kind: 'enterprise', enterpriseId: '22222222-2222-2222-2222-222222222222' });
const platformAdmin = actor(ISSUE, { kind: 'platform' });

const ofCounty: UnitAnchor = { unitId: 'county-bureau', regionPath: COUNTY };
const ofCity: UnitAnchor = { unitId: 'city-bureau', regionPath: CITY };
const unrecorded: UnitAnchor = { unitId: null, regionPath: null };
const w = (over: Partial<WarningSubject> = {}): WarningSubject => ({ ...ofCounty, state: 'active', source: 'issued', target: null, ...over });
const mineTarget = { enterpriseId: ENT, status: 'sent' };

type Verdict = ReturnType<typeof warningPolicy.check>;

describe('warning policy: update, cancel and 签收', () => {
  const rows: [string, Actor, WarningSubject, 'update' | 'cancel' | 'confirm', Verdict][] = [
    ['the issuing county updates its own', countyBureau, w(), 'update', null],
    ['the issuing county cancels its own', countyBureau, w(), 'cancel', null],
    ['the city bureau above the county cancels', cityBureau, w(), 'cancel', null],
    ['the city bureau above the county updates', cityBureau, w(), 'update', null],
    ['the city 能源局 beside the bureau may not', cityEnergy, w(), 'cancel', 'FORBIDDEN'],
    ['another county may not', otherCounty, w(), 'cancel', 'FORBIDDEN'],
    ['a county does not cancel the city’s warning', countyBureau, w(ofCity), 'cancel', 'FORBIDDEN'],
    ['without warning.issue nothing', readOnlyCity, w(), 'cancel', 'FORBIDDEN'],
    ['a warning from before units were recorded: the top government', cityBureau, w(unrecorded), 'cancel', null],
    ['a warning from before units were recorded: not a county', countyBureau, w(unrecorded), 'cancel', 'FORBIDDEN'],
    ['an imported warning changes by its sender’s Update only', countyBureau, w({ source: 'imported' }), 'update', 'INVALID_TRANSITION'],
    ['an imported warning may be cancelled by its line', countyBureau, w({ source: 'imported' }), 'cancel', null],
    ['a cancelled warning takes no update', countyBureau, w({ state: 'cancelled' }), 'update', 'INVALID_TRANSITION'],
    ['a cancelled warning is not cancelled twice', countyBureau, w({ state: 'cancelled' }), 'cancel', 'INVALID_TRANSITION'],
    ['an expired warning takes no cancel', countyBureau, w({ state: 'expired' }), 'cancel', 'INVALID_TRANSITION'],
    ['the targeted enterprise confirms', enterprise, w({ target: mineTarget }), 'confirm', null],
    ['once only', enterprise, w({ target: { ...mineTarget, status: 'confirmed' } }), 'confirm', 'INVALID_TRANSITION'],
    ['an enterprise not targeted may not', enterprise, w(), 'confirm', 'FORBIDDEN'],
    ['another enterprise’s target is not its own', otherEnterprise, w({ target: mineTarget }), 'confirm', 'FORBIDDEN'],
    ['a regulator does not confirm for the enterprise', cityBureau, w({ target: mineTarget }), 'confirm', 'FORBIDDEN'],
    ['an enterprise does not cancel', enterprise, w({ target: mineTarget }), 'cancel', 'FORBIDDEN'],
  ];
  for (const [name, a, subject, action, want] of rows) it(name, () => expect(warningPolicy.check(a, subject, action)).toBe(want));
});

describe('warning unit policy: issuing and importing in a unit’s own name', () => {
  const rows: [string, Actor, UnitAnchor, Verdict][] = [
    ['a county bureau issues for itself', countyBureau, ofCounty, null],
    ['an industry department issues for itself', cityEnergy, { unitId: 'city-energy', regionPath: CITY }, null],
    ['not in another unit’s name', countyBureau, ofCity, 'FORBIDDEN'],
    ['a platform administrator has no unit', platformAdmin, unrecorded, 'FORBIDDEN'],
    ['an enterprise never issues', enterprise, { unitId: null, regionPath: null }, 'FORBIDDEN'],
    ['without warning.issue nothing', readOnlyCity, ofCity, 'FORBIDDEN'],
  ];
  for (const [name, a, unit, want] of rows) {
    it(`${name} (issue)`, () => expect(warningUnitPolicy.check(a, unit, 'issue')).toBe(want));
    it(`${name} (import)`, () => expect(warningUnitPolicy.check(a, unit, 'import')).toBe(want));
  }
});

describe('feed policy: a feed belongs to its unit’s line', () => {
  const rows: [string, Actor, UnitAnchor, 'create' | 'change' | 'delete' | 'fetch', Verdict][] = [
    ['the owning county changes', countyBureau, ofCounty, 'change', null],
    ['the owning county fetches', countyBureau, ofCounty, 'fetch', null],
    ['the city above deletes', cityBureau, ofCounty, 'delete', null],
    ['a county beside only reads', otherCounty, ofCounty, 'change', 'FORBIDDEN'],
    ['the county below the city’s feed only reads', countyBureau, ofCity, 'fetch', 'FORBIDDEN'],
    ['a feed is created for a unit', countyBureau, ofCounty, 'create', null],
    ['not without one', cityBureau, unrecorded, 'create', 'FORBIDDEN'],
    ['an unrecorded feed: the top government changes it', cityBureau, unrecorded, 'change', null],
    ['an unrecorded feed: not a county', countyBureau, unrecorded, 'change', 'FORBIDDEN'],
    ['without warning.issue nothing', readOnlyCity, ofCity, 'fetch', 'FORBIDDEN'],
  ];
  for (const [name, a, feed, action, want] of rows) it(name, () => expect(feedPolicy.check(a, feed, action)).toBe(want));
});

describe('import settings policy: the government at the top of the region tree', () => {
  const rows: [string, Actor, Verdict][] = [
    ['the city bureau configures', cityBureau, null],
    ['a county bureau does not', countyBureau, 'FORBIDDEN'],
    ['the city 能源局 does not', cityEnergy, 'FORBIDDEN'],
    ['nor the city bureau without warning.issue', readOnlyCity, 'FORBIDDEN'],
    ['nor an enterprise', enterprise, 'FORBIDDEN'],
  ];
  for (const [name, a, want] of rows) it(name, () => expect(importSettingsPolicy.check(a, {}, 'configure')).toBe(want));
});
