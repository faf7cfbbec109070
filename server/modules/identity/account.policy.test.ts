import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import type { Verdict } from '../../kernel/gate/gate.js';
import { Scope } from '../../kernel/scope/scope.js';
import { type AccountAction, type AccountTarget, accountPolicy, roleKindErrors, securitySettingsPolicy } from './account.policy.js';

const SYS = '11111111-1111-1111-1111-111111111111';
const SEC = '22222222-2222-2222-2222-222222222222';
const AUD = '33333333-3333-3333-3333-333333333333';
const BIZ = '44444444-4444-4444-4444-444444444444';
const person = (id: string, perms: Permission[]): Actor => ({ ...systemActor('t'), id, permissions: new Set(perms), scope: Scope.none() });
const systemAdmin = person(SYS, ['user.read', 'user.manage']);
const securityAdmin = person(SEC, ['user.read', 'role.read', 'role.assign', 'security.manage']);
const auditAdmin = person(AUD, ['audit.read', 'audit.verify']);
const business = person(BIZ, ['hazard.read']);
const operator = systemActor('cli');

const account = (id: string, over: Partial<AccountTarget> = {}): AccountTarget => ({ id, duty: null, resetPendingBy: null, ...over });
const biz = account(BIZ);
const pendingBySys = account(BIZ, { resetPendingBy: SYS });

describe('account policy (三权分立)', () => {
  const cases: [string, Actor, AccountTarget, AccountAction, Verdict][] = [
    ['the system admin creates an account', systemAdmin, account(''), 'create', null],
    ['the security admin creates none', securityAdmin, account(''), 'create', 'FORBIDDEN'],
    ['the system admin disables a business account', systemAdmin, biz, 'disable', null],
    ['the system admin enables it again', systemAdmin, biz, 'enable', null],
    ['the audit admin disables nothing', auditAdmin, biz, 'disable', 'FORBIDDEN'],
    ['not on an administrator account (a peer)', systemAdmin, account(SEC, { duty: 'security' }), 'disable', 'ADMIN_ACCOUNT'],
    ['not on their own account', systemAdmin, account(SYS, { duty: 'system' }), 'disable', 'OWN_ACCOUNT'],
    ['the system admin resets a password (half A)', systemAdmin, biz, 'resetPassword', null],
    ['the security admin resets none', securityAdmin, biz, 'resetPassword', 'FORBIDDEN'],
    ['the security admin releases half B', securityAdmin, pendingBySys, 'releasePassword', null],
    ['no half B without a pending reset', securityAdmin, biz, 'releasePassword', 'NO_PASSWORD_RESET_PENDING'],
    ['never the one who drew half A', person(SYS, ['security.manage']), pendingBySys, 'releasePassword', 'PASSWORD_HALVES_ONE_PERSON'],
    ['the system admin releases nothing', systemAdmin, pendingBySys, 'releasePassword', 'FORBIDDEN'],
    ['no administrator sets a whole password', systemAdmin, biz, 'setPassword', 'FORBIDDEN'],
    ['the host operator sets one', operator, biz, 'setPassword', null],
    ['the host operator acts on an administrator account', operator, account(SEC, { duty: 'security' }), 'disable', null],
    ['the security admin unlocks', securityAdmin, biz, 'unlock', null],
    ['the system admin unlocks nothing', systemAdmin, biz, 'unlock', 'FORBIDDEN'],
    ['the security admin grants roles', securityAdmin, biz, 'setRoles', null],
    ['not to themself', securityAdmin, account(SEC, { duty: 'security' }), 'setRoles', 'OWN_ACCOUNT'],
    ['not to another administrator', securityAdmin, account(AUD, { duty: 'audit' }), 'setRoles', 'ADMIN_ACCOUNT'],
    ['a user changes their own password', business, biz, 'changeOwnPassword', null],
    ["nobody changes another's own password", systemAdmin, biz, 'changeOwnPassword', 'FORBIDDEN'],
    ['a user signs out and sets their language', business, biz, 'updateOwn', null],
    ["not another's", securityAdmin, biz, 'updateOwn', 'FORBIDDEN'],
  ];
  for (const [name, a, target, action, want] of cases) it(name, () => expect(accountPolicy.check(a, target, action)).toEqual(want));
});

describe('security settings policy', () => {
  const cases: [string, Actor, Verdict][] = [
    ['the security admin configures', securityAdmin, null],
    ['the system admin does not', systemAdmin, 'FORBIDDEN'],
    ['the audit admin does not', auditAdmin, 'FORBIDDEN'],
  ];
  for (const [name, a, want] of cases) it(name, () => expect(securitySettingsPolicy.check(a, {}, 'configure')).toBe(want));
});

describe('roles fit the account kind', () => {
  it('a regulator role on an enterprise account is named', () =>
    expect(roleKindErrors('enterprise', ['regulator-admin'])).toEqual([{ field: 'roles', code: 'role.kind', params: { role: 'regulator-admin' } }]));
  it('fitting roles pass', () => expect(roleKindErrors('government', ['regulator', 'regulator-admin'])).toEqual([]));
  it('an unknown role fits nothing', () => expect(roleKindErrors('platform', ['made-up'])).toHaveLength(1));
});
