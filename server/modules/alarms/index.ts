/**
 * The alarms module's public surface (报警: rule engine, lifecycle, disposal feedback, escalation).
 * The monitoring module calls evaluateBatch / markStale / clearStale from its ingestion and stale
 * sweep and reads alarmStats for data quality; this module never imports monitoring.
 */

export { type DemoSensorHistory, seedAlarmDemo } from './alarm.demo.js';
export { sweepAlarms } from './alarm.jobs.js';
export type { EnterpriseAlarmStats } from './alarm.repository.js';
export { type AlarmSensor, clearStale, evaluateBatch, evaluateReadings, markStale } from './commands/engine.js';
export { alarmStats } from './queries/find-alarms.js';
