import { defineModule } from '../../kernel/module.js';
import { registerAccidentHooks } from './accident.hooks.js';
import { accidentJobs } from './accident.jobs.js';
import { accidentRoutes } from './accident.routes.js';
import * as tables from './accident.schema.js';

/** 事故 (国务院令第493号): 快报, reporting chain, 续报, investigation, 批复, publication, statistics. */
export const accidentModule = defineModule({
  name: 'accidents',
  permissions: ['accident.read', 'accident.report', 'accident.manage', 'accident.publish', 'accident.export'],
  errors: ['SUPPLEMENT_WINDOW_CLOSED'],
  tables,
  hooks: registerAccidentHooks,
  routes: accidentRoutes,
  jobs: accidentJobs,
});
