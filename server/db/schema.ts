/** Every table, for drizzle-kit (one schema, one migration folder for PGlite and PostgreSQL). */
export * from '../kernel/kernel.schema.js';
export * from '../modules/accidents/accident.schema.js';
export * from '../modules/alarms/alarm.schema.js';
export * from '../modules/hazards/hazard.schema.js';
export * from '../modules/monitoring/monitoring.schema.js';
export * from '../modules/org/org.schema.js';
export * from '../modules/risk/risk.schema.js';
export * from '../modules/tasks/task.schema.js';
export * from '../modules/warnings/warning.schema.js';
export * from '../modules/workplan/workplan.schema.js';
