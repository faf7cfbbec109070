/** The work-plan (落实情况) module's public surface. */
// Registers this module's attachment reader and enterprise copies with the kernel.
import './workplan.hooks.js';

export { syncNoticePlan } from './sync-plan.js';
export { workplanRoutes } from './workplan.routes.js';
