import { defineModule } from '../../kernel/module.js';
import { demoFeedJobs } from './demo-feed.js';
import { seedMonitoringDemo } from './monitoring.demo.js';
import { registerMonitoringHooks } from './monitoring.hooks.js';
import { monitoringJobs } from './monitoring.jobs.js';
import { monitoringRoutes } from './monitoring.routes.js';
import * as tables from './monitoring.schema.js';

/**
 * 监测: sensors, ingestion (HTTP here; MQTT and the file drop are started by main.ts for the ingest role through
 * index.ts), live values and data quality.
 */
export const monitoringModule = defineModule({
  name: 'monitoring',
  permissions: ['sensor.read', 'sensor.manage'],
  errors: ['SENSOR_CHANGE_NEEDS_APPROVAL', 'SENSOR_CHANGE_PENDING'],
  tables,
  hooks: registerMonitoringHooks,
  routes: monitoringRoutes,
  jobs: (deps) => [...monitoringJobs(deps), ...demoFeedJobs(deps)],
  // The demo sensors and their history (and, through alarms, the demo alarms); the ingest key is printed once.
  demo: async (tx, { now }) => seedMonitoringDemo(tx, now),
});
