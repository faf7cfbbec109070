/**
 * bench/ingest: sustained readings/s and alarm latency of monitoring ingestion, on PGlite and on
 * PostgreSQL, in one run on one machine, next to a raw COPY of the same rows:
 *   - HTTP       POST /api/readings batches from the mines' gateways
 *   - MQTT       the same batches published with QoS 1: the embedded broker on PGlite, the external
 *                MQTT 5 broker (Mosquitto) with the shared subscription on PostgreSQL
 *   - COPY       the rows the HTTP max phase stored, copied into a table shaped like `reading`
 * Each path runs twice: at its maximum (closed loop, several senders) and paced at a share of that
 * maximum (an offered load, as gateways on their cycle). Alarm latency: during the load, readings over
 * a power-off limit are sent at known times; from the send until the alarm's event arrives on an SSE
 * stream (GET /api/events, as the live page sees it), and until GET /api/alarms/:id has answered after
 * it. Rows stored are counted at the end of each phase.
 * `npm run bench:ingest`; bench/ingest/README.md explains the rows.
 *
 * Settings (env): BENCH_BACKENDS=pglite,postgres  BENCH_ENTERPRISES=40  BENCH_SENSORS_PER_ENTERPRISE=125
 * BENCH_BATCH=125  BENCH_CLIENTS=8  BENCH_SECONDS=15  BENCH_WARMUP_SECONDS=3  BENCH_PROBE_MS=250  BENCH_PACED_PERCENT=50
 * BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/taihang_bench_ingest (created, dropped at the end)
 * BENCH_MQTT_URL=mqtt://127.0.0.1:1883 (PostgreSQL's MQTT rows; `embedded` for the embedded broker there too)
 * BENCH_MQTT_SUBSCRIBERS=2 (an extra max row with this many subscribers in the share group; 1: none)
 * BENCH_PROFILE=<dir> (CPU profile of the server process).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BenchChild, boundRun, machineLine, makeWorkDir, removeWorkDir, writeResult } from '../lib/parent.js';
import { type PgTarget, parsePgUrl, recreateDatabase } from '../lib/postgres.js';
import { backendsFromEnv, intEnv, pgUrlFromEnv } from '../lib/settings.js';
import { Feed, HttpSender, MqttSender, type PhaseOptions, type PhaseResult, runPhase, type Sender, sleep, Watcher } from './load.js';
import { type Backend, type ChildMessage, type CopyResult, NATIONAL_READINGS_PER_S, type ParentMessage, percentile, WATCHER } from './protocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const ENTERPRISES = intEnv('BENCH_ENTERPRISES', 40);
const PER_ENTERPRISE = intEnv('BENCH_SENSORS_PER_ENTERPRISE', 125);
const BATCH = intEnv('BENCH_BATCH', PER_ENTERPRISE);
const CLIENTS = intEnv('BENCH_CLIENTS', 8);
const SECONDS = intEnv('BENCH_SECONDS', 15);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 3, 0);
const PROBE_MS = intEnv('BENCH_PROBE_MS', 250, 20);
const PACED_PERCENT = intEnv('BENCH_PACED_PERCENT', 50);
const SUBSCRIBERS = intEnv('BENCH_MQTT_SUBSCRIBERS', 2);
const PG_URL = pgUrlFromEnv('taihang_bench_ingest');
const MQTT_URL = env.BENCH_MQTT_URL || 'mqtt://127.0.0.1:1883';
const PROFILE_DIR = env.BENCH_PROFILE ? path.resolve(env.BENCH_PROFILE) : undefined;
const BACKENDS = backendsFromEnv();
if (CLIENTS >= ENTERPRISES) throw new Error('BENCH_CLIENTS must be below BENCH_ENTERPRISES (one batch in flight per mine, and the probes need a free one)');
if (BATCH > 5000) throw new Error('BENCH_BATCH: at most 5000 readings a batch (the API limit)');
/** A batch not stored after this long counts as failed (MQTT: no 'reading' event). */
const BATCH_TIMEOUT_MS = 60_000;

interface Row {
  backend: Backend;
  path: string;
  load: string;
  perSecond: number | null;
  batchP50Ms: number | null;
  batchP99Ms: number | null;
  alarmP50Ms: number | null;
  alarmP99Ms: number | null;
  visibleP50Ms: number | null;
  visibleP99Ms: number | null;
  probes: string;
  stored: number | null;
  expected: number | null;
  loadAvg: number;
  note: string;
}
type Ready = Extract<ChildMessage, { type: 'ready' }>;
interface BackendReport {
  backend: Backend;
  seedSeconds: number;
  setupSeconds: number;
  sensors: number;
  probeEligible: number;
  mqtt: string;
  statementsPerBatch: Record<string, number | null>;
  rss: { ready: number; end: number; heapEnd: number };
  copy?: CopyResult;
  seconds: number;
}

const rows: Row[] = [];
const reports: BackendReport[] = [];
const notes: string[] = [];
const runStarted = Date.now();

// Hard bound: seeding and registering the sensors, then two phases and their drains per backend.
boundRun((60 + BACKENDS.length * (300 + (ENTERPRISES * PER_ENTERPRISE) / 50 + 5 * (WARMUP + SECONDS + 150))) * 1000);

async function dropDatabase(t: PgTarget): Promise<void> {
  const client = new pg.Client({ host: t.host, port: Number(t.port), user: t.user, password: t.password, database: 'postgres', connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`drop database if exists ${t.database} with (force)`);
  } catch (err) {
    notes.push(`could not drop the bench database ${t.database}: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Alarm latency of a phase's probes: the first alarm event of the probe's sensor, and its GET. */
async function probeLatency(watcher: Watcher, phase: PhaseResult) {
  const sensors = new Set(phase.probes.map((p) => p.sensorId));
  // Events still on their way, and their GETs.
  const deadline = Date.now() + 15_000;
  for (;;) {
    await watcher.settle();
    const seen = new Set([...watcher.alarms.values()].flatMap((a) => (a.sensorId && sensors.has(a.sensorId) ? [a.sensorId] : [])));
    if (seen.size >= sensors.size || Date.now() > deadline) break;
    await sleep(250);
  }
  const bySensor = new Map<string, { eventAt: number; fetchedAt: number }>();
  let fetchErrors = 0;
  for (const a of watcher.alarms.values()) {
    if (a.fetchError) fetchErrors++;
    if (!a.sensorId || !sensors.has(a.sensorId) || a.fetchedAt === undefined) continue;
    const prev = bySensor.get(a.sensorId);
    if (!prev || a.eventAt < prev.eventAt) bySensor.set(a.sensorId, { eventAt: a.eventAt, fetchedAt: a.fetchedAt });
  }
  const event: number[] = [];
  const visible: number[] = [];
  for (const p of phase.probes) {
    const s = bySensor.get(p.sensorId);
    if (!s) continue;
    event.push(s.eventAt - p.t0);
    visible.push(s.fetchedAt - p.t0);
  }
  event.sort((a, b) => a - b);
  visible.sort((a, b) => a - b);
  return {
    seen: event.length,
    sent: phase.probes.length,
    fetchErrors,
    p50: event.length ? percentile(event, 50) : null,
    p99: event.length ? percentile(event, 99) : null,
    visibleP50: visible.length ? percentile(visible, 50) : null,
    visibleP99: visible.length ? percentile(visible, 99) : null,
  };
}

async function measurePath(
  backend: Backend,
  server: BenchChild<ChildMessage, ParentMessage>,
  feed: Feed,
  watcher: Watcher,
  sender: Sender,
  load: PhaseOptions['load'],
  statementsPerBatch: Record<string, number | null>,
): Promise<PhaseResult> {
  const loadLabel = load.kind === 'max' ? `max, ${load.clients} senders` : `paced, ${Math.round(load.readingsPerSecond).toLocaleString('en-US')}/s offered`;
  console.log(`[${backend}] ${sender.label}, ${loadLabel}: ${WARMUP} s warm-up + ${SECONDS} s, an alarm probe every ${PROBE_MS} ms …`);
  const loadAvg = os.loadavg()[0] as number;
  const before = (await server.ask({ cmd: 'statements' }, 'statements', 10_000)).statements;
  const phase = await runPhase(feed, sender, { load, warmupSeconds: WARMUP, seconds: SECONDS, probeIntervalMs: PROBE_MS }, (s) =>
    console.log(`[${backend}] ${s}`),
  );
  const latency = await probeLatency(watcher, phase);
  const after = (await server.ask({ cmd: 'statements' }, 'statements', 10_000)).statements;
  if (load.kind === 'max') statementsPerBatch[sender.label] = backend === 'postgres' ? (after - before) / phase.sentBatches : null;
  const stored = (await server.ask({ cmd: 'count', from: phase.from, to: phase.to }, 'count', 120_000)).rows;
  const notesOf: string[] = [`${phase.batchesMeasured} batches in ${phase.measuredSeconds} s`];
  if (phase.failedBatches) notesOf.push(`${phase.failedBatches} batches FAILED (${phase.failures.join('; ')})`);
  if (phase.duplicates || phase.unknown) notesOf.push(`responses counted ${phase.duplicates} duplicates, ${phase.unknown} unknown`);
  if (stored !== phase.sentReadings) notesOf.push(`!! ${stored - phase.sentReadings > 0 ? 'more' : 'fewer'} rows stored than sent`);
  if (latency.seen < latency.sent) notesOf.push(`${latency.sent - latency.seen} probes raised no visible alarm`);
  if (latency.fetchErrors) notesOf.push(`${latency.fetchErrors} GET /api/alarms/:id failed`);
  if (phase.waitedForMine) notesOf.push(`${phase.waitedForMine} batches waited for a mine with nothing in flight: the load fell behind its pace`);
  rows.push({
    backend,
    path: sender.label,
    load: loadLabel,
    perSecond: phase.perSecond,
    batchP50Ms: phase.batchP50Ms,
    batchP99Ms: phase.batchP99Ms,
    alarmP50Ms: latency.p50,
    alarmP99Ms: latency.p99,
    visibleP50Ms: latency.visibleP50,
    visibleP99Ms: latency.visibleP99,
    probes: `${latency.seen}/${latency.sent}`,
    stored,
    expected: phase.sentReadings,
    loadAvg,
    note: notesOf.join('; '),
  });
  console.log(
    `[${backend}]   ${Math.round(phase.perSecond)} readings/s; batch p50 ${fmtMs(phase.batchP50Ms)} p99 ${fmtMs(phase.batchP99Ms)} ms; ` +
      `alarm p50 ${fmtMs(latency.p50)} p99 ${fmtMs(latency.p99)} ms (${latency.seen}/${latency.sent} probes); stored ${stored}/${phase.sentReadings}`,
  );
  return phase;
}

const fmtMs = (ms: number | null) => (ms === null || Number.isNaN(ms) ? '—' : ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());

async function benchBackend(backend: Backend): Promise<void> {
  const started = Date.now();
  const workDir = makeWorkDir(`taihang-bench-ingest-${backend}-`);
  const pgTarget = parsePgUrl(PG_URL);
  let created = false;
  try {
    if (backend === 'postgres') {
      if (pgTarget.database === 'test') throw new Error('BENCH_DATABASE_URL must not name the shared test database');
      const err = await recreateDatabase(pgTarget);
      if (err) {
        const line = `PostgreSQL at ${pgTarget.host}:${pgTarget.port} (database ${pgTarget.database}) is not usable: ${err}. Skipping the postgres rows.`;
        console.log(`\n!! ${line}`);
        notes.push(line);
        return;
      }
      created = true;
    }
    console.log(`\n[${backend}] seeding the demo city, registering ${ENTERPRISES} mines × ${PER_ENTERPRISE} sensors …`);
    const server = new BenchChild<ChildMessage, ParentMessage>(
      path.join(here, 'server.ts'),
      [backend, workDir, PG_URL, String(ENTERPRISES), String(PER_ENTERPRISE), MQTT_URL],
      { execArgv: PROFILE_DIR ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : process.execArgv },
    );
    let watcher: Watcher | undefined;
    const senders: Sender[] = [];
    try {
      const ready: Ready = await server.next('ready', (300 + (ENTERPRISES * PER_ENTERPRISE) / 50) * 1000);
      const sensors = ready.enterprises.reduce((n, e) => n + e.sensors.length, 0);
      const probeEligible = ready.enterprises.reduce((n, e) => n + e.sensors.filter((s) => s.probeValue !== null).length, 0);
      console.log(
        `[${backend}] ready: demo city in ${ready.seedSeconds.toFixed(1)} s; ${sensors} sensors and ${ready.enterprises.length} keys in ${ready.setupSeconds.toFixed(1)} s; ` +
          `MQTT: ${ready.mqtt ? `${ready.mqtt.kind} ${ready.mqtt.url}, ingest subscribed to ${ready.mqtt.subscription}` : 'none'}${ready.mqttNote ? ` (${ready.mqttNote})` : ''}`,
      );
      watcher = new Watcher(ready.appUrl, ready.authorization);
      await watcher.connect();
      // Reading times: from 10 minutes ago on, CYCLE_MS apart per cycle of a mine.
      const feed = new Feed(ready.enterprises, BATCH, Date.now() - 10 * 60_000);
      const statementsPerBatch: Record<string, number | null> = {};

      const httpSender = new HttpSender(ready.appUrl, ready.enterprises);
      senders.push(httpSender);
      const httpPhase = await measurePath(backend, server, feed, watcher, httpSender, { kind: 'max', clients: CLIENTS }, statementsPerBatch);
      await measurePath(
        backend,
        server,
        feed,
        watcher,
        httpSender,
        { kind: 'paced', readingsPerSecond: (PACED_PERCENT / 100) * httpPhase.perSecond },
        statementsPerBatch,
      );

      if (ready.mqtt) {
        const mqttSender = await MqttSender.connect(ready.mqtt, ready.enterprises, watcher, BATCH_TIMEOUT_MS);
        senders.push(mqttSender);
        const mqttPhase = await measurePath(backend, server, feed, watcher, mqttSender, { kind: 'max', clients: CLIENTS }, statementsPerBatch);
        await measurePath(
          backend,
          server,
          feed,
          watcher,
          mqttSender,
          { kind: 'paced', readingsPerSecond: (PACED_PERCENT / 100) * mqttPhase.perSecond },
          statementsPerBatch,
        );
        if (ready.mqtt.kind === 'external' && SUBSCRIBERS > 1) {
          // The shared subscription's way to scale: more ingest subscribers in the group (here in the
          // same server process; in production, more `--role ingest` processes).
          let n = 1;
          while (n < SUBSCRIBERS) n = (await server.ask({ cmd: 'subscriber' }, 'subscriber', 15_000)).subscribers;
          const scaled: Sender = { label: `${mqttSender.label} ×${n} subscribers`, send: (b) => mqttSender.send(b), close: async () => {} };
          await measurePath(backend, server, feed, watcher, scaled, { kind: 'max', clients: CLIENTS }, statementsPerBatch);
        }
      } else {
        rows.push({
          backend,
          path: 'MQTT',
          load: '—',
          perSecond: null,
          batchP50Ms: null,
          batchP99Ms: null,
          alarmP50Ms: null,
          alarmP99Ms: null,
          visibleP50Ms: null,
          visibleP99Ms: null,
          probes: '—',
          stored: null,
          expected: null,
          loadAvg: os.loadavg()[0] as number,
          note: ready.mqttNote || 'no broker',
        });
      }

      console.log(`[${backend}] COPY baseline: the ${httpPhase.sentReadings} rows the HTTP max phase stored …`);
      const loadAvg = os.loadavg()[0] as number;
      const copy = await server.ask({ cmd: 'copy', from: httpPhase.from, to: httpPhase.to }, 'copy', 300_000);
      rows.push({
        backend,
        path: 'COPY baseline (same rows as HTTP max)',
        load: 'one session',
        perSecond: copy.rows / copy.seconds,
        batchP50Ms: null,
        batchP99Ms: null,
        alarmP50Ms: null,
        alarmP99Ms: null,
        visibleP50Ms: null,
        visibleP99Ms: null,
        probes: '—',
        stored: copy.stored,
        expected: copy.rows,
        loadAvg,
        note: `${copy.rows} rows in ${copy.seconds.toFixed(2)} s, one session: ${copy.how}`,
      });
      const end = await server.ask({ cmd: 'rss' }, 'rss', 10_000);
      reports.push({
        backend,
        seedSeconds: ready.seedSeconds,
        setupSeconds: ready.setupSeconds,
        sensors,
        probeEligible,
        mqtt: ready.mqtt ? `${ready.mqtt.kind} broker ${ready.mqtt.url}, ingest subscribed to ${ready.mqtt.subscription}` : `none (${ready.mqttNote})`,
        statementsPerBatch,
        rss: { ready: ready.rssMb, end: end.rssMb, heapEnd: end.heapUsedMb },
        copy: { rows: copy.rows, seconds: copy.seconds, how: copy.how, stored: copy.stored },
        seconds: (Date.now() - started) / 1000,
      });
      for (const s of senders.splice(0)) await s.close();
      watcher.close();
      await server.ask({ cmd: 'close' }, 'closed', 60_000);
    } finally {
      for (const s of senders) await s.close().catch(() => {});
      watcher?.close();
      await server.stop();
    }
  } catch (err) {
    const line = `${backend}: ${(err as Error).message}`;
    console.error(`\n!! ${line}`);
    notes.push(line);
    process.exitCode = 1;
  } finally {
    if (created) await dropDatabase(pgTarget);
    removeWorkDir(workDir);
  }
}

function report(): void {
  const fmtRate = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en-US'));
  const header = [
    'backend',
    'path',
    'load',
    'readings/s',
    '% of 20k/s',
    'sensors @30 s',
    'batch p50/p99 ms',
    'alarm SSE p50/p99 ms',
    '+ GET p50/p99 ms',
    'probes',
    'stored/expected',
    'loadavg',
    'note',
  ];
  const numeric = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11]);
  const pair = (a: number | null, b: number | null) => (a === null && b === null ? '—' : `${fmtMs(a)} / ${fmtMs(b)}`);
  const table = rows.map((r) => [
    r.backend,
    r.path,
    r.load,
    fmtRate(r.perSecond),
    r.perSecond === null ? '—' : `${((100 * r.perSecond) / NATIONAL_READINGS_PER_S).toFixed(0)} %`,
    r.perSecond === null ? '—' : fmtRate(r.perSecond * 30),
    pair(r.batchP50Ms, r.batchP99Ms),
    pair(r.alarmP50Ms, r.alarmP99Ms),
    pair(r.visibleP50Ms, r.visibleP99Ms),
    r.probes,
    r.stored === null ? '—' : `${r.stored}/${r.expected}`,
    r.loadAvg.toFixed(1),
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join(' | ')
      .trimEnd();
  console.log(`\n${machineLine('bench/ingest')}`);
  console.log(
    `${ENTERPRISES} mines × ${PER_ENTERPRISE} sensors = ${(ENTERPRISES * PER_ENTERPRISE).toLocaleString('en-US')} sensors; batches of ${BATCH} readings; ` +
      `${CLIENTS} senders (one batch in flight per mine); ${WARMUP} s warm-up + ${SECONDS} s measured per path; an alarm probe every ${PROBE_MS} ms; watcher: ${WATCHER}`,
  );
  console.log(
    `scale: the national coal network, ~600,000 sensors every 30 s = ${NATIONAL_READINGS_PER_S.toLocaleString('en-US')} readings/s; "sensors @30 s" = how many sensors this rate serves at that cycle`,
  );
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const t of table) console.log(line(t));
  console.log('');
  for (const r of reports) {
    const stmts = Object.entries(r.statementsPerBatch)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k} ${(v as number).toFixed(0)}`)
      .join(', ');
    console.log(
      `${r.backend.padEnd(8)} setup: demo city ${r.seedSeconds.toFixed(1)} s, ${r.sensors} sensors (${r.probeEligible} with a power-off limit) and keys ${r.setupSeconds.toFixed(1)} s; ` +
        `MQTT: ${r.mqtt}${stmts ? `; SQL statements per batch: ${stmts}` : ''}; ` +
        `server RSS ${r.rss.ready} MB ready, ${r.rss.end} MB at the end (heap ${r.rss.heapEnd} MB)${r.backend === 'pglite' ? ', with the embedded database' : ''}; ${Math.round(r.seconds)} s`,
    );
  }
  for (const n of notes) console.log(`!! ${n}`);
  console.log(`run took ${Math.round((Date.now() - runStarted) / 1000)} s`);
}

for (const b of BACKENDS) await benchBackend(b);
report();
writeResult(here, {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim(),
  settings: {
    enterprises: ENTERPRISES,
    sensorsPerEnterprise: PER_ENTERPRISE,
    batch: BATCH,
    clients: CLIENTS,
    seconds: SECONDS,
    warmupSeconds: WARMUP,
    probeMs: PROBE_MS,
    backends: BACKENDS,
    mqttUrl: MQTT_URL,
  },
  rows,
  reports,
  notes,
  runSeconds: (Date.now() - runStarted) / 1000,
});
