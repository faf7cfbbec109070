import type { Executor } from '../../db/client.js';
import { AppError } from '../../kernel/errors.js';
import type { Scope } from '../../kernel/scope/scope.js';
import type { WarningPolicyAction, WarningSubject } from './warning.policy.js';
import { getWarning, type TargetRow, targetInScope, type WarningRow } from './warning.repository.js';
import { effectiveState } from './warning.workflow.js';

export type LoadedWarning = WarningSubject & { row: WarningRow; targetRow: TargetRow | undefined };

/**
 * The loader a command hands to the gate's `loadFor`: the warning in the actor's scope as its policy sees it (the
 * effective state, expiry read at `now`; its unit; with `targetId`, that target if the scope sees it), else undefined.
 */
export function warningLoader(now: Date, id: string, targetId?: string) {
  return async (ex: Executor, scope: Scope): Promise<LoadedWarning | undefined> => {
    const w = await getWarning(ex, scope, id);
    if (!w) return undefined;
    const target = targetId ? await targetInScope(ex, scope, w.id, targetId) : undefined;
    if (targetId && !target) return undefined;
    return {
      state: effectiveState(w, now),
      source: w.source,
      unitId: w.issuerDepartmentId,
      regionPath: w.regionPath,
      target: target ?? null,
      row: w,
      targetRow: target,
    };
  };
}

/** The gate's 409 with the state named (「已解除」 cannot be 解除 again; a confirmed target is not 签收 twice). */
export function namedTransition(e: unknown, action: WarningPolicyAction, seen: WarningSubject | undefined): unknown {
  if (!(e instanceof AppError) || e.code !== 'INVALID_TRANSITION' || !seen) return e;
  const from = action === 'confirm' ? 'warning.confirmed' : `warning.${seen.state}`;
  return new AppError('INVALID_TRANSITION', { from, action: `warning.${action}` });
}
