/** The risk module's public surface: 风险分级管控 (risk points, reports), GB 18218 major hazard installations, tailings ponds. */
import type { Executor } from '../../db/client.js';
import type { Scope } from '../../kernel/scope/scope.js';
import { type RegisteredObjectRow, registeredObjects } from './risk.repository.js';

export { seedRiskDemo } from './risk.demo.js';
export { sweepRiskReviews } from './risk.jobs.js';

export type RegisteredObject = RegisteredObjectRow;

/**
 * The major hazard installations and tailings ponds in scope (one enterprise's, or one by id), each with its
 * point: warning areas are intersected with them and sensors are linked to them. 销库 ponds are left out.
 */
export function installationsAndPonds(ex: Executor, scope: Scope, f: { enterpriseId?: string; id?: string } = {}): Promise<RegisteredObject[]> {
  return registeredObjects(ex, scope, f);
}
