/** The work-plan (落实情况) module's public surface. */

export { syncNoticePlan } from './sync-plan.js';
export { workplanRoutes } from './workplan.routes.js';
