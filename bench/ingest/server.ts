/**
 * The server side of `bench/ingest`: run by run.ts as a child process (one per backend), so that the
 * load generator (HTTP gateways, MQTT publishers, the SSE watcher) lives in another process. It seeds
 * the demo city, registers the bench's sensors and ingestion keys, serves the real Taihang app on
 * 127.0.0.1 with live events, runs MQTT ingestion (the embedded broker on PGlite; the external broker
 * with a shared subscription on PostgreSQL), and answers run.ts's messages (row counts, the COPY
 * baseline). Not meant to be started by hand.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createDeps } from '../../server/bootstrap.js';
import { systemClock } from '../../server/kernel/clock.js';
import type { Deps } from '../../server/kernel/context.js';
import { startEmbeddedBroker } from '../../server/kernel/mqtt/embedded-broker.js';
import { embeddedBrokerAuth, maintainReadings } from '../../server/modules/monitoring/index.js';
import { embeddedIngestOptions, type MqttIngest, startMqttIngest } from '../../server/modules/monitoring/mqtt-ingest.js';
import { parsePgUrl } from '../lib/postgres.js';
import {
  bearerFor,
  closed,
  countStatements,
  exitWithParent,
  listenApp,
  mb,
  onParentMessage,
  openBenchDatabase,
  runChild,
  send as sendAny,
} from '../lib/server.js';
import { type Backend, type ChildMessage, type MqttInfo, type ParentMessage, WATCHER } from './protocol.js';
import { copyBaseline, countReadings, createBaselineTable, setupMonitoring } from './setup.js';

const [backend, workDir, pgUrl, enterprisesArg, perEnterpriseArg, mqttUrl] = process.argv.slice(2) as [Backend, string, string, string, string, string];

exitWithParent();
const send = (msg: ChildMessage) => sendAny(msg);
const log = (line: string) => console.log(`[${backend}] ${line}`);

/** SQL statements sent over node-postgres (PostgreSQL only: PGlite's transactions do not go through one prototype). */
const statements = countStatements({ pglite: false });

/** Another subscriber of the external broker's share group (null on the embedded broker). */
let addSubscriber: (() => Promise<number>) | null = null;

/** Starts the MQTT side: the external broker (MQTT 5, shared subscription with this run's own group) or the embedded one. */
async function startMqtt(deps: Deps): Promise<{ info: MqttInfo | null; note: string; stops: (() => Promise<void>)[] }> {
  const stops: (() => Promise<void>)[] = [];
  const tag = randomBytes(4).toString('hex');
  if (backend === 'postgres' && mqttUrl !== 'embedded') {
    // Our own share group and client ids: an app or test on the same broker subscribed with the group
    // `taihang` never takes a share of the bench's messages, and its sessions never take ours.
    const shareGroup = `taihangbench${tag}`;
    let subscribers = 0;
    const subscribe = async () => {
      const n = subscribers + 1;
      const ingest: MqttIngest = await Promise.race([
        startMqttIngest(deps, { url: mqttUrl, protocolVersion: 5, trustTopic: false, clientId: `taihang-bench-ingest-${tag}-${n}`, shareGroup, log }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no CONNACK within 5 s')), 5000)),
      ]);
      subscribers = n;
      stops.unshift(() => ingest.stop());
      return n;
    };
    try {
      await subscribe();
      addSubscriber = subscribe;
      return { info: { url: mqttUrl, kind: 'external', protocolVersion: 5, subscription: `$share/${shareGroup}/taihang/v1/+/readings` }, note: '', stops };
    } catch (err) {
      log(`external broker ${mqttUrl} not usable (${(err as Error).message}); using the embedded broker`);
      const r = await startEmbedded(deps, stops);
      return { ...r, note: `external broker ${mqttUrl} not usable (${(err as Error).message}): embedded broker instead` };
    }
  }
  return startEmbedded(deps, stops);
}

async function startEmbedded(deps: Deps, stops: (() => Promise<void>)[]): Promise<{ info: MqttInfo | null; note: string; stops: (() => Promise<void>)[] }> {
  const broker = await startEmbeddedBroker(0, embeddedBrokerAuth(deps));
  if (!broker.ok) return { info: null, note: 'the embedded broker did not start', stops };
  stops.push(broker.close);
  const ingest = await startMqttIngest(deps, { ...embeddedIngestOptions(broker.port), clientId: 'taihang-bench-ingest', log });
  stops.unshift(() => ingest.stop());
  return { info: { url: `mqtt://127.0.0.1:${broker.port}`, kind: 'embedded', protocolVersion: 4, subscription: 'taihang/v1/+/readings' }, note: '', stops };
}

async function main(): Promise<void> {
  const started = performance.now();
  // The watcher's GETs come from 127.0.0.1; POST /api/readings keeps its own per-address limit (600/min).
  const { database, config } = await openBenchDatabase(backend, workDir, pgUrl);
  const seedSeconds = (performance.now() - started) / 1000;

  const deps = createDeps(config, database, systemClock, []);
  // No job workers: the stale sweep would raise 断线 on every bench sensor before its first reading,
  // and rollups would compete with the load; the bench measures ingestion alone.
  await deps.jobs.start({ work: false });
  await maintainReadings(deps);
  const t1 = performance.now();
  log(`registering ${enterprisesArg} × ${perEnterpriseArg} sensors and ${enterprisesArg} ingestion keys …`);
  const enterprises = await setupMonitoring(deps, Number(enterprisesArg), Number(perEnterpriseArg), log);
  await createBaselineTable(database);
  const setupSeconds = (performance.now() - t1) / 1000;

  await deps.events.start(database);
  const { app, appUrl } = await listenApp(deps);
  const mqtt = await startMqtt(deps);

  const authorization = await bearerFor(appUrl, WATCHER);
  const pgTarget = backend === 'postgres' ? parsePgUrl(pgUrl) : null;

  onParentMessage<ParentMessage>(async (raw) => {
    if (raw.cmd === 'count') send({ type: 'count', rows: await countReadings(database, raw.from, raw.to) });
    else if (raw.cmd === 'statements') send({ type: 'statements', statements: statements() });
    else if (raw.cmd === 'subscriber') {
      if (!addSubscriber) throw new Error('no external broker: one subscriber only');
      send({ type: 'subscriber', subscribers: await addSubscriber() });
    } else if (raw.cmd === 'copy') send({ type: 'copy', ...(await copyBaseline(database, pgTarget, workDir, raw.from, raw.to)) });
    else if (raw.cmd === 'rss') {
      const m = process.memoryUsage();
      send({ type: 'rss', rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed) });
    } else if (raw.cmd === 'close') {
      for (const s of mqtt.stops) await s().catch(() => {});
      await app.close();
      await deps.events.close();
      await deps.jobs.stop();
      await database.close();
      closed();
    }
  });

  send({
    type: 'ready',
    appUrl,
    authorization,
    enterprises,
    mqtt: mqtt.info,
    mqttNote: mqtt.note,
    seedSeconds,
    setupSeconds,
    rssMb: mb(process.memoryUsage().rss),
  });
}

runChild(main);
