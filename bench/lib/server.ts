/**
 * The child side of every benchmark (each <bench>/server.ts): a fresh database with the demo city, the real app on
 * 127.0.0.1, sign-in for a bearer token, the SQL statement counter and the IPC plumbing.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../server/app.js';
import { prepareDatabase } from '../../server/bootstrap.js';
import { type Config, loadConfig } from '../../server/config.js';
import { type Database, openPglite, openPostgres } from '../../server/db/client.js';
import { systemClock } from '../../server/kernel/clock.js';
import type { Deps } from '../../server/kernel/context.js';
import type { Backend } from './settings.js';

export const DEMO_PASSWORD = 'Bench-Pass-2021';

export function send(msg: object): void {
  process.send?.(msg);
}

export const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

/** run.ts gone (killed, or it gave up): do not keep a database busy for nobody. */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(1));
}

/**
 * Counts the SQL statements this process sends, so a benchmark can say how many one request runs: node-postgres
 * always, PGlite unless `pglite: false` (its transactions do not all go through its prototype).
 */
export function countStatements(opts: { pglite?: boolean } = {}): () => number {
  let statements = 0;
  const protos = opts.pglite === false ? [pg.Client.prototype] : [pg.Client.prototype, PGlite.prototype];
  for (const proto of protos as unknown as { query: (...a: unknown[]) => unknown }[]) {
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
  }
  return () => statements;
}

/**
 * Opens the backend's database (PGlite in the work dir; PostgreSQL at the URL run.ts recreated), migrates it, seeds
 * the demo city with the bench's demo password, and returns the database and the config. The audit key and anchor
 * live inside the work dir, so removing it leaves nothing behind.
 */
export async function openBenchDatabase(
  backend: Backend,
  workDir: string,
  pgUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<{ database: Database; config: Config }> {
  const database: Database = backend === 'pglite' ? await openPglite(path.join(workDir, 'pglite')) : await openPostgres(pgUrl, 10);
  const config = loadConfig({
    TAIHANG_DEMO: 'on',
    TAIHANG_DEMO_PASSWORD: DEMO_PASSWORD,
    TAIHANG_MQTT_PORT: 'off',
    TAIHANG_DATA_DIR: workDir,
    TAIHANG_AUDIT_KEY_FILE: path.join(workDir, 'audit', 'audit.key'),
    // The load comes from 127.0.0.1: no rate limit may shape the figures.
    TAIHANG_RATE_PER_MIN: '100000000',
    TAIHANG_LOGIN_RATE_PER_MIN: '100000',
    TAIHANG_LOG_LEVEL: 'warn',
    ...extraEnv,
  });
  await prepareDatabase(database, config, systemClock);
  return { database, config };
}

/** The real app (every plugin, hook and route) listening on a free port of 127.0.0.1. */
export async function listenApp(deps: Deps): Promise<{ app: FastifyInstance; appUrl: string }> {
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, appUrl: `http://127.0.0.1:${portOf(app.server.address())}` };
}

/** Signs a demo user in and returns its `Authorization` header value. */
export async function bearerFor(appUrl: string, username: string): Promise<string> {
  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login as ${username} failed: ${login.status} ${await login.text()}`);
  return `Bearer ${((await login.json()) as { token: string }).token}`;
}

export function portOf(address: ReturnType<import('node:net').Server['address']>): number {
  if (address && typeof address === 'object') return address.port;
  throw new Error('server is not listening on a TCP port');
}

/** Runs the child's main; a failure goes to run.ts as an `error` message and the child leaves. */
export function runChild(main: () => Promise<void>): void {
  main().catch((err: Error) => {
    send({ type: 'error', message: err.stack ?? String(err) });
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 200).unref();
  });
}

/** Answers run.ts's messages one handler at a time; a handler's failure goes back as an `error` message. */
export function onParentMessage<P>(handle: (msg: P) => Promise<void>): void {
  process.on('message', async (raw: P) => {
    try {
      await handle(raw);
    } catch (err) {
      send({ type: 'error', message: (err as Error).stack ?? String(err) });
    }
  });
}

/** After closing everything: tell run.ts, then leave even if a library kept a timer alive. */
export function closed(): void {
  process.send?.({ type: 'closed' }, () => process.exit(0));
}
