import type { EnterpriseStatus } from '../../../common/industries.js';
import type { Actor } from '../../kernel/actor.js';
import { nextEnterpriseStatus } from './org.workflow.js';

/** What the actor may do to an enterprise already known to be in scope (the UI shows exactly these). */
export function enterpriseAbilities(actor: Actor, e: { status: string }) {
  const status = e.status as EnterpriseStatus;
  const can = (p: Parameters<Actor['permissions']['has']>[0]) => actor.permissions.has(p);
  const change = can('enterprise.changeStatus') && actor.kind !== 'enterprise' && actor.kind !== 'group';
  return {
    update: can('enterprise.update') && status !== 'closed',
    suspend: change && nextEnterpriseStatus(status, 'suspend') !== null,
    resume: change && nextEnterpriseStatus(status, 'resume') !== null,
    close: change && nextEnterpriseStatus(status, 'close') !== null,
    assign: can('supervision.assign'),
  };
}

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
