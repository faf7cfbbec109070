import { defineModule } from '../../kernel/module.js';
import { registerTaskHooks } from './task.hooks.js';
import { taskJobs } from './task.jobs.js';
import { taskRoutes } from './task.routes.js';
import * as tables from './task.schema.js';

/** 督办 "13710": issue, sign, feedback, resolve, accept, extensions and the reminder/escalation sweep. */
export const taskModule = defineModule({
  name: 'tasks',
  permissions: ['task.read', 'task.issue', 'task.handle', 'task.export'],
  errors: [],
  tables,
  hooks: registerTaskHooks,
  routes: taskRoutes,
  jobs: taskJobs,
});
