import type { Actor } from '../../kernel/actor.js';
import { type AccidentStatus, accidentTransition } from './accident.workflow.js';

/** What the actor may do to an accident in scope; the UI shows exactly these buttons. */
export function accidentAbilities(actor: Actor, a: { status: string; published: boolean }) {
  const s = a.status as AccidentStatus;
  const manage = actor.permissions.has('accident.manage');
  return {
    supplement: actor.permissions.has('accident.report') && accidentTransition(s, 'supplement') !== null,
    startInvestigation: manage && accidentTransition(s, 'startInvestigation') !== null,
    extendInvestigation: manage && accidentTransition(s, 'extendInvestigation') !== null,
    recordAppraisal: manage && accidentTransition(s, 'recordAppraisal') !== null,
    submitReport: manage && accidentTransition(s, 'submitReport') !== null,
    reply: manage && accidentTransition(s, 'reply') !== null,
    publish: actor.permissions.has('accident.publish') && !a.published && accidentTransition(s, 'publish') !== null,
    report: manage,
  };
}
