/** The risk module's public surface: 风险分级管控 (risk points, reports), GB 18218 major hazard installations, tailings ponds. */

export { seedRiskDemo } from './risk.demo.js';
export { sweepRiskReviews } from './risk.jobs.js';
/**
 * The major hazard installations and tailings ponds in scope (one enterprise's, or one by id), each with its
 * point: warning areas are intersected with them and sensors are linked to them. 销库 ponds are left out.
 */
export { type RegisteredObjectRow as RegisteredObject, registeredObjects as installationsAndPonds } from './risk.repository.js';
