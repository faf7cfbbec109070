import type { Actor } from '../../kernel/actor.js';
import { ACTION_SIDE, type AssigneeAction, type AssigneeStatus, assigneeTransition, canRequestExtension } from './task.workflow.js';

export function isIssuer(actor: Actor, t: { issuerDepartmentId: string }): boolean {
  return !!actor.departmentId && actor.departmentId === t.issuerDepartmentId;
}

export function isAssigneeUnit(actor: Actor, a: { departmentId: string | null; enterpriseId: string | null }): boolean {
  return (!!a.departmentId && a.departmentId === actor.departmentId) || (!!a.enterpriseId && a.enterpriseId === actor.enterpriseId);
}

/** Whether the actor may take `action` on this assignee now: the right side, the right permission, a legal step. */
export function canAct(
  actor: Actor,
  t: { issuerDepartmentId: string },
  a: { status: string; departmentId: string | null; enterpriseId: string | null },
  action: AssigneeAction,
) {
  if (!assigneeTransition(a.status as AssigneeStatus, action)) return false;
  return ACTION_SIDE[action] === 'issuer'
    ? actor.permissions.has('task.issue') && isIssuer(actor, t)
    : actor.permissions.has('task.handle') && isAssigneeUnit(actor, a);
}

export function assigneeAbilities(
  actor: Actor,
  t: { issuerDepartmentId: string },
  a: { status: string; departmentId: string | null; enterpriseId: string | null },
  hasPendingExtension: boolean,
) {
  return {
    deploy: canAct(actor, t, a, 'deploy'),
    feedback: canAct(actor, t, a, 'feedback'),
    resolve: canAct(actor, t, a, 'resolve'),
    accept: canAct(actor, t, a, 'accept'),
    return: canAct(actor, t, a, 'return'),
    requestExtension:
      actor.permissions.has('task.handle') && isAssigneeUnit(actor, a) && canRequestExtension(a.status as AssigneeStatus) && !hasPendingExtension,
    decideExtension: actor.permissions.has('task.issue') && isIssuer(actor, t) && hasPendingExtension,
  };
}
