/** The monitoring module's public surface: sensor registry, ingestion (HTTP, MQTT, file drop), live values, data quality. */

export { ingestBatch } from './commands/ingest.js';
export { seedMonitoringDemo } from './monitoring.demo.js';
export { ensureReadingPartitions, maintainReadings, sweepStale } from './monitoring.jobs.js';
export { embeddedBrokerAuth, readingsTopic, SHARED_SUBSCRIPTION } from './mqtt-ingest.js';
export { startMonitoringIngest } from './start.js';
