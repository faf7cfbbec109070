import { readFileSync } from 'node:fs';
import { buildApp } from './app.js';
import { createDeps, openDatabase, prepareDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/client.js';
import { startAuditCheckpoints } from './kernel/audit/anchor.js';
import { offsetClock } from './kernel/clock.js';
import { startEmbeddedBroker } from './kernel/mqtt/embedded-broker.js';
import { embeddedBrokerAuth, startMonitoringIngest } from './modules/monitoring/index.js';

type Role = 'web' | 'worker' | 'ingest' | 'all';

function parseRole(argv: string[]): Role {
  const i = argv.indexOf('--role');
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--role='))?.slice(7);
  if (!v) return 'all';
  if (v === 'web' || v === 'worker' || v === 'ingest' || v === 'all') return v;
  throw new ConfigError(`--role must be web, worker, ingest or all (got "${v}")`);
}

/** Process entry: `--role web|worker|ingest|all` (architecture.md §2, §5). */
async function main() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const config = loadConfig(process.env, pkg.version);
  const role = parseRole(process.argv.slice(2));
  const database = await openDatabase(config);
  const clock = offsetClock(config.clockOffsetMs);
  if (config.clockOffsetMs) console.warn(`Clock offset: ${config.clockOffsetMs} ms (TAIHANG_CLOCK_OFFSET_MS) — for demos and tests only`);
  const prepared = await prepareDatabase(database, config, clock);
  const deps = createDeps(config, database, clock);
  // Checkpoints of the audit chain's head in the anchor file: now, every minute when it moved, and at shutdown.
  const auditAnchor = startAuditCheckpoints({
    db: database.db,
    key: deps.auditKey,
    file: config.auditAnchorFile,
    now: () => clock.now(),
    intervalMs: config.auditCheckpointMs,
  });
  await deps.jobs.start({ work: role === 'worker' || role === 'all' });

  const stops: (() => Promise<void>)[] = [];
  let embeddedPort: number | null = null;
  if ((role === 'all' || role === 'ingest') && !config.mqttUrl && config.mqttPort !== null) {
    const broker = await startEmbeddedBroker(config.mqttPort, embeddedBrokerAuth(deps), config.host);
    if (broker.ok) {
      console.log(`MQTT broker (embedded) on mqtt://${config.host}:${broker.port}`);
      embeddedPort = broker.port;
      stops.push(broker.close);
    } else {
      console.warn(
        `MQTT: port ${config.mqttPort} is already in use (another broker, e.g. Mosquitto?); the embedded broker did not start. Set TAIHANG_MQTT_PORT=0 for any free port, TAIHANG_MQTT_URL to use that broker, or TAIHANG_MQTT_PORT=off.`,
      );
    }
  }

  // Sensor readings over MQTT (shared subscription) and the coal-mine file drop.
  if (role === 'all' || role === 'ingest') stops.push(await startMonitoringIngest(deps, { embeddedPort }));

  if (role === 'web' || role === 'all') {
    await deps.events.start(database);
    stops.push(() => deps.events.close());
    const app = await buildApp(deps, { logger: true });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        console.error(`Taihang: port ${config.port} is already in use. Stop the other program or set PORT to another port.`);
        await deps.jobs.stop();
        await database.close();
        process.exit(1);
      }
      throw err;
    }
    stops.push(() => app.close());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(
      `\nTaihang ${config.version} (${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''}) is running: http://localhost:${port}/`,
    );
    console.log(`API docs: http://localhost:${port}/api/docs`);
    console.log(
      config.host === '127.0.0.1' || config.host === 'localhost' || config.host === '::1'
        ? `Listening on ${config.host} only: other computers cannot connect (set HOST=0.0.0.0 to serve the network${config.demo ? '; the default while demo data is on' : ''})`
        : `Listening on ${config.host}:${port} (HOST)`,
    );
    if (prepared.demo) {
      console.log('\nDemo data loaded. Demo logins (all with the same password):');
      for (const u of prepared.demo.users) console.log(`  ${u.username.padEnd(10)} ${u.displayName}`);
      console.log(`  password: ${prepared.demo.password}${prepared.demo.generated ? '   (generated once; set TAIHANG_DEMO_PASSWORD to choose it)' : ''}`);
      if (prepared.demo.ingestKey)
        console.log(
          `  sensor ingest key (山西泽州天泰煤业): ${prepared.demo.ingestKey}   (POST /api/readings with Authorization: Bearer <key>; random, shown this once)\n`,
        );
    } else if (config.demo) {
      console.log(
        'Demo logins: admin, secadmin, auditor, city, zezhou, gaoping, energy, ent-coal, ent-chem (password as printed at first start or TAIHANG_DEMO_PASSWORD)',
      );
    }
  } else {
    console.log(`Taihang ${role} process started (${database.kind}).`);
  }

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    // A stuck request must not keep the data-dir lock forever.
    setTimeout(() => process.exit(1), 15_000).unref();
    for (const s of stops.reverse()) await s().catch(() => {});
    await deps.jobs.stop().catch(() => {});
    await auditAnchor.stop().catch((e: unknown) => console.error(`audit checkpoint at shutdown failed: ${(e as Error).message}`));
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
