/** The accidents module's public surface. */

export { accidentJobs, sweepAccidentChain } from './accident.jobs.js';
export { actionsOfPeriod as fatalActionsOfPeriod } from './accident.repository.js';
export { accidentRoutes } from './accident.routes.js';
