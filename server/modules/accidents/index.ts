/** The accidents module's public surface. */
// Registers this module's attachment reader and enterprise copies with the kernel.
import './accident.hooks.js';

export { accidentJobs, sweepAccidentChain } from './accident.jobs.js';
export { actionsOfPeriod as fatalActionsOfPeriod } from './accident.repository.js';
export { accidentRoutes } from './accident.routes.js';
