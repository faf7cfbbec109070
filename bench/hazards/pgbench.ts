import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PgTarget } from '../lib/postgres.js';
import { percentile, type RawResult } from './protocol.js';

const run = promisify(execFile);

/**
 * `pgbench -n -c <clients> -j <threads> -T <seconds> -f <script>` with per-transaction logging
 * (`--log`), so p50 and p99 come from the same kind of latency list as autocannon's. One transaction
 * = the script (the request's statements, one after the other). As bench/api/postgres.ts, plus p50.
 */
export async function pgbench(
  t: PgTarget,
  name: string,
  statements: string[],
  opts: { seconds: number; clients: number; threads: number; workDir: string; log: boolean },
): Promise<RawResult & { failed: number }> {
  fs.mkdirSync(opts.workDir, { recursive: true });
  const file = path.join(opts.workDir, `${name}.sql`);
  // pgbench ends a command at a semicolon at the end of a line; the statements contain none of their own.
  fs.writeFileSync(file, `${statements.map((s) => `${s.trim()};`).join('\n')}\n`);
  const logPrefix = path.join(opts.workDir, 'pgbench_log');
  for (const f of fs.readdirSync(opts.workDir)) if (f.startsWith('pgbench_log')) fs.rmSync(path.join(opts.workDir, f));
  const args = ['-n', '-h', t.host, '-p', t.port, '-U', t.user, '-c', String(opts.clients), '-j', String(opts.threads), '-T', String(opts.seconds), '-f', file];
  if (opts.log) args.push('--log', `--log-prefix=${logPrefix}`);
  args.push(t.database);
  const { stdout } = await run('pgbench', args, {
    env: { ...process.env, ...(t.password ? { PGPASSWORD: t.password } : {}) },
    cwd: opts.workDir,
    timeout: (opts.seconds + 300) * 1000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? Number.NaN);
  const lat: number[] = [];
  if (opts.log) {
    for (const f of fs.readdirSync(opts.workDir)) {
      if (!f.startsWith('pgbench_log')) continue;
      for (const line of fs.readFileSync(path.join(opts.workDir, f), 'utf8').split('\n')) {
        const us = Number(line.split(' ')[2]); // client_id transaction_no time(µs) script_no epoch µs
        if (Number.isFinite(us) && line) lat.push(us / 1000);
      }
    }
    lat.sort((a, b) => a - b);
  }
  const transactions = num(/number of transactions actually processed: (\d+)/);
  return {
    perSecond: num(/tps = ([\d.]+) \(without initial connection time\)/),
    p50Ms: percentile(lat, 50),
    p99Ms: percentile(lat, 99),
    avgMs: num(/latency average = ([\d.]+) ms/),
    iterations: transactions,
    seconds: opts.seconds,
    failed: num(/number of failed transactions: (\d+)/) || 0,
  };
}
