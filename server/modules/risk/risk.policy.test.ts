import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import type { Verdict } from '../../kernel/gate/gate.js';
import type { Scope } from '../../kernel/scope/scope.js';
import {
  majorHazardAbilities,
  reportAbilities,
  riskPointAbilities,
  riskRecordPolicy,
  riskReportPolicy,
  riskRulesPolicy,
  tailingsPondAbilities,
} from './risk.policy.js';

const ENT = '11111111-1111-1111-1111-111111111111';
const OTHER = '22222222-2222-2222-2222-222222222222';
const DEPT = 'dddddddd-dddd-dddd-dddd-dddddddddddd';

const actor = (kind: Actor['kind'], perms: Permission[], scope: Scope, unit: { enterpriseId?: string; departmentId?: string } = {}): Actor => ({
  ...systemActor('t'),
  kind,
  permissions: new Set(perms),
  scope,
  enterpriseId: unit.enterpriseId ?? null,
  departmentId: unit.departmentId ?? null,
});

const enterpriseManager = actor('enterprise', ['risk.read', 'risk.manage'], { kind: 'enterprise', enterpriseId: ENT }, { enterpriseId: ENT });
const enterpriseReader = actor('enterprise', ['risk.read'], { kind: 'enterprise', enterpriseId: ENT }, { enterpriseId: ENT });
const countyBureau = actor('government', ['risk.read', 'risk.export'], { kind: 'government', regionPath: '/140500/140525/' }, { departmentId: DEPT });
/** A custom regulator role holding risk.manage: records for enterprises in its scope (the repository checked the scope). */
const regulatorManager = actor('government', ['risk.read', 'risk.manage'], { kind: 'government', regionPath: '/140500/140525/' }, { departmentId: DEPT });
const platformManager = actor('platform', ['risk.read', 'risk.manage'], { kind: 'platform' });
const cityConfigurer = actor('government', ['risk.read', 'risk.configure'], { kind: 'government', regionPath: '/140500/' }, { departmentId: DEPT });
const countyConfigurer = actor('government', ['risk.read', 'risk.configure'], { kind: 'government', regionPath: '/140500/140525/' }, { departmentId: DEPT });
const cityReader = actor('government', ['risk.read'], { kind: 'government', regionPath: '/140500/' }, { departmentId: DEPT });

describe('risk record policy (risk points, installations, ponds): create, edit, review', () => {
  const rows: [string, Actor, string, 'create' | 'edit' | 'review', Verdict][] = [
    ['the enterprise records its own', enterpriseManager, ENT, 'create', null],
    ['the enterprise edits its own', enterpriseManager, ENT, 'edit', null],
    ['the enterprise reviews its own', enterpriseManager, ENT, 'review', null],
    ['not another enterprise’s', enterpriseManager, OTHER, 'edit', 'FORBIDDEN'],
    ['not without risk.manage', enterpriseReader, ENT, 'create', 'FORBIDDEN'],
    ['a bureau that only reads records nothing', countyBureau, ENT, 'create', 'FORBIDDEN'],
    ['a regulator role with risk.manage records for an enterprise in scope', regulatorManager, ENT, 'create', null],
    ['and reviews it', regulatorManager, OTHER, 'review', null],
    ['a platform account records for no enterprise', platformManager, ENT, 'create', 'FORBIDDEN'],
  ];
  for (const [name, a, enterpriseId, action, want] of rows) it(name, () => expect(riskRecordPolicy.check(a, { enterpriseId }, action)).toBe(want));

  it('abilities are the policy’s answers', () => {
    expect(riskPointAbilities(enterpriseManager, { enterpriseId: ENT })).toEqual({ edit: true, review: true });
    expect(riskPointAbilities(enterpriseManager, { enterpriseId: OTHER })).toEqual({ edit: false, review: false });
    expect(majorHazardAbilities(countyBureau, { enterpriseId: ENT })).toEqual({ edit: false });
    expect(tailingsPondAbilities(regulatorManager, { enterpriseId: ENT })).toEqual({ edit: true });
  });
});

describe('重大风险 report receipts: markRead', () => {
  const unread = { departmentId: DEPT, readAt: null };
  const read = { departmentId: DEPT, readAt: new Date('2026-12-01T02:00:00Z') };
  const rows: [string, Actor, { departmentId: string; readAt: Date | null }[], Verdict, boolean][] = [
    ['an addressed department records its receipt', countyBureau, [unread], null, true],
    ['reading again is allowed but offers no button', countyBureau, [read], null, false],
    ['a department not addressed may not', countyBureau, [{ departmentId: 'other', readAt: null }], 'FORBIDDEN', false],
    ['the enterprise itself is not an addressee', enterpriseManager, [unread], 'FORBIDDEN', false],
  ];
  for (const [name, a, recipients, want, button] of rows)
    it(name, () => {
      const mine = a.departmentId ? recipients.find((r) => r.departmentId === a.departmentId) : undefined;
      expect(riskReportPolicy.check(a, { mine }, 'markRead')).toBe(want);
      expect(reportAbilities(a, recipients)).toEqual({ markRead: button });
    });
});

describe('platform-wide rules (risk bands, 尾矿库等别 limits): configure', () => {
  const rows: [string, Actor, Verdict][] = [
    ['the city at the top of the region tree with risk.configure', cityConfigurer, null],
    ['a county with risk.configure reads them only', countyConfigurer, 'FORBIDDEN'],
    ['the city without risk.configure', cityReader, 'FORBIDDEN'],
    ['an enterprise', enterpriseManager, 'FORBIDDEN'],
  ];
  for (const [name, a, want] of rows) it(name, () => expect(riskRulesPolicy.check(a, undefined, 'configure')).toBe(want));
});
