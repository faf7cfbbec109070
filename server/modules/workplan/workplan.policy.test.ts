import { describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../kernel/actor.js';
import type { Verdict } from '../../kernel/gate/gate.js';
import type { Scope } from '../../kernel/scope/scope.js';
import { planPolicy, registerPolicy } from './workplan.policy.js';

/** The work-plan policies as tables: who enters a year's notice, who records a register entry. */

const actor = (scope: Scope, unit: { departmentId?: string; enterpriseId?: string } = {}): Actor => ({
  ...systemActor('t'),
  departmentId: unit.departmentId ?? null,
  enterpriseId: unit.enterpriseId ?? null,
  scope,
});
const city = actor({ kind: 'government', regionPath: '/140500/' }, { departmentId: 'd-city' });
const county = actor({ kind: 'government', regionPath: '/140500/140525/' }, { departmentId: 'd-county' });
const energy = actor({ kind: 'industry', regionPath: '/140500/', departmentId: 'd-energy', industries: ['coal'] }, { departmentId: 'd-energy' });
const enterprise = actor({ kind: 'enterprise', enterpriseId: 'e1' }, { enterpriseId: 'e1' });

describe('plan policy: a unit enters plans for its own region or below', () => {
  const rows: [string, Actor, string, Verdict][] = [
    ['the city enters the city’s notice', city, '/140500/', null],
    ['the city enters a county’s notice', city, '/140500/140525/', null],
    ['a county enters its own', county, '/140500/140525/', null],
    ['a county does not enter the city’s', county, '/140500/', 'FORBIDDEN'],
    ['a county does not enter a neighbour’s', county, '/140500/140581/', 'FORBIDDEN'],
    ['a city department enters for the city region', energy, '/140500/', null],
    ['an enterprise enters no plan', enterprise, '/140500/140525/', 'FORBIDDEN'],
  ];
  for (const [name, a, regionPath, want] of rows) it(name, () => expect(planPolicy.check(a, { regionPath }, 'create')).toEqual(want));
});

describe('register policy: a unit records its own entries; enterprise kinds name an enterprise in scope', () => {
  const rows: [string, Actor, { departmentId: string | null; enterpriseId: string | null }, Verdict][] = [
    ['a county records its own meeting', county, { departmentId: 'd-county', enterpriseId: null }, null],
    ['not another unit’s', county, { departmentId: 'd-city', enterpriseId: null }, 'FORBIDDEN'],
    ['the city does not record for a county', city, { departmentId: 'd-county', enterpriseId: null }, 'FORBIDDEN'],
    ['an enterprise entry (already loaded through the scope)', enterprise, { departmentId: null, enterpriseId: 'e1' }, null],
    ['a regulator records an enterprise it supervises', energy, { departmentId: null, enterpriseId: 'e1' }, null],
    ['an entry with no unit is refused', county, { departmentId: null, enterpriseId: null }, 'FORBIDDEN'],
  ];
  for (const [name, a, unit, want] of rows) it(name, () => expect(registerPolicy.check(a, unit, 'record')).toEqual(want));
});
