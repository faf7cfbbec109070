import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import type { Verdict } from '../../kernel/gate/gate.js';
import type { Scope } from '../../kernel/scope/scope.js';
import {
  type AccidentFacts,
  accidentAbilities,
  accidentPolicy,
  type ChainLinkFacts,
  chainLinkPolicy,
  type FatalActionFacts,
  fatalActionPolicy,
  reportRole,
} from './accident.policy.js';
import type { AccidentAction } from './accident.workflow.js';

const ENT = '11111111-1111-1111-1111-111111111111';
const GROUP = '33333333-3333-3333-3333-333333333333';
const COUNTY_DEPT = 'c0c0c0c0-c0c0-c0c0-c0c0-c0c0c0c0c0c0';
const CITY_DEPT = 'c1c1c1c1-c1c1-c1c1-c1c1-c1c1c1c1c1c1';
const PLACE = '/140500/140525/140525101/';

const actor = (perms: Permission[], scope: Scope, unit: { enterpriseId?: string; departmentId?: string } = {}): Actor => ({
  ...systemActor('t'),
  kind: scope.kind === 'enterprise' ? 'enterprise' : scope.kind === 'group' ? 'group' : scope.kind === 'system' ? 'platform' : 'government',
  permissions: new Set(perms),
  scope,
  enterpriseId: unit.enterpriseId ?? null,
  departmentId: unit.departmentId ?? null,
});

const REGULATOR: Permission[] = ['accident.read', 'accident.report', 'accident.manage', 'accident.publish'];
const county = actor(REGULATOR, { kind: 'government', regionPath: '/140500/140525/' }, { departmentId: COUNTY_DEPT });
const city = actor(REGULATOR, { kind: 'government', regionPath: '/140500/' }, { departmentId: CITY_DEPT });
const otherCounty = actor(REGULATOR, { kind: 'government', regionPath: '/140500/140581/' }, { departmentId: 'x' });
const countyReader = actor(['accident.read', 'accident.report'], { kind: 'government', regionPath: '/140500/140525/' }, { departmentId: COUNTY_DEPT });
const industryDept = actor(
  ['accident.read', 'accident.manage'],
  { kind: 'industry', regionPath: '/140500/140525/', departmentId: 'i', industries: ['coal'] },
  { departmentId: 'i' },
);
const enterprise = actor(['accident.read', 'accident.report'], { kind: 'enterprise', enterpriseId: ENT }, { enterpriseId: ENT });
const otherEnterprise = actor(['accident.read', 'accident.report'], { kind: 'enterprise', enterpriseId: 'e2' }, { enterpriseId: 'e2' });
const group = actor(['accident.read', 'accident.report'], { kind: 'group', groupId: GROUP });
const system = actor(REGULATOR, { kind: 'system' });

const general: AccidentFacts = { status: 'reported', published: false, grade: 4, regionPath: PLACE, enterpriseId: ENT, groupId: GROUP };
const larger: AccidentFacts = { ...general, grade: 3 };

describe('accident policy: 快报, 续报 and the investigation steps', () => {
  const rows: [string, Actor, AccidentFacts, AccidentAction | 'file', Verdict][] = [
    ['the enterprise files its own 快报', enterprise, general, 'file', null],
    ['another enterprise may not', otherEnterprise, general, 'file', 'FORBIDDEN'],
    ['the group files for its subsidiary', group, general, 'file', null],
    ['the county bureau files for a place in its county', county, general, 'file', null],
    ['another county may not', otherCounty, general, 'file', 'FORBIDDEN'],
    ['the enterprise files 续报 while reported', enterprise, general, 'supplement', null],
    ['续报 while investigating', county, { ...general, status: 'investigating' }, 'supplement', null],
    [
      'no 续报 once the report is submitted',
      enterprise,
      { ...general, status: 'reportSubmitted' },
      'supplement',
      { code: 'INVALID_TRANSITION', params: { from: 'reportSubmitted' } },
    ],
    ['the county leads a 一般 investigation', county, general, 'startInvestigation', null],
    ['the county does not lead a 较大 one', county, larger, 'startInvestigation', 'FORBIDDEN'],
    ['the city leads a 较大 one', city, larger, 'startInvestigation', null],
    ['the city may take over a 一般 one (Art. 20)', city, general, 'startInvestigation', null],
    ['another county leads nothing here', otherCounty, general, 'startInvestigation', 'FORBIDDEN'],
    ['an industry department does not lead', industryDept, general, 'startInvestigation', 'FORBIDDEN'],
    ['a reader without accident.manage', countyReader, general, 'startInvestigation', 'FORBIDDEN'],
    ['the system leads any', system, larger, 'startInvestigation', null],
    [
      'no second start',
      county,
      { ...general, status: 'investigating' },
      'startInvestigation',
      { code: 'INVALID_TRANSITION', params: { from: 'investigating' } },
    ],
    ['extension while investigating', county, { ...general, status: 'investigating' }, 'extendInvestigation', null],
    ['appraisal while investigating', county, { ...general, status: 'investigating' }, 'recordAppraisal', null],
    ['report while investigating', county, { ...general, status: 'investigating' }, 'submitReport', null],
    ['批复 after the report', county, { ...general, status: 'reportSubmitted' }, 'reply', null],
    ['no 批复 before it', county, { ...general, status: 'investigating' }, 'reply', { code: 'INVALID_TRANSITION', params: { from: 'investigating' } }],
    ['publish a closed case', county, { ...general, status: 'closed' }, 'publish', null],
    ['publish once', county, { ...general, status: 'closed', published: true }, 'publish', 'FORBIDDEN'],
    ['publishing needs accident.publish', industryDept, { ...general, status: 'closed' }, 'publish', 'FORBIDDEN'],
    ['not before closing', county, general, 'publish', { code: 'INVALID_TRANSITION', params: { from: 'reported' } }],
  ];
  for (const [name, a, facts, action, want] of rows) it(name, () => expect(accidentPolicy.check(a, facts, action)).toEqual(want));

  it('abilities are the policy’s answers', () => {
    expect(accidentAbilities(county, general)).toEqual({
      supplement: true,
      startInvestigation: true,
      extendInvestigation: false,
      recordAppraisal: false,
      submitReport: false,
      reply: false,
      publish: false,
      report: true,
    });
    expect(accidentAbilities(enterprise, larger)).toMatchObject({ supplement: true, startInvestigation: false, report: false });
  });
});

describe('reporting chain links: who reports (Art. 9–10) and who confirms', () => {
  const link = (recipient: string, over: Partial<ChainLinkFacts['link']> = {}): ChainLinkFacts => ({
    accident: { regionPath: PLACE },
    link: { recipient, departmentId: null, reportedAt: null, confirmedAt: null, ...over },
  });
  const rows: [string, Actor, ChainLinkFacts, 'report' | 'confirm', Verdict][] = [
    ['the county reports to the city', county, link('city'), 'report', null],
    ['the city does not report to itself', city, link('city'), 'report', 'FORBIDDEN'],
    ['the city reports to the province', city, link('province'), 'report', null],
    ['the county may report to the province (越级上报, with a reason)', county, link('province'), 'report', null],
    ['the county reports to the parallel bodies', county, link('police'), 'report', null],
    ['the county link is the unit’s 快报', county, link('county'), 'report', 'FORBIDDEN'],
    ['another county reports nothing', otherCounty, link('city'), 'report', 'FORBIDDEN'],
    ['a reader without accident.manage', countyReader, link('city'), 'report', 'FORBIDDEN'],
    ['a link is reported once', county, link('city', { reportedAt: new Date() }), 'report', { code: 'INVALID_TRANSITION', params: { from: 'reported' } }],
    ['the receiving department confirms', city, link('city', { departmentId: CITY_DEPT, reportedAt: new Date() }), 'confirm', null],
    ['another department does not', county, link('city', { departmentId: CITY_DEPT }), 'confirm', 'FORBIDDEN'],
    ['a body outside Taihang confirms nothing here', city, link('police'), 'confirm', 'FORBIDDEN'],
    [
      'confirmed once',
      city,
      link('city', { departmentId: CITY_DEPT, confirmedAt: new Date() }),
      'confirm',
      { code: 'INVALID_TRANSITION', params: { from: 'confirmed' } },
    ],
  ];
  for (const [name, a, facts, action, want] of rows) it(name, () => expect(chainLinkPolicy.check(a, facts, action)).toEqual(want));

  it('reportRole says when a report skips a level', () => {
    expect(reportRole(county, { regionPath: PLACE }, 'city')).toBe('normal');
    expect(reportRole(county, { regionPath: PLACE }, 'stateCouncil')).toBe('skip');
    expect(reportRole(city, { regionPath: PLACE }, 'stateCouncil')).toBe('normal');
    expect(reportRole(enterprise, { regionPath: PLACE }, 'city')).toBeNull();
  });
});

describe('fatal-accident actions (notice item 27): complete and set aside', () => {
  const action = (over: Partial<FatalActionFacts['action']> = {}, grade = 4): FatalActionFacts => ({
    accident: { grade, regionPath: PLACE },
    action: { status: 'open', ownerDepartmentId: COUNTY_DEPT, ...over },
  });
  const rows: [string, Actor, FatalActionFacts, 'complete' | 'setAside', Verdict][] = [
    ['the owner (county 应急管理局) completes', county, action(), 'complete', null],
    ['and sets aside', county, action(), 'setAside', null],
    ['the city leading the investigation completes', city, action({ ownerDepartmentId: 'someone' }, 3), 'complete', null],
    ['an industry department in scope does not', industryDept, action(), 'complete', 'FORBIDDEN'],
    ['another county does not', otherCounty, action(), 'complete', 'FORBIDDEN'],
    ['the owner without accident.manage does not', countyReader, action(), 'complete', 'FORBIDDEN'],
    ['a closed action stays closed', county, action({ status: 'done' }), 'complete', { code: 'INVALID_TRANSITION', params: { from: 'done' } }],
    ['one set aside too', county, action({ status: 'setAside' }), 'setAside', { code: 'INVALID_TRANSITION', params: { from: 'setAside' } }],
  ];
  for (const [name, a, facts, act, want] of rows) it(name, () => expect(fatalActionPolicy.check(a, facts, act)).toEqual(want));
});
