import type { Config } from './config.js';
import type { Executor } from './db/client.js';
import { type Database, openPglite, openPostgres } from './db/client.js';
import { jobDefinitions } from './jobs.js';
import { Audit } from './kernel/audit/audit.js';
import { prepareAuditChain, requireAuditKey } from './kernel/audit/setup.js';
import type { Clock } from './kernel/clock.js';
import type { Deps } from './kernel/context.js';
import { EventHub } from './kernel/events/events.js';
import { Jobs } from './kernel/jobs/jobs.js';
import type { DemoInput, DemoOutcome } from './kernel/module.js';
import { loggingChannel, type NotificationChannel } from './kernel/notify/notify.js';
import { generateDemoPassword, unitResolver } from './modules/org/index.js';
import { MODULES } from './modules.js';

export async function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

export interface PrepareResult {
  /** Present on the start that seeded the demo: what to print once (the ingest key is stored only as its hash). */
  demo?: { password: string; generated: boolean; users: { username: string; displayName: string }[]; ingestKey: string | null };
}

/** Every module's start-up step (built-in roles, the notice's plan …), in module order; tests call it after migrating. */
export async function prepareModules(ex: Executor, now: Date): Promise<void> {
  for (const m of MODULES) await m.prepare?.(ex, now);
}

/**
 * Every module's demo data, in module order, inside the caller's transaction. The first module (org) reports a
 * database that already has data, and then nothing is seeded.
 */
export async function seedDemo(
  tx: Executor,
  input: DemoInput,
): Promise<{ seeded: boolean; users: NonNullable<DemoOutcome['users']>; ingestKey: string | null }> {
  const users: NonNullable<DemoOutcome['users']> = [];
  let ingestKey: string | null = null;
  for (const m of MODULES) {
    const out = await m.demo?.(tx, input);
    if (out?.alreadySeeded) return { seeded: false, users: [], ingestKey: null };
    users.push(...(out?.users ?? []));
    if (out?.ingestKey !== undefined) ingestKey = out.ingestKey;
  }
  return { seeded: true, users, ingestKey };
}

/** Migrations, the modules' start-up steps and (on an empty database) the demo city: everything before serving. */
export async function prepareDatabase(database: Database, config: Config, clock: Clock): Promise<PrepareResult> {
  await database.migrate();
  await prepareModules(database.db, clock.now());
  const auditKey = await prepareAuditChain(database.db, { keyFile: config.auditKeyFile, anchorFile: config.auditAnchorFile }, clock.now());
  if (!config.demo) return {};
  const password = config.demoPassword ?? generateDemoPassword();
  const result = await database.db.transaction(async (tx) => {
    const r = await seedDemo(tx, { password, now: clock.now() });
    if (r.seeded)
      await new Audit(tx, auditKey, { id: null, name: 'system', unit: null }, { requestId: null, ip: null }, () => clock.now()).record({
        action: 'demo.seeded',
        entityType: 'system',
        after: { users: r.users.map((u) => u.username) },
      });
    return r;
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
