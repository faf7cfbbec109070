/** The monitoring module's public surface: sensor registry, ingestion (HTTP, MQTT, file drop), live values, data quality. */

export { ingestBatch } from './commands/ingest.js';
export { demoFeedJobs } from './demo-feed.js';
export { seedMonitoringDemo } from './monitoring.demo.js';
export { ensureReadingPartitions, maintainReadings, monitoringJobs, sweepStale } from './monitoring.jobs.js';
export { monitoringRoutes } from './monitoring.routes.js';
export { embeddedBrokerAuth, readingsTopic, SHARED_SUBSCRIPTION } from './mqtt-ingest.js';
export { startMonitoringIngest } from './start.js';
