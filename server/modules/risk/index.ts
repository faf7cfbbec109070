/** The risk module's public surface: 风险分级管控 (risk points, reports) and GB 18218 major hazard installations. */

export { seedRiskDemo } from './risk.demo.js';
export { riskJobs, sweepRiskReviews } from './risk.jobs.js';
export { riskRoutes } from './risk.routes.js';
