import type { ChainRecipient } from '../../../common/contracts/accidents.js';
import type { Actor } from '../../kernel/actor.js';
import { definePolicy, invalidTransition, type Verdict } from '../../kernel/gate/gate.js';
import { isGovernmentScope, isSystemScope, scopeCoversRegion, scopeEnterpriseId, scopeGroupId, scopeRegionPath } from '../../kernel/scope/scope.js';
import { type AccidentAction, type AccidentStatus, accidentTransition } from './accident.workflow.js';

/** The government unit level the actor stands on for this accident's place: its county's, its city's, or neither. */
function governmentLevel(actor: Actor, regionPath: string): 'county' | 'city' | null {
  if (!isGovernmentScope(actor.scope)) return null;
  const [city, county] = regionPath.split('/').filter(Boolean);
  const mine = scopeRegionPath(actor.scope);
  if (mine === `/${city}/${county}/`) return 'county';
  if (mine === `/${city}/`) return 'city';
  return null;
}

/**
 * Whether the actor's government leads the investigation (Art. 19: 一般 → county, 较大 → city; 重大 and
 * above are the province's and the State Council's, recorded here by the city), or is above it and may
 * take it over (Art. 20).
 */
export function leadsInvestigation(actor: Actor, a: { grade: number; regionPath: string }): boolean {
  if (isSystemScope(actor.scope)) return true;
  const level = governmentLevel(actor, a.regionPath);
  return level === 'city' || (a.grade === 4 && level === 'county');
}

/**
 * Who reports to a link of the chain (Art. 9–10): the county to the city and to the parallel bodies,
 * the city to the province and (recording the province's report) to the State Council. A county may
 * report past the city only as 越级上报, with a reason.
 */
export function reportRole(actor: Actor, a: { regionPath: string }, recipient: string): 'normal' | 'skip' | null {
  if (!actor.permissions.has('accident.manage')) return null;
  if (isSystemScope(actor.scope)) return 'normal';
  const level = governmentLevel(actor, a.regionPath);
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

export interface AccidentFacts {
  status: string;
  published: boolean;
  grade: number;
  regionPath: string;
  enterpriseId: string | null;
  groupId: string | null;
}

/** 快报 is filed by the unit itself (its enterprise or group) or by a regulator whose region holds the place. */
function mayFile(actor: Actor, a: AccidentFacts): boolean {
  const own = scopeEnterpriseId(actor.scope);
  const group = scopeGroupId(actor.scope);
  const ownUnit = !!a.enterpriseId && (own === a.enterpriseId || (!!group && (group === a.enterpriseId || group === a.groupId)));
  return ownUnit || scopeCoversRegion(actor.scope, a.regionPath);
}

/**
 * The accident's policy (kernel/gate): 快报 (`file`, asked with the new accident's facts), 续报, and the
 * investigation steps, which only the government leading the investigation (or above it) takes; an illegal
 * step is 409. The UI's abilities are its answers.
 */
export const accidentPolicy = definePolicy<AccidentFacts, AccidentAction | 'file'>(
  'accident',
  ['file', 'supplement', 'startInvestigation', 'extendInvestigation', 'recordAppraisal', 'submitReport', 'reply', 'publish'],
  (actor: Actor, a, action): Verdict => {
    if (action === 'file') return actor.permissions.has('accident.report') && mayFile(actor, a) ? null : 'FORBIDDEN';
    if (!accidentTransition(a.status as AccidentStatus, action)) return invalidTransition(a.status);
    if (action === 'supplement') return actor.permissions.has('accident.report') ? null : 'FORBIDDEN';
    if (action === 'publish') return actor.permissions.has('accident.publish') && !a.published ? null : 'FORBIDDEN';
    return actor.permissions.has('accident.manage') && leadsInvestigation(actor, a) ? null : 'FORBIDDEN';
  },
);

/** A link of the reporting chain with its accident: reported by the level below, confirmed by the receiving department. */
export interface ChainLinkFacts {
  accident: { regionPath: string };
  link: { recipient: string; departmentId: string | null; reportedAt: Date | null; confirmedAt: Date | null };
}

export const chainLinkPolicy = definePolicy<ChainLinkFacts, 'report' | 'confirm'>(
  'accident.chain',
  ['report', 'confirm'],
  (actor: Actor, { accident, link }, action): Verdict => {
    if (action === 'report') {
      if (link.reportedAt) return invalidTransition('reported');
      return reportRole(actor, accident, link.recipient as ChainRecipient) ? null : 'FORBIDDEN';
    }
    if (!link.departmentId || link.departmentId !== actor.departmentId) return 'FORBIDDEN';
    return link.confirmedAt ? invalidTransition('confirmed') : null;
  },
);

/** A fatal-accident action (notice item 27) with its accident. */
export interface FatalActionFacts {
  accident: { grade: number; regionPath: string };
  action: { status: string; ownerDepartmentId: string | null };
}

/**
 * The owner of a fatal-accident action is the county 应急管理局; it, or the government leading the investigation
 * above it, completes or sets the action aside. Another department in scope (an industry department holding
 * accident.manage) does not: completing 停产整顿 or 取消标准化等级 changes the enterprise.
 */
export const fatalActionPolicy = definePolicy<FatalActionFacts, 'complete' | 'setAside'>(
  'accident.action',
  ['complete', 'setAside'],
  (actor: Actor, { accident, action }): Verdict => {
    if (action.status !== 'open') return invalidTransition(action.status);
    const owner = !!action.ownerDepartmentId && action.ownerDepartmentId === actor.departmentId;
    return actor.permissions.has('accident.manage') && (owner || leadsInvestigation(actor, accident)) ? null : 'FORBIDDEN';
  },
);

/** What the actor may do to an accident in scope; the UI shows exactly these buttons. */
export function accidentAbilities(actor: Actor, a: AccidentFacts) {
  const ok = (x: AccidentAction) => accidentPolicy.check(actor, a, x) === null;
  return {
    supplement: ok('supplement'),
    startInvestigation: ok('startInvestigation'),
    extendInvestigation: ok('extendInvestigation'),
    recordAppraisal: ok('recordAppraisal'),
    submitReport: ok('submitReport'),
    reply: ok('reply'),
    publish: ok('publish'),
    report: actor.permissions.has('accident.manage'),
  };
}
