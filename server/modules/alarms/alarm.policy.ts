import type { Actor } from '../../kernel/actor.js';
import { definePolicy } from '../../kernel/gate/gate.js';
import { isTopGovernment } from '../../kernel/scope/scope.js';
import { type AlarmStatus, type AlarmUserAction, alarmTransition, USER_ACTIONS } from './alarm.workflow.js';

/** What the policy needs of an alarm (already known to be in the actor's scope). */
export interface AlarmFacts {
  enterpriseId: string;
  status: string;
  active: boolean;
  classification: string | null;
  hazardId: string | null;
  taskId: string | null;
}

/**
 * Who does what (documented choice):
 * - the enterprise (alarm.handle, its own alarms) acknowledges and files the disposal feedback
 *   (分析研判 / 核查反馈): it runs the plant and knows why the alarm came;
 * - a supervising unit (alarm.supervise) shelves, unshelves, takes out of service and returns to
 *   service: suppressing an alarm hides it from the regulators too, so the enterprise cannot silence
 *   its own alarms; it asks for it through the feedback (plannedWork, equipmentFault), or for a whole
 *   sensor through a 放宽/停用 request (monitoring). Shelving is capped by the city's disposal limit
 *   (maxShelveHours): beyond it no one may shelve, and every shelving tells the enterprise and the
 *   supervising departments, with the reason;
 * - either side closes a cleared alarm once the feedback is filed;
 * - either side turns a real (or not yet classified) alarm into a hazard (with hazard.report); a
 *   supervising department turns it into a 督办 task (task.issue), e.g. for an unhandled alarm.
 */
export function isEnterpriseSide(actor: Actor, a: Pick<AlarmFacts, 'enterpriseId'>): boolean {
  return actor.permissions.has('alarm.handle') && actor.enterpriseId === a.enterpriseId;
}

export function isRegulatorSide(actor: Actor): boolean {
  return actor.permissions.has('alarm.supervise') && !!actor.departmentId;
}

export type Refusal = 'FORBIDDEN' | 'ALARM_FEEDBACK_REQUIRED' | 'ALARM_NOT_REAL' | 'ALARM_ALREADY_LINKED';

const NOT_REAL = ['false', 'plannedWork', 'equipmentFault'];

export function refusal(actor: Actor, a: AlarmFacts, action: AlarmUserAction): Refusal | null {
  const ent = isEnterpriseSide(actor, a);
  const reg = isRegulatorSide(actor);
  switch (action) {
    case 'ack':
    case 'feedback':
      return ent ? null : 'FORBIDDEN';
    case 'shelve':
    case 'unshelve':
    case 'outOfService':
    case 'returnToService':
      return reg ? null : 'FORBIDDEN';
    case 'close':
      if (!ent && !reg) return 'FORBIDDEN';
      return a.classification ? null : 'ALARM_FEEDBACK_REQUIRED';
    case 'toHazard':
      if (!(ent || reg) || !actor.permissions.has('hazard.report')) return 'FORBIDDEN';
      if (a.hazardId) return 'ALARM_ALREADY_LINKED';
      return a.classification && NOT_REAL.includes(a.classification) ? 'ALARM_NOT_REAL' : null;
    case 'toTask':
      if (!reg || !actor.permissions.has('task.issue')) return 'FORBIDDEN';
      if (a.taskId) return 'ALARM_ALREADY_LINKED';
      return a.classification && NOT_REAL.includes(a.classification) ? 'ALARM_NOT_REAL' : null;
  }
}

/** The gate's policy for alarm steps: who may (the transition table is asked after it, for its 409 with the state). */
export const alarmPolicy = definePolicy<AlarmFacts, AlarmUserAction>('alarm', USER_ACTIONS, refusal);

export function canAct(actor: Actor, a: AlarmFacts, action: AlarmUserAction): boolean {
  return !!alarmTransition(a.status as AlarmStatus, action, a.active) && refusal(actor, a, action) === null;
}

/** The buttons the UI may show (architecture.md §4.6), decided here once. */
export function alarmAbilities(actor: Actor, a: AlarmFacts): Record<AlarmUserAction, boolean> {
  return Object.fromEntries(USER_ACTIONS.map((x) => [x, canAct(actor, a, x)])) as Record<AlarmUserAction, boolean>;
}

/**
 * The disposal time limits apply to every enterprise on the platform, so only the government at the
 * top of the region tree (the city's emergency-management bureau) sets them (alarm.configure); county
 * bureaus see them read-only.
 */
export function canConfigureDisposal(actor: Actor): boolean {
  return actor.permissions.has('alarm.configure') && isTopGovernment(actor.scope);
}

export const disposalPolicy = definePolicy<unknown, 'configure'>('alarm_disposal', ['configure'], (actor) =>
  canConfigureDisposal(actor) ? null : 'FORBIDDEN',
);
