// The alarms feature's public surface (dependency-cruiser: web-features-meet-through-index).
export { ActiveAlarmsPanel } from './ActiveAlarmsPanel';
export { type TAlarmSummary, useAlarms } from './api';
export { AlarmStatusTag, SeverityTag, valueText } from './labels';
