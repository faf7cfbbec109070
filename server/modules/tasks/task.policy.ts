import type { Actor } from '../../kernel/actor.js';
import { definePolicy, invalidTransition, type Verdict } from '../../kernel/gate/gate.js';
import { scopeCoversRegion } from '../../kernel/scope/scope.js';
import { ACTION_SIDE, type AssigneeAction, type AssigneeStatus, assigneeTransition, canRequestExtension } from './task.workflow.js';

export function isIssuer(actor: Actor, t: { issuerDepartmentId: string }): boolean {
  return !!actor.departmentId && actor.departmentId === t.issuerDepartmentId;
}

export function isAssigneeUnit(actor: Actor, a: { departmentId: string | null; enterpriseId: string | null }): boolean {
  return (!!a.departmentId && a.departmentId === actor.departmentId) || (!!a.enterpriseId && a.enterpriseId === actor.enterpriseId);
}

/** One assignee of a task as its policy sees it: the task's issuer, the unit's step and whether an extension waits. */
export interface AssigneeFacts {
  task: { issuerDepartmentId: string };
  assignee: { status: string; departmentId: string | null; enterpriseId: string | null };
  pendingExtension: boolean;
}

export type AssigneePolicyAction = AssigneeAction | 'requestExtension' | 'approveExtension' | 'refuseExtension';

/**
 * The assignee's policy (kernel/gate): each step is the right side's (the issuer accepts or returns, the assignee unit
 * deploys, reports and resolves), with that side's permission, and legal from the current step (409 otherwise).
 * Extensions: asked by the assignee unit before hand-in, one at a time; decided by the issuer.
 */
export const assigneePolicy = definePolicy<AssigneeFacts, AssigneePolicyAction>(
  'task',
  ['deploy', 'feedback', 'resolve', 'accept', 'return', 'requestExtension', 'approveExtension', 'refuseExtension'],
  (actor: Actor, { task, assignee, pendingExtension }, action): Verdict => {
    const issuer = actor.permissions.has('task.issue') && isIssuer(actor, task);
    const unit = actor.permissions.has('task.handle') && isAssigneeUnit(actor, assignee);
    const status = assignee.status as AssigneeStatus;
    if (action === 'requestExtension') {
      if (!unit) return 'FORBIDDEN';
      if (pendingExtension) return 'CONFLICT';
      return canRequestExtension(status) ? null : 'FORBIDDEN';
    }
    if (action === 'approveExtension' || action === 'refuseExtension') {
      if (!pendingExtension) return invalidTransition('none');
      // Once the work is handed in, a later due date means nothing: the request can only lapse (be refused).
      if (action === 'approveExtension' && !canRequestExtension(status)) return invalidTransition(status);
      return issuer ? null : 'FORBIDDEN';
    }
    if (!assigneeTransition(status, action)) return invalidTransition(status);
    return (ACTION_SIDE[action] === 'issuer' ? issuer : unit) ? null : 'FORBIDDEN';
  },
);

/** 交办: the issuer is the actor's own department, and every addressed unit lies in its jurisdiction. */
export const taskPolicy = definePolicy<{ issuerDepartmentId: string; units: { regionPath: string }[] }, 'issue'>(
  'task',
  ['issue'],
  (actor: Actor, t): Verdict =>
    actor.permissions.has('task.issue') && isIssuer(actor, t) && t.units.every((u) => scopeCoversRegion(actor.scope, u.regionPath)) ? null : 'FORBIDDEN',
);

/** Whether the actor may take `action` on this assignee now: the same answer the gate gives. */
export function canAct(actor: Actor, facts: AssigneeFacts, action: AssigneePolicyAction): boolean {
  return assigneePolicy.check(actor, facts, action) === null;
}

/** The UI's buttons per assignee: the assignee policy's answers. */
export function assigneeAbilities(actor: Actor, facts: AssigneeFacts) {
  return {
    deploy: canAct(actor, facts, 'deploy'),
    feedback: canAct(actor, facts, 'feedback'),
    resolve: canAct(actor, facts, 'resolve'),
    accept: canAct(actor, facts, 'accept'),
    return: canAct(actor, facts, 'return'),
    requestExtension: canAct(actor, facts, 'requestExtension'),
    // Refusing is possible whenever approving is (and also after hand-in): the decision buttons show with it.
    decideExtension: canAct(actor, facts, 'refuseExtension'),
  };
}
