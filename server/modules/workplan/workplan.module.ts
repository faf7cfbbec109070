import { defineModule } from '../../kernel/module.js';
import { syncNoticePlan } from './sync-plan.js';
import { registerWorkplanHooks } from './workplan.hooks.js';
import { workplanRoutes } from './workplan.routes.js';
import * as tables from './workplan.schema.js';

/** The annual notice as the year's work plan, indicators from live records and the registers that feed them. */
export const workplanModule = defineModule({
  name: 'workplan',
  permissions: ['workplan.read', 'workplan.manage', 'register.write'],
  errors: [],
  tables,
  hooks: registerWorkplanHooks,
  routes: workplanRoutes,
  // The notice's plan is reference data: written once, on the first start.
  prepare: (ex, now) => syncNoticePlan(ex, now),
});
