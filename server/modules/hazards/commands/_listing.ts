import type { Executor } from '../../../db/client.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { lockHazard, openListingOf } from '../hazard.repository.js';

/** The hazard through the scope, with the open listing of the actor's department (if any). */
export async function lockWithListing(ex: Executor, scope: Scope, id: string, departmentId: string | null) {
  const h = await lockHazard(ex, scope, id);
  if (!h) return undefined;
  const listing = departmentId ? await openListingOf(ex, h.id, departmentId) : undefined;
  return { ...h, listing, hasOpenListingOfActor: !!listing };
}
