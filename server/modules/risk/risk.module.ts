import { defineModule } from '../../kernel/module.js';
import { seedRiskDemo } from './risk.demo.js';
import { riskJobs } from './risk.jobs.js';
import { riskRoutes } from './risk.routes.js';
import * as tables from './risk.schema.js';

/** 风险分级管控, GB 18218 major hazard installations and tailings ponds. */
export const riskModule = defineModule({
  name: 'risk',
  permissions: ['risk.read', 'risk.manage', 'risk.export', 'risk.configure'],
  errors: [],
  tables,
  routes: riskRoutes,
  jobs: riskJobs,
  demo: async (tx, { now }) => {
    await seedRiskDemo(tx, now);
    return undefined;
  },
});
