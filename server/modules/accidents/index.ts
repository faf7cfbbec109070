/** The accidents module's public surface. */

export { sweepAccidentChain } from './accident.jobs.js';
export { actionsOfPeriod as fatalActionsOfPeriod } from './accident.repository.js';
