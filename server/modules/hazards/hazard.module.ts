import { defineModule } from '../../kernel/module.js';
import { seedHazardDemo } from './hazard.demo.js';
import { registerHazardHooks } from './hazard.hooks.js';
import { hazardJobs } from './hazard.jobs.js';
import { hazardRoutes } from './hazard.routes.js';
import * as tables from './hazard.schema.js';

/** 隐患排查治理: report, grade, 双报告, rectification, review, 挂牌督办, statistics and the 四个清单. */
export const hazardModule = defineModule({
  name: 'hazards',
  permissions: ['hazard.read', 'hazard.report', 'hazard.handle', 'hazard.supervise', 'hazard.export'],
  errors: [
    'BULK_NOT_ALLOWED',
    'BULK_OUT_OF_SCOPE',
    'HAZARD_NOT_MAJOR',
    'HAZARD_PLAN_REQUIRED',
    'LISTING_EXISTS',
    'LISTING_HAZARD_OPEN',
    'STATS_ALREADY_SUBMITTED',
    'STATS_PERIOD_OPEN',
    'VERIFIER_IS_RECTIFIER',
  ],
  tables,
  hooks: registerHazardHooks,
  routes: hazardRoutes,
  jobs: hazardJobs,
  demo: async (tx, { now }) => {
    await seedHazardDemo(tx, now);
    return undefined;
  },
});
