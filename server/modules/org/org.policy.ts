import type { EnterpriseStatusAction } from '../../../common/contracts/org.js';
import type { EnterpriseStatus } from '../../../common/industries.js';
import type { Actor } from '../../kernel/actor.js';
import { definePolicy, invalidTransition, type Verdict } from '../../kernel/gate/gate.js';
import { isRegulatorScope, scopeCoversRegion } from '../../kernel/scope/scope.js';
import { nextEnterpriseStatus } from './org.workflow.js';

/** Fields only a regulator may change: they decide who supervises the enterprise and how strictly. */
export const REGULATOR_ONLY_FIELDS = [
  'uscc',
  'regionCode',
  'industry',
  'supervisionClass',
  'isGroup',
  'groupId',
  'standardizationGrade',
  'standardizationExpiry',
] as const;

export type EnterpriseAction =
  | 'create'
  | 'update'
  /** Changing any of REGULATOR_ONLY_FIELDS (who supervises the enterprise and how strictly). */
  | 'updateSupervision'
  | EnterpriseStatusAction
  | 'assign'
  /** 取消安全生产标准化等级 (e.g. after a fatal accident). */
  | 'revokeStandardization';

const STATUS_ACTIONS: readonly string[] = ['suspend', 'resume', 'close'] satisfies EnterpriseStatusAction[];

/**
 * The enterprise's object policy (kernel/gate): the UI's abilities and the commands ask the same check.
 * `create` is asked with the new enterprise's facts (its region path); every other action with a row
 * already known to be in the actor's scope.
 */
export const enterprisePolicy = definePolicy<{ status: string; regionPath: string }, EnterpriseAction>(
  'enterprise',
  ['create', 'update', 'updateSupervision', 'suspend', 'resume', 'close', 'assign', 'revokeStandardization'],
  (actor: Actor, e, action): Verdict => {
    const can = (p: Parameters<Actor['permissions']['has']>[0]) => actor.permissions.has(p);
    // Supervision decisions are a regulator's: an enterprise or group keeps only its own contact data current.
    const regulator = isRegulatorScope(actor.scope);
    if (action === 'create') return scopeCoversRegion(actor.scope, e.regionPath) ? null : 'FORBIDDEN';
    if (action === 'update') return can('enterprise.update') && e.status !== 'closed' ? null : 'FORBIDDEN';
    if (action === 'updateSupervision') return can('enterprise.update') && regulator && e.status !== 'closed' ? null : 'FORBIDDEN';
    if (action === 'assign') return can('supervision.assign') ? null : 'FORBIDDEN';
    if (action === 'revokeStandardization') return can('enterprise.update') && regulator ? null : 'FORBIDDEN';
    if (STATUS_ACTIONS.includes(action)) {
      if (!nextEnterpriseStatus(e.status as EnterpriseStatus, action as EnterpriseStatusAction)) return invalidTransition(e.status);
      return can('enterprise.changeStatus') && regulator ? null : 'FORBIDDEN';
    }
    return 'FORBIDDEN';
  },
);

/** What the actor may do to an enterprise already known to be in scope (the UI shows exactly these). */
export function enterpriseAbilities(actor: Actor, e: { status: string; regionPath: string }) {
  const ok = (a: EnterpriseAction) => enterprisePolicy.check(actor, e, a) === null;
  return { update: ok('update'), suspend: ok('suspend'), resume: ok('resume'), close: ok('close'), assign: ok('assign') };
}

/**
 * Region boundaries are reference data of the whole platform: only `org.manage` (the system administrator, who
 * maintains regions and departments) imports them; no scope is involved, as a boundary belongs to no unit.
 */
export const regionBoundaryPolicy = definePolicy<Record<string, never>, 'import'>('regionBoundary', ['import'], (actor) =>
  actor.permissions.has('org.manage') ? null : 'FORBIDDEN',
);
