import type { Actor } from '../../kernel/actor.js';
import { nextWarningState, type WarningState } from './warning.workflow.js';

/**
 * What an actor may do with a warning it can see (PURE). Issued warnings are updated or cancelled by a
 * regulator on the issuing unit's region line (its own unit or above); imported ones by any issuer.
 * Enterprises confirm their own target.
 */
export function warningAbilities(
  actor: Pick<Actor, 'permissions' | 'scope' | 'enterpriseId'>,
  w: { state: WarningState; source: string; regionPath: string | null },
  target?: { enterpriseId: string; status: string },
) {
  const issuer = actor.permissions.has('warning.issue');
  const onLine =
    w.source === 'imported' ||
    actor.scope.kind === 'system' ||
    ((actor.scope.kind === 'government' || actor.scope.kind === 'industry') && !!w.regionPath && w.regionPath.startsWith(actor.scope.regionPath));
  const manage = issuer && onLine;
  return {
    update: manage && w.source === 'issued' && nextWarningState(w.state, 'update') !== null,
    cancel: manage && nextWarningState(w.state, 'cancel') !== null,
    confirm: actor.permissions.has('warning.confirm') && !!target && target.enterpriseId === actor.enterpriseId && target.status === 'sent',
    seeTargets: issuer,
  };
}
