import { defineModule } from '../../kernel/module.js';
import { registerAlarmHooks } from './alarm.hooks.js';
import { alarmJobs } from './alarm.jobs.js';
import { alarmRoutes } from './alarm.routes.js';
import * as tables from './alarm.schema.js';

/** 报警: rule engine state, lifecycle, disposal feedback, escalation. Its demo alarms are seeded by monitoring's demo. */
export const alarmModule = defineModule({
  name: 'alarms',
  permissions: ['alarm.read', 'alarm.handle', 'alarm.supervise', 'alarm.configure'],
  errors: ['ALARM_ALREADY_LINKED', 'ALARM_FEEDBACK_REQUIRED', 'ALARM_NOT_REAL'],
  tables,
  hooks: registerAlarmHooks,
  routes: alarmRoutes,
  jobs: alarmJobs,
});
