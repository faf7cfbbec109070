import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { createDeps, prepareModules } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { type Database, openPglite, openPostgres } from '../db/client.js';
import { type Actor, systemActor } from '../kernel/actor.js';
import { FakeClock } from '../kernel/clock.js';
import { type Ctx, type Deps, inTransaction } from '../kernel/context.js';
import type { NotificationChannel } from '../kernel/notify/notify.js';
import { loginAs } from './factories.js';

/**
 * Medium-test harness: an in-memory PGlite per test file, or the PostgreSQL in TEST_DATABASE_URL
 * (shared by all files: every test builds its own org subtree, so nothing is truncated).
 */
export const TEST_DB_URL = process.env.TEST_DATABASE_URL;
export const dbKind = TEST_DB_URL ? 'postgres' : 'pglite';

export interface TestServer {
  app: FastifyInstance;
  deps: Deps;
  clock: FakeClock;
  database: Database;
  close(): Promise<void>;
}

export async function openTestDatabase(url = TEST_DB_URL): Promise<Database> {
  const database = url ? await openPostgres(url, 4) : await openPglite(null);
  await database.migrate();
  await prepareModules(database.db, new Date());
  return database;
}

export async function getTestServer(
  opts: {
    work?: boolean;
    env?: Record<string, string>;
    channels?: NotificationChannel[];
    /** On PostgreSQL, a fresh database of this server's own (dropped on close): for tests that compare whole tables. */
    ownDatabase?: boolean;
    /** Request log lines (JSON) go here; without it the test app does not log. */
    logStream?: { write(line: string): void };
  } = {},
): Promise<TestServer> {
  const own = opts.ownDatabase && TEST_DB_URL ? await createOwnDatabase(TEST_DB_URL) : undefined;
  const database = await openTestDatabase(own?.url);
  const clock = new FakeClock(new Date());
  const auditDir = testAuditDir();
  const config = loadConfig({
    TAIHANG_DEMO: 'off',
    TAIHANG_MQTT_PORT: 'off',
    TAIHANG_DATA_DIR: '/nonexistent',
    TAIHANG_AUDIT_KEY_FILE: path.join(auditDir, 'audit.key'),
    // Every injected request comes from 127.0.0.1; the rate-limit test sets its own low limit.
    TAIHANG_LOGIN_RATE_PER_MIN: '100000',
    TAIHANG_RATE_PER_MIN: '1000000',
    ...opts.env,
  });
  // On the shared PostgreSQL every test server gets its own job schema: queues of other files never mix in.
  const jobsSchema = TEST_DB_URL ? `pgboss_t${randomBytes(5).toString('hex')}` : 'pgboss';
  const deps = createDeps(config, database, clock, opts.channels, jobsSchema);
  await deps.jobs.start({ work: opts.work ?? false });
  await deps.events.start(database);
  const app = await buildApp(deps, opts.logStream ? { logger: { stream: opts.logStream } } : {});
  await app.ready();
  return {
    app,
    deps,
    clock,
    database,
    async close() {
      await app.close();
      await deps.events.close();
      await deps.jobs.stop();
      if (TEST_DB_URL) await database.query(`drop schema if exists ${jobsSchema} cascade`);
      await database.close();
      await own?.drop();
      fs.rmSync(auditDir, { recursive: true, force: true });
    },
  };
}

/**
 * One fixed audit key for every test server: on the shared PostgreSQL all test files append to one
 * chain, which must stay verifiable. Each server has its own anchor file beside its copy of the key.
 */
export const TEST_AUDIT_KEY = 'a7'.repeat(32);
function testAuditDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-audit-'));
  fs.writeFileSync(path.join(dir, 'audit.key'), `${TEST_AUDIT_KEY}\n`, { mode: 0o600 });
  return dir;
}

async function createOwnDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `taihang_own_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A command context in its own transaction, as a route would build it. */
export function withTestContext<T>(deps: Deps, fn: (ctx: Ctx) => Promise<T>, actor: Actor = systemActor('test')): Promise<T> {
  return inTransaction(deps, actor, { id: 'test', ip: '127.0.0.1', locale: 'zh-CN' }, fn);
}

/**
 * Moves the fake clock to `time` and signs every user in again (sessions idle out across such
 * jumps), writing each one's fresh headers into `headers` under the same key.
 */
export async function setClockAndSignIn<K extends string>(
  t: TestServer,
  time: string,
  users: Record<K, string | { username: string }>,
  headers: Record<NoInfer<K>, Record<string, string>>,
): Promise<void> {
  t.clock.set(time);
  for (const [k, u] of Object.entries(users) as [K, string | { username: string }][]) {
    headers[k] = await loginAs(t.app, typeof u === 'string' ? u : u.username);
  }
}
