/**
 * bench/api: requests/s and p99 of the enterprise list (filtered, scoped, 10k enterprises) next to
 * its baselines, on PGlite and on PostgreSQL, in one run on one machine:
 *   - Taihang    GET /api/enterprises as the county user zezhou (the real app, every hook and query)
 *   - bare       a bare Fastify route returning the same page as fixed JSON (HTTP + JSON floor)
 *   - raw SQL    the endpoint's page select + count replayed without HTTP: in-process on PGlite
 *                (PGlite has no wire protocol), pgbench on PostgreSQL
 * and the server's resident memory. `npm run bench`; README.md explains the rows.
 *
 * Settings (env): BENCH_BACKENDS=pglite,postgres  BENCH_SECONDS=10  BENCH_CONNECTIONS=10
 * BENCH_WARMUP_SECONDS=2  BENCH_ENTERPRISES=10000  BENCH_PROFILE=<dir> (CPU profile of the server process)
 * BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/taihang_bench (dropped and recreated each run).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BenchChild, boundRun, machineLine, makeWorkDir, removeWorkDir, writeResult } from '../lib/parent.js';
import { parsePgUrl, pgbenchVersion, recreateDatabase, runPgbench } from '../lib/postgres.js';
import { type Backend, backendsFromEnv, intEnv, pgUrlFromEnv } from '../lib/settings.js';
import { type ChildMessage, LIST_QUERY, type ParentMessage } from './protocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const SECONDS = intEnv('BENCH_SECONDS', 10);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 10);
const ENTERPRISES = intEnv('BENCH_ENTERPRISES', 10_000);
const PG_URL = pgUrlFromEnv('taihang_bench');
const PROFILE_DIR = env.BENCH_PROFILE ? path.resolve(env.BENCH_PROFILE) : undefined;
const BACKENDS = backendsFromEnv();

interface Row {
  backend: Backend;
  target: string;
  perSecond: number | null;
  p99Ms: number | null;
  avgMs: number | null;
  note: string;
}
type Ready = Extract<ChildMessage, { type: 'ready' }>;
type Rss = Extract<ChildMessage, { type: 'rss' }>;

const rows: Row[] = [];
const memory: { backend: Backend; idle: number; afterLoad: Rss; end: Rss }[] = [];
const notes: string[] = [];
const setups: Record<string, Omit<Ready, 'authorization' | 'type'>> = {};

// Hard bound on the whole run: setup (seeding) plus warm-up and measurement of three targets per backend.
boundRun((60 + BACKENDS.length * (150 + 3 * (SECONDS + WARMUP))) * 1000);

async function load(url: string, headers: Record<string, string>) {
  if (WARMUP) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const bad = r.non2xx + r.errors + r.timeouts;
  return {
    perSecond: r['2xx'] / r.duration,
    p99Ms: r.latency.p99,
    avgMs: r.latency.average,
    note: `${r['2xx']} responses in ${r.duration.toFixed(1)} s${bad ? `, ${bad} FAILED (non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})` : ''}`,
  };
}

async function benchBackend(backend: Backend): Promise<void> {
  const workDir = makeWorkDir(`taihang-bench-${backend}-`);
  const pg = parsePgUrl(PG_URL);
  try {
    if (backend === 'postgres') {
      const err = await recreateDatabase(pg);
      if (err) {
        const line = `PostgreSQL at ${pg.host}:${pg.port} (database ${pg.database}) is not usable: ${err}. Skipping the postgres rows.`;
        console.log(`\n!! ${line}`);
        notes.push(line);
        return;
      }
    }
    console.log(`\n[${backend}] seeding the demo city and topping up to ${ENTERPRISES} enterprises …`);
    const server = new BenchChild<ChildMessage, ParentMessage>(path.join(here, 'server.ts'), [backend, workDir, PG_URL, String(ENTERPRISES)], {
      // BENCH_PROFILE=<dir>: a V8 CPU profile of the server process, for Chrome DevTools or speedscope.
      execArgv: PROFILE_DIR ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : process.execArgv,
    });
    try {
      const ready = await server.next('ready', 150_000);
      const { authorization, type: _t, ...setup } = ready;
      setups[backend] = setup;
      console.log(
        `[${backend}] ${ready.enterprises} enterprises (${ready.demoEnterprises} from the demo) in ${ready.seedSeconds.toFixed(1)} s; ` +
          `zezhou sees ${ready.listTotal} coal enterprises; page = ${ready.responseBytes} bytes of JSON; ${ready.statementsPerRequest} SQL statements per request`,
      );

      console.log(`[${backend}] Taihang ${LIST_QUERY}: ${WARMUP} s warm-up + ${SECONDS} s × ${CONNECTIONS} connections …`);
      const app = await load(ready.appUrl, { authorization });
      rows.push({ backend, target: 'Taihang GET /api/enterprises', ...app });
      const afterLoad = await server.ask({ cmd: 'rss' }, 'rss', 10_000);

      console.log(`[${backend}] bare Fastify, same page as fixed JSON …`);
      rows.push({ backend, target: 'bare Fastify, same JSON', ...(await load(ready.bareUrl, {})) });

      if (backend === 'pglite') {
        console.log(`[${backend}] page select + count in-process on PGlite, ${CONNECTIONS} concurrent loops …`);
        const raw = await server.ask({ cmd: 'raw', seconds: SECONDS, warmupSeconds: WARMUP, connections: CONNECTIONS }, 'raw', (SECONDS + WARMUP + 60) * 1000);
        rows.push({
          backend,
          target: 'raw SQL in-process (select+count)',
          perSecond: raw.perSecond,
          p99Ms: raw.p99Ms,
          avgMs: raw.avgMs,
          note: `${raw.iterations} pairs in ${(raw.iterations / raw.perSecond).toFixed(1)} s`,
        });
      } else {
        const version = await pgbenchVersion();
        if (!version) {
          rows.push({ backend, target: 'pgbench same SQL', perSecond: null, p99Ms: null, avgMs: null, note: 'pgbench not installed' });
        } else {
          console.log(`[${backend}] ${version}: page select + count, -c ${CONNECTIONS} -j 2 …`);
          const script = `${ready.sql.map((s) => `${s};`).join('\n')}\n`;
          const common = { clients: CONNECTIONS, threads: 2, workDir: path.join(workDir, 'pgbench') };
          if (WARMUP) await runPgbench(pg, script, { ...common, seconds: WARMUP, log: false });
          const r = await runPgbench(pg, script, { ...common, seconds: SECONDS, log: true });
          rows.push({
            backend,
            target: 'pgbench same SQL (select+count)',
            perSecond: r.tps,
            p99Ms: r.p99Ms,
            avgMs: r.latencyAvgMs,
            note: `${r.transactions} transactions in ${SECONDS} s, ${r.failed} failed`,
          });
        }
      }
      const end = await server.ask({ cmd: 'rss' }, 'rss', 10_000);
      memory.push({ backend, idle: ready.rssMb, afterLoad, end });
      await server.ask({ cmd: 'close' }, 'closed', 30_000);
    } finally {
      await server.stop();
    }
  } catch (err) {
    const line = `${backend}: ${(err as Error).message}`;
    console.error(`\n!! ${line}`);
    notes.push(line);
    process.exitCode = 1;
  } finally {
    removeWorkDir(workDir);
  }
}

function report(): void {
  const fmt = (n: number | null, digits: number) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(digits));
  const header = ['backend', 'target', 'req/s', 'p99 ms', 'avg ms', 'note'];
  const table = rows.map((r) => [r.backend, r.target, fmt(r.perSecond, 0), fmt(r.p99Ms, 1), fmt(r.avgMs, 2), r.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join(' | ')
      .trimEnd();
  console.log(`\n${machineLine('bench/api')}`);
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per row after ${WARMUP} s warm-up; GET ${LIST_QUERY} as zezhou (county scope)\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const t of table) console.log(line(t));
  console.log('');
  for (const m of memory) {
    console.log(
      `${m.backend.padEnd(8)} server RSS: ${m.idle} MB ready, ${m.afterLoad.rssMb} MB after the Taihang load (heap ${m.afterLoad.heapUsedMb} MB), ${m.end.rssMb} MB at the end` +
        (m.backend === 'pglite' ? ' — includes the embedded PGlite database' : ' — Node process only; PostgreSQL backends are separate processes'),
    );
  }
  console.log('RSS is process.memoryUsage().rss of the server process (bench/api/server.ts); the load generator runs in this separate process.');
  for (const n of notes) console.log(`!! ${n}`);
}

for (const b of BACKENDS) await benchBackend(b as Backend);
report();
writeResult(here, {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim(),
  settings: { seconds: SECONDS, warmupSeconds: WARMUP, connections: CONNECTIONS, enterprises: ENTERPRISES, backends: BACKENDS, query: LIST_QUERY },
  setups,
  rows,
  memory,
  notes,
});
