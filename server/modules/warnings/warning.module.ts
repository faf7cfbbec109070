import { defineModule } from '../../kernel/module.js';
import { seedWarningDemo } from './warning.demo.js';
import { registerWarningHooks } from './warning.hooks.js';
import { warningJobs } from './warning.jobs.js';
import { warningRoutes } from './warning.routes.js';
import * as tables from './warning.schema.js';

/** 预警信息 as CAP 1.2: issue, import (file or feed), area targeting, 签收. */
export const warningModule = defineModule({
  name: 'warnings',
  permissions: ['warning.read', 'warning.issue', 'warning.confirm'],
  errors: ['CAP_DTD', 'CAP_ENCODING', 'CAP_IDENTIFIER_TAKEN', 'CAP_INVALID', 'CAP_REFERENCE_ISSUED', 'CAP_REFERENCE_OWNER', 'CAP_REFERENCE_SENDER'],
  tables,
  hooks: registerWarningHooks,
  routes: warningRoutes,
  jobs: warningJobs,
  demo: async (tx, { now }) => {
    await seedWarningDemo(tx, now);
    return undefined;
  },
});
