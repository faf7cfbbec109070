import type { Actor } from '../../kernel/actor.js';
import { definePolicy, type Verdict } from '../../kernel/gate/gate.js';
import { scopeCoversRegion } from '../../kernel/scope/scope.js';

/**
 * A year's notice as a work plan: a unit enters plans for its own region or below (the city's notice binds the
 * counties; a county may enter its own).
 */
export const planPolicy = definePolicy<{ regionPath: string }, 'create'>(
  'plan',
  ['create'],
  (actor: Actor, p): Verdict => (scopeCoversRegion(actor.scope, p.regionPath) ? null : 'FORBIDDEN'),
);

/**
 * A register entry (台账) is its unit's own record: a government unit or department records for itself only; an
 * enterprise register names an enterprise the actor's scope already holds (its own, a group's subsidiary, or one a
 * regulator supervises), which the command loads through the scope first.
 */
export const registerPolicy = definePolicy<{ departmentId: string | null; enterpriseId: string | null }, 'record'>(
  'register',
  ['record'],
  (actor: Actor, u): Verdict => {
    if (u.departmentId) return u.departmentId === actor.departmentId ? null : 'FORBIDDEN';
    return u.enterpriseId ? null : 'FORBIDDEN';
  },
);
