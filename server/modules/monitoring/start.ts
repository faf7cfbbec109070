import type { Deps } from '../../kernel/context.js';
import { startFileDrop } from './file-drop.js';
import { maintainReadings } from './monitoring.jobs.js';
import { embeddedIngestOptions, type MqttIngest, startMqttIngest } from './mqtt-ingest.js';

/**
 * Starts ingestion in an `ingest` or `all` process: the MQTT subscriber (the external broker in
 * TAIHANG_MQTT_URL with the shared subscription, or the embedded broker on `embeddedPort`) and the
 * file-drop watcher (TAIHANG_DROP_DIR). Returns stop().
 */
export async function startMonitoringIngest(
  deps: Deps,
  opts: { embeddedPort: number | null },
  log: (s: string) => void = console.log,
): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  // Partitions for this month and the next ones exist before the first reading arrives.
  await maintainReadings(deps).catch((e) => log(`Monitoring: partition maintenance failed: ${(e as Error).message}`));
  let mqtt: MqttIngest | undefined;
  const url = deps.config.mqttUrl;
  const clientId = deps.config.ingestClientId;
  try {
    if (url) mqtt = await startMqttIngest(deps, { url, protocolVersion: 5, trustTopic: false, log, ...(clientId ? { clientId } : {}) });
    else if (opts.embeddedPort !== null)
      mqtt = await startMqttIngest(deps, { ...embeddedIngestOptions(opts.embeddedPort, deps.config.host), log, ...(clientId ? { clientId } : {}) });
  } catch (e) {
    log(`Monitoring: MQTT ingestion did not start (${(e as Error).message}); HTTP ingestion still works.`);
  }
  if (mqtt) {
    log(`MQTT ingestion subscribed (${url ? 'shared subscription $share/taihang/taihang/v1/+/readings' : 'embedded broker, taihang/v1/+/readings'})`);
    const m = mqtt;
    stops.push(() => m.stop());
  }
  if (deps.config.dropDir) {
    stops.push(startFileDrop(deps, deps.config.dropDir, deps.config.dropLayout, log));
    log(`Monitoring file drop: ${deps.config.dropDir}/{enterpriseId}/*.txt (layout ${deps.config.dropLayout.join(',')})`);
  }
  return async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
}
