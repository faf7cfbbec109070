import type { Config } from './config.js';
import { type Database, openPglite, openPostgres } from './db/client.js';
import { jobDefinitions } from './jobs.js';
import { Audit } from './kernel/audit/audit.js';
import { prepareAuditChain, requireAuditKey } from './kernel/audit/setup.js';
import type { Clock } from './kernel/clock.js';
import type { Deps } from './kernel/context.js';
import { EventHub } from './kernel/events/events.js';
import { Jobs } from './kernel/jobs/jobs.js';
import { loggingChannel, type NotificationChannel } from './kernel/notify/notify.js';
import { seedHazardDemo } from './modules/hazards/index.js';
import { syncBuiltinRoles } from './modules/identity/index.js';
import { seedMonitoringDemo } from './modules/monitoring/index.js';
import { generateDemoPassword, seedDemoData, unitResolver } from './modules/org/index.js';
import { seedRiskDemo } from './modules/risk/index.js';
import { seedWarningDemo } from './modules/warnings/index.js';
import { syncNoticePlan } from './modules/workplan/index.js';

export async function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

export interface PrepareResult {
  /** Present on the start that seeded the demo: what to print once (the ingest key is stored only as its hash). */
  demo?: { password: string; generated: boolean; users: { username: string; displayName: string }[]; ingestKey: string | null };
}

/** Migrations, built-in roles and (on an empty database) the demo city: everything before serving. */
export async function prepareDatabase(database: Database, config: Config, clock: Clock): Promise<PrepareResult> {
  await database.migrate();
  await syncBuiltinRoles(database.db);
  await syncNoticePlan(database.db, clock.now());
  const auditKey = await prepareAuditChain(database.db, { keyFile: config.auditKeyFile, anchorFile: config.auditAnchorFile }, clock.now());
  if (!config.demo) return {};
  const password = config.demoPassword ?? generateDemoPassword();
  const result = await database.db.transaction(async (tx) => {
    const r = await seedDemoData(tx, { password, now: clock.now() });
    let ingestKey: string | null = null;
    if (r.seeded) {
      await seedRiskDemo(tx, clock.now());
      await seedHazardDemo(tx, clock.now());
      // Also the demo alarms: the alarms module replays the seeded readings through its rule engine.
      ({ ingestKey } = await seedMonitoringDemo(tx, clock.now()));
      await seedWarningDemo(tx, clock.now());
      await new Audit(tx, auditKey, { id: null, name: 'system', unit: null }, { requestId: null, ip: null }, () => clock.now()).record({
        action: 'demo.seeded',
        entityType: 'system',
        after: { users: r.users.map((u) => u.username) },
      });
    }
    return { ...r, ingestKey };
  });
  return result.seeded ? { demo: { password, generated: !config.demoPassword, users: result.users, ingestKey: result.ingestKey } } : {};
}

export function createDeps(config: Config, database: Database, clock: Clock, channels: NotificationChannel[] = [loggingChannel], jobsSchema = 'pgboss'): Deps {
  const deps: Deps = {
    config,
    database,
    clock,
    channels,
    jobs: new Jobs(
      database,
      jobDefinitions(() => deps),
      jobsSchema,
    ),
    resolveUnit: unitResolver(),
    events: new EventHub(),
    auditKey: requireAuditKey(config.auditKeyFile),
  };
  return deps;
}
