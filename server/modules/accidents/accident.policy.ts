import type { Actor } from '../../kernel/actor.js';
import { type AccidentStatus, accidentTransition } from './accident.workflow.js';

/**
 * Whether the actor's government leads the investigation (Art. 19: 一般 → county, 较大 → city; 重大 and
 * above are the province's and the State Council's, recorded here by the city), or is above it and may
 * take it over (Art. 20).
 */
export function leadsInvestigation(actor: Actor, a: { grade: number; regionPath: string }): boolean {
  if (actor.scope.kind === 'system') return true;
  if (actor.scope.kind !== 'government') return false;
  const [city, county] = a.regionPath.split('/').filter(Boolean);
  const cityPath = `/${city}/`;
  if (a.grade === 4) return actor.scope.regionPath === `${cityPath}${county}/` || actor.scope.regionPath === cityPath;
  return actor.scope.regionPath === cityPath;
}

/** What the actor may do to an accident in scope; the UI shows exactly these buttons. */
export function accidentAbilities(actor: Actor, a: { status: string; published: boolean; grade: number; regionPath: string }) {
  const s = a.status as AccidentStatus;
  const manage = actor.permissions.has('accident.manage') && leadsInvestigation(actor, a);
  return {
    supplement: actor.permissions.has('accident.report') && accidentTransition(s, 'supplement') !== null,
    startInvestigation: manage && accidentTransition(s, 'startInvestigation') !== null,
    extendInvestigation: manage && accidentTransition(s, 'extendInvestigation') !== null,
    recordAppraisal: manage && accidentTransition(s, 'recordAppraisal') !== null,
    submitReport: manage && accidentTransition(s, 'submitReport') !== null,
    reply: manage && accidentTransition(s, 'reply') !== null,
    publish: actor.permissions.has('accident.publish') && !a.published && accidentTransition(s, 'publish') !== null,
    report: actor.permissions.has('accident.manage'),
  };
}

/**
 * Who reports to a link of the chain (Art. 9–10): the county to the city and to the parallel bodies,
 * the city to the province and (recording the province's report) to the State Council. A county may
 * report past the city only as 越级上报, with a reason.
 */
export function reportRole(actor: Actor, a: { regionPath: string }, recipient: string): 'normal' | 'skip' | null {
  if (!actor.permissions.has('accident.manage')) return null;
  if (actor.scope.kind === 'system') return 'normal';
  if (actor.scope.kind !== 'government') return null;
  const [city, county] = a.regionPath.split('/').filter(Boolean);
  const level = actor.scope.regionPath === `/${city}/${county}/` ? 'county' : actor.scope.regionPath === `/${city}/` ? 'city' : null;
  if (!level) return null;
  switch (recipient) {
    case 'city':
      return level === 'county' ? 'normal' : null;
    case 'province':
    case 'stateCouncil':
      return level === 'city' ? 'normal' : 'skip';
    case 'police':
    case 'labour':
    case 'tradeUnion':
    case 'procuratorate':
      return 'normal';
    default:
      return null; // the county link is reported by the unit's 快报
  }
}
