import type { Actor } from '../../kernel/actor.js';
import { definePolicy } from '../../kernel/gate/gate.js';
import { isGovernmentScope, isRegulatorScope, isTopGovernment, scopeCoversRegion, scopeEnterpriseId, scopeRegionPath } from '../../kernel/scope/scope.js';
import { nextWarningState, type WarningState } from './warning.workflow.js';

/**
 * Who may act on warnings and CAP import feeds (PURE; the gate asks it before every write, and the detail's
 * abilities are its answers, so the buttons shown and the commands accepted agree).
 */

/** The unit a warning or a feed belongs to on this platform (null on rows from before units were recorded). */
export interface UnitAnchor {
  unitId: string | null;
  regionPath: string | null;
}

/**
 * The responsible unit's line: the unit itself, or a comprehensive government unit (应急管理局) whose region lies
 * strictly above the unit's (the city's bureau over a county's). Not a unit beside it (the city's 能源局 beside the
 * city's 应急管理局), not a unit below it (a county under the city), not another county. Rows without a unit
 * (imported or fed before units were recorded) belong to the government at the top of the region tree.
 */
export function onUnitLine(actor: Pick<Actor, 'departmentId' | 'scope'>, unit: UnitAnchor): boolean {
  if (unit.unitId && actor.departmentId === unit.unitId) return true;
  if (!unit.unitId || unit.regionPath == null) return isTopGovernment(actor.scope);
  return isGovernmentScope(actor.scope) && scopeCoversRegion(actor.scope, unit.regionPath) && scopeRegionPath(actor.scope) !== unit.regionPath;
}

/** A warning as the policy sees it: its effective state (expiry read with the clock), origin and unit, and the actor's own target. */
export interface WarningSubject extends UnitAnchor {
  state: WarningState;
  source: string;
  target?: { enterpriseId: string; status: string } | null;
}

export const WARNING_ACTIONS = ['update', 'cancel', 'confirm'] as const;
export type WarningPolicyAction = (typeof WARNING_ACTIONS)[number];

/**
 * 更新/解除 need warning.issue on the issuing (or importing) unit's line; only warnings issued here are updated
 * (an imported one changes by its sender's Update). 签收 is the targeted enterprise's own, once.
 */
export const warningPolicy = definePolicy<WarningSubject, WarningPolicyAction>('warning', WARNING_ACTIONS, (actor, w, action) => {
  if (action === 'confirm') {
    if (!actor.permissions.has('warning.confirm') || !w.target || w.target.enterpriseId !== scopeEnterpriseId(actor.scope)) return 'FORBIDDEN';
    return w.target.status === 'sent' ? null : 'INVALID_TRANSITION';
  }
  if (!actor.permissions.has('warning.issue') || !onUnitLine(actor, w)) return 'FORBIDDEN';
  if (action === 'update' && w.source !== 'issued') return 'INVALID_TRANSITION';
  return nextWarningState(w.state, action) ? null : 'INVALID_TRANSITION';
});

/**
 * Work a regulator's unit does in its own name: issuing a warning, importing a CAP message. The facts are the
 * actor's unit (a user without one, e.g. a platform administrator given the permission, is refused).
 */
export const warningUnitPolicy = definePolicy<UnitAnchor, 'issue' | 'import'>('warning', ['issue', 'import'], (actor, unit) =>
  actor.permissions.has('warning.issue') && isRegulatorScope(actor.scope) && unit.unitId && onUnitLine(actor, unit) ? null : 'FORBIDDEN',
);

/** CAP import feeds belong to a unit: it and the government units above it manage them; units beside or below only read. */
export const FEED_ACTIONS = ['create', 'change', 'delete', 'fetch'] as const;
export const feedPolicy = definePolicy<UnitAnchor, (typeof FEED_ACTIONS)[number]>('warning_feed', FEED_ACTIONS, (actor, feed, action) => {
  if (!actor.permissions.has('warning.issue')) return 'FORBIDDEN';
  if (action === 'create' && !feed.unitId) return 'FORBIDDEN';
  return onUnitLine(actor, feed) ? null : 'FORBIDDEN';
});

/** Platform-wide import rules (the default expiry of imported alerts): the government at the top of the region tree. */
export const importSettingsPolicy = definePolicy<Record<string, never>, 'configure'>('warning_import_settings', ['configure'], (actor) =>
  actor.permissions.has('warning.issue') && isTopGovernment(actor.scope) ? null : 'FORBIDDEN',
);
