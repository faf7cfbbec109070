import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { percentile } from './settings.js';

const run = promisify(execFile);

export interface PgTarget {
  host: string;
  port: string;
  user: string;
  password: string | undefined;
  database: string;
}

export function parsePgUrl(url: string): PgTarget {
  const u = new URL(url);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port || '5432',
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'taihang_bench',
  };
}

/**
 * Drops and recreates the benchmark database (what `dropdb --if-exists --force` then `createdb`
 * do), through the `postgres` maintenance database. Returns an error message instead of throwing
 * when the server cannot be reached.
 */
export async function recreateDatabase(t: PgTarget): Promise<string | null> {
  if (!/^[a-z_][a-z0-9_]*$/.test(t.database)) return `refusing to drop a database named ${JSON.stringify(t.database)}`;
  const client = new pg.Client({ host: t.host, port: Number(t.port), user: t.user, password: t.password, database: 'postgres', connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    return (err as Error).message || String(err);
  }
  try {
    await client.query(`drop database if exists ${t.database} with (force)`);
    await client.query(`create database ${t.database}`);
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface PgbenchResult {
  tps: number;
  latencyAvgMs: number;
  p99Ms: number;
  transactions: number;
  failed: number;
}

/** pgbench's version line, or null when it is not installed. */
export async function pgbenchVersion(): Promise<string | null> {
  try {
    return (await run('pgbench', ['--version'])).stdout.trim();
  } catch {
    return null;
  }
}

/**
 * `pgbench -n -c <clients> -j <threads> -T <seconds> -f <script>` with per-transaction logging, so
 * the p99 comes from the same kind of latency list as autocannon's. One transaction = the script.
 */
export async function runPgbench(
  t: PgTarget,
  script: string,
  opts: { seconds: number; clients: number; threads: number; workDir: string; log: boolean },
): Promise<PgbenchResult> {
  fs.mkdirSync(opts.workDir, { recursive: true });
  const file = path.join(opts.workDir, 'enterprise-page.sql');
  fs.writeFileSync(file, script);
  const logPrefix = path.join(opts.workDir, 'pgbench_log');
  for (const f of fs.readdirSync(opts.workDir)) if (f.startsWith('pgbench_log')) fs.rmSync(path.join(opts.workDir, f));
  const args = ['-n', '-h', t.host, '-p', t.port, '-U', t.user, '-c', String(opts.clients), '-j', String(opts.threads), '-T', String(opts.seconds), '-f', file];
  if (opts.log) args.push('--log', `--log-prefix=${logPrefix}`);
  args.push(t.database);
  const { stdout } = await run('pgbench', args, {
    env: { ...process.env, ...(t.password ? { PGPASSWORD: t.password } : {}) },
    cwd: opts.workDir,
    timeout: (opts.seconds + 60) * 1000,
  });
  const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? Number.NaN);
  const lat: number[] = [];
  if (opts.log) {
    for (const f of fs.readdirSync(opts.workDir)) {
      if (!f.startsWith('pgbench_log')) continue;
      for (const line of fs.readFileSync(path.join(opts.workDir, f), 'utf8').split('\n')) {
        const us = Number(line.split(' ')[2]); // client_id transaction_no time(µs) script_no epoch µs
        if (Number.isFinite(us)) lat.push(us / 1000);
      }
    }
    lat.sort((a, b) => a - b);
  }
  return {
    tps: num(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyAvgMs: num(/latency average = ([\d.]+) ms/),
    p99Ms: percentile(lat, 99),
    transactions: num(/number of transactions actually processed: (\d+)/),
    failed: num(/number of failed transactions: (\d+)/) || 0,
  };
}
