import type { Actor } from '../../kernel/actor.js';
import {
  ACTION_SIDE,
  canFilePlan,
  canReassign,
  HAZARD_ACTIONS,
  type HazardAction,
  type HazardGrade,
  type HazardStatus,
  hazardTransition,
  OPEN_STATUSES,
} from './hazard.workflow.js';

/** What the policy needs of a hazard (already known to be in the actor's scope). */
export interface HazardFacts {
  enterpriseId: string;
  status: string;
  grade: string | null;
  source: string;
  plan: unknown;
  submittedBy: string | null;
  rectifierUserId: string | null;
}

/** The enterprise's own safety staff. */
export function isEnterpriseSide(actor: Actor, h: Pick<HazardFacts, 'enterpriseId'>): boolean {
  return actor.permissions.has('hazard.handle') && actor.enterpriseId === h.enterpriseId;
}

/** A supervising department (the hazard is in its scope, or it would not be loaded). */
export function isRegulatorSide(actor: Actor): boolean {
  return actor.permissions.has('hazard.supervise') && !!actor.departmentId;
}

/** Why a legal transition is still refused for this actor, or null when it is allowed. */
export type Refusal = 'FORBIDDEN' | 'HAZARD_PLAN_REQUIRED' | 'VERIFIER_IS_RECTIFIER';

export function refusal(actor: Actor, h: HazardFacts, action: HazardAction): Refusal | null {
  const ent = isEnterpriseSide(actor, h);
  const reg = isRegulatorSide(actor);
  const side = ACTION_SIDE[action];
  // A regulator verifies (复查) only what it found on inspection; the enterprise verifies its own findings.
  const verifySide = ent || (reg && h.source === 'inspection');
  const allowed =
    action === 'verify' || (action === 'return' && h.status === 'submitted')
      ? verifySide
      : action === 'return'
        ? reg
        : side === 'enterprise'
          ? ent
          : side === 'regulator'
            ? reg
            : ent || reg;
  if (!allowed) return 'FORBIDDEN';
  if (action === 'rectify' && h.grade === 'major' && !h.plan) return 'HAZARD_PLAN_REQUIRED';
  // Evidence you can trust: the verifier is not the person who did or handed in the work.
  if ((action === 'verify' || (action === 'return' && h.status === 'submitted')) && (actor.id === h.submittedBy || actor.id === h.rectifierUserId)) {
    return 'VERIFIER_IS_RECTIFIER';
  }
  return null;
}

export function canAct(actor: Actor, h: HazardFacts, action: HazardAction): boolean {
  return !!hazardTransition(h.status as HazardStatus, action, h.grade as HazardGrade | null) && refusal(actor, h, action) === null;
}

/** The buttons the UI may show (architecture.md §4.6), decided here once. */
export function hazardAbilities(actor: Actor, h: HazardFacts, ctx: { hasOpenListingOfActor: boolean }) {
  const status = h.status as HazardStatus;
  const ent = isEnterpriseSide(actor, h);
  const reg = isRegulatorSide(actor);
  const open = OPEN_STATUSES.includes(status);
  const actions = Object.fromEntries(HAZARD_ACTIONS.map((a) => [a, canAct(actor, h, a)])) as Record<HazardAction, boolean>;
  return {
    ...actions,
    filePlan: ent && canFilePlan(status, h.grade as HazardGrade | null),
    assign: ent && canReassign(status),
    extend: (ent || reg) && canReassign(status),
    escalate: reg && open && status !== 'reported',
    list: reg && h.grade === 'major' && open && !ctx.hasOpenListingOfActor,
    closeListing: reg && ctx.hasOpenListingOfActor && status === 'closed',
  };
}
export type HazardAbilities = ReturnType<typeof hazardAbilities>;
