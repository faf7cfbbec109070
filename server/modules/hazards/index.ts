/** The hazards module's public surface (隐患排查治理, 双报告, 挂牌督办, statistics, 四个清单). */

export { flagOverdueStats } from './commands/flag-overdue-stats.js';
export { reportHazard } from './commands/report-hazard.js';
export { seedHazardDemo } from './hazard.demo.js';
export { sweepHazards } from './hazard.jobs.js';
