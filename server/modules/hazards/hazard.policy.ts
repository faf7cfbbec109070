import type { Actor } from '../../kernel/actor.js';
import { definePolicy, type Verdict } from '../../kernel/gate/gate.js';
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

/** The hazard's other acts: 治理方案, bulk assign/extend/escalate, 挂牌督办 and 摘牌; `report` for a new hazard. */
export type HazardPolicyAction = HazardAction | 'report' | 'filePlan' | 'assign' | 'extend' | 'escalate' | 'list' | 'closeListing';

/** A hazard as its policy sees it, with whether the actor's department holds an open listing of it. */
export interface HazardPolicyFacts extends HazardFacts {
  hasOpenListingOfActor?: boolean;
}

const refuseStep = (status: string, action: string): Verdict => ({
  code: 'INVALID_TRANSITION',
  params: { from: `hazard.${status}`, action: `hazard.${action}` },
});

/**
 * The hazard's policy (kernel/gate): the workflow steps (a legal step, then `refusal`), and the acts around them.
 * The commands load through `loadFor` with it; the UI's abilities are its answers.
 */
export const hazardPolicy = definePolicy<HazardPolicyFacts, HazardPolicyAction>(
  'hazard',
  [...HAZARD_ACTIONS, 'report', 'filePlan', 'assign', 'extend', 'escalate', 'list', 'closeListing'],
  (actor: Actor, h, action): Verdict => {
    const status = h.status as HazardStatus;
    const grade = h.grade as HazardGrade | null;
    const ent = isEnterpriseSide(actor, h);
    const reg = isRegulatorSide(actor);
    const open = OPEN_STATUSES.includes(status);
    switch (action) {
      case 'report':
        // Anyone holding hazard.report may report on an enterprise its scope holds (the command loads it through the scope).
        return actor.permissions.has('hazard.report') ? null : 'FORBIDDEN';
      case 'filePlan':
        if (grade !== 'major') return { code: 'HAZARD_NOT_MAJOR', params: { action: 'hazard.plan' } };
        if (!canFilePlan(status, grade)) return refuseStep(status, 'plan');
        return ent ? null : 'FORBIDDEN';
      case 'assign':
        if (!ent) return 'FORBIDDEN';
        return canReassign(status) ? null : refuseStep(status, action);
      case 'extend':
        if (!ent && !reg) return 'FORBIDDEN';
        return canReassign(status) ? null : refuseStep(status, action);
      case 'escalate':
        if (!reg) return 'FORBIDDEN';
        return open && status !== 'reported' ? null : refuseStep(status, action);
      case 'list':
        if (!reg) return 'FORBIDDEN';
        if (grade !== 'major') return { code: 'HAZARD_NOT_MAJOR', params: { action: 'hazard.list' } };
        if (!open) return refuseStep(status, action);
        return h.hasOpenListingOfActor ? 'LISTING_EXISTS' : null;
      case 'closeListing':
        if (!reg) return 'FORBIDDEN';
        if (!h.hasOpenListingOfActor) return 'NOT_FOUND';
        return status === 'closed' ? null : { code: 'LISTING_HAZARD_OPEN', params: { from: `hazard.${status}` } };
      default:
        if (!hazardTransition(status, action, grade)) return refuseStep(status, action);
        return refusal(actor, h, action);
    }
  },
);

/** The buttons the UI may show (architecture.md §4.6): the hazard policy's answers. */
export function hazardAbilities(actor: Actor, h: HazardFacts, ctx: { hasOpenListingOfActor: boolean }) {
  const facts = { ...h, ...ctx };
  const ok = (a: HazardPolicyAction) => hazardPolicy.check(actor, facts, a) === null;
  const actions = Object.fromEntries(HAZARD_ACTIONS.map((a) => [a, ok(a)])) as Record<HazardAction, boolean>;
  return {
    ...actions,
    filePlan: ok('filePlan'),
    assign: ok('assign'),
    extend: ok('extend'),
    escalate: ok('escalate'),
    list: ok('list'),
    closeListing: ok('closeListing'),
  };
}
export type HazardAbilities = ReturnType<typeof hazardAbilities>;

/** 制度措施清单 / 追责问责清单 entries: the department that keeps an entry creates, edits and deletes it; others in scope read. */
export const listEntryPolicy = definePolicy<{ departmentId: string }, 'create' | 'update' | 'delete'>(
  'hazard_list_entry',
  ['create', 'update', 'delete'],
  (actor: Actor, e): Verdict => (e.departmentId === actor.departmentId ? null : 'FORBIDDEN'),
);

/** 隐患排查治理统计分析表 (安监总局令第16号 第十四条): the enterprise's own safety staff submit its table. */
export const statsReportPolicy = definePolicy<{ enterpriseId: string }, 'submit'>(
  'hazard_stats',
  ['submit'],
  (actor: Actor, r): Verdict => (isEnterpriseSide(actor, r) ? null : 'FORBIDDEN'),
);
