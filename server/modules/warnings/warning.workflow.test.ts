import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import { warningAbilities } from './warning.policy.js';
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

describe('warning abilities', () => {
  const gov = (path: string, perms: Permission[] = ['warning.read', 'warning.issue']) => ({
    permissions: new Set(perms),
    scope: { kind: 'government' as const, regionPath: path },
    enterpriseId: null,
  });
  const ent = {
    permissions: new Set<Permission>(['warning.read', 'warning.confirm']),
    scope: { kind: 'enterprise' as const, enterpriseId: 'e1' },
    enterpriseId: 'e1',
  };
  const issued = { state: 'active' as const, source: 'issued', regionPath: '/c/county/' };

  it.each([
    ['the issuing county', gov('/c/county/'), true],
    ['the city above', gov('/c/'), true],
    ['a sibling county', gov('/c/other/'), false],
    ['a reader without warning.issue', gov('/c/', ['warning.read']), false],
  ])('%s may update and cancel: %s', (_n, actor, allowed) => {
    const a = warningAbilities(actor, issued);
    expect(a.update).toBe(allowed);
    expect(a.cancel).toBe(allowed);
  });

  it('nothing on a cancelled or expired warning; imported ones are cancelled, not updated', () => {
    expect(warningAbilities(gov('/c/'), { ...issued, state: 'cancelled' })).toMatchObject({ update: false, cancel: false });
    expect(warningAbilities(gov('/c/'), { ...issued, state: 'expired' })).toMatchObject({ update: false, cancel: false });
    expect(warningAbilities(gov('/c/other/'), { state: 'active', source: 'imported', regionPath: null })).toMatchObject({ update: false, cancel: true });
  });

  it('an enterprise confirms only its own unconfirmed target', () => {
    expect(warningAbilities(ent, issued, { enterpriseId: 'e1', status: 'sent' }).confirm).toBe(true);
    expect(warningAbilities(ent, issued, { enterpriseId: 'e1', status: 'confirmed' }).confirm).toBe(false);
    expect(warningAbilities(ent, issued, { enterpriseId: 'e2', status: 'sent' }).confirm).toBe(false);
    expect(warningAbilities(ent, issued).update).toBe(false);
  });
});
