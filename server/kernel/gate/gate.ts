import type { ErrorCode } from '../../../common/i18n/api-messages.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { isSystemScope, type Scope } from '../scope/scope.js';

/**
 * The authorization gate (architecture.md §4.4–4.6). Every request answers three questions, each in one place:
 *  1. permission: the route's one declared permission, checked by the HTTP kernel before the body is read;
 *  2. scope: the kernel scope (kernel/scope), applied by the loader a command hands to `loadFor`: the loader
 *     receives the scope and nothing else decides visibility; out of scope is 404;
 *  3. the object's policy: the module's pure policy, the same function whose answers the UI shows as abilities.
 *
 * A write command either loads its object through `loadFor` (scope, then policy), checks a new object's facts
 * with `allowNew`, or declares it runs for the system only with `systemOnly`. `npm run boundaries`
 * (scripts/check-gate.ts) fails the build on a command that does none of these.
 */

/**
 * null = allowed; otherwise the refusal: FORBIDDEN (403) or a rule's own code (409 and others), optionally with
 * the params its message names (e.g. INVALID_TRANSITION's `from`).
 */
export type Verdict = ErrorCode | { code: ErrorCode; params: Record<string, unknown> } | null;

/** The refusal of a step the object's current state does not allow (409, 「当前状态「from」下不能执行…」). */
export function invalidTransition(from: string): Verdict {
  return { code: 'INVALID_TRANSITION', params: { from } };
}

export interface Policy<O, A extends string> {
  /** The resource, as in permissions (`warning`, `sensor`): names the policy in docs/authorization.md. */
  readonly resource: string;
  readonly actions: readonly A[];
  /** PURE: may `actor` do `action` on `obj`? `obj` is already known to be inside the actor's scope. */
  readonly check: (actor: Actor, obj: O, action: A) => Verdict;
}

/** Declares a module's object policy; `check` must be pure (no I/O), like the rest of `*.policy.ts`. */
export function definePolicy<O, A extends string>(resource: string, actions: readonly A[], check: (actor: Actor, obj: O, action: A) => Verdict): Policy<O, A> {
  const policy = { resource, actions, check };
  POLICIES.push(policy as unknown as Policy<unknown, string>);
  return policy;
}

const POLICIES: Policy<unknown, string>[] = [];

/** Every object policy the loaded modules declared (docs/authorization.md lists them). */
export function registeredPolicies(): readonly Policy<unknown, string>[] {
  return POLICIES;
}

/** The UI's abilities: the same answers the gate gives when the action is attempted. */
export function abilitiesOf<O, A extends string>(policy: Policy<O, A>, actor: Actor, obj: O): Record<A, boolean> {
  return Object.fromEntries(policy.actions.map((a) => [a, policy.check(actor, obj, a) === null])) as Record<A, boolean>;
}

function enforce<O, A extends string>(policy: Policy<O, A>, actor: Actor, obj: O, action: A): void {
  const verdict = policy.check(actor, obj, action);
  if (typeof verdict === 'string') throw new AppError(verdict, { resource: policy.resource, action });
  if (verdict) throw new AppError(verdict.code, { resource: policy.resource, action, ...verdict.params });
}

/**
 * Loads an object for `action`: the loader sees only the actor's scope (missing or out of scope → 404),
 * then the object's policy answers (refused → its code). The only way a command obtains an object to change.
 */
export async function loadFor<O, A extends string>(
  ctx: Ctx,
  policy: Policy<O, A>,
  action: A,
  load: (ex: Executor, scope: Scope) => Promise<O | undefined | null>,
): Promise<O> {
  const obj = await load(ctx.tx, ctx.scope);
  if (!obj) throw new AppError('NOT_FOUND');
  enforce(policy, ctx.actor, obj, action);
  return obj;
}

/** A write that creates an object: the policy answers on the new object's facts (e.g. its enterprise and region). */
export function allowNew<O, A extends string>(ctx: Ctx, policy: Policy<O, A>, action: A, facts: O): void {
  enforce(policy, ctx.actor, facts, action);
}

/** A command only the system runs (sweeps, jobs, the seeder, ingestion with an ingest key): never a user's request. */
export function systemOnly(ctx: Ctx): void {
  if (!isSystemScope(ctx.scope)) throw new AppError('FORBIDDEN');
}
