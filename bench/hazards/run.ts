/**
 * bench/hazards: requests/s, p50 and p99 of the hazards list and overview with 1 000 000 hazards over
 * 10 000 enterprises, for a county user (zezhou) and the city user (city), next to the plain SQL of
 * the same requests on the same database, on PGlite and on PostgreSQL, in one run on one machine:
 *   - Taihang    GET /api/hazards?status=open…, ?grade=major&overdue=true…, /api/hazards/overview
 *                (the real app, every hook and query)
 *   - raw SQL    the repository's statements for the same request replayed without HTTP: pgbench on
 *                PostgreSQL, in-process loops on PGlite (no wire protocol)
 * with EXPLAIN (ANALYZE, BUFFERS) summaries, and again with the indexes the measurement suggests
 * (created in the bench database only). `npm run bench:hazards`; bench/README.md explains the rows.
 *
 * Settings (env): BENCH_BACKENDS=pglite,postgres  BENCH_HAZARDS=1000000  BENCH_ENTERPRISES=10000
 * BENCH_SECONDS=10  BENCH_WARMUP_SECONDS=2  BENCH_CONNECTIONS=10  BENCH_SUGGESTED=on|off
 * BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/taihang_bench (dropped and recreated each run).
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BenchChild, boundRun, machineLine, makeWorkDir, removeWorkDir, writeResult } from '../lib/parent.js';
import { parsePgUrl, pgbenchVersion, recreateDatabase } from '../lib/postgres.js';
import { type Backend, backendsFromEnv, intEnv, pgUrlFromEnv } from '../lib/settings.js';
import { formatPlan, type PlanSummary } from './explain.js';
import { pgbench } from './pgbench.js';
import {
  type BenchUser,
  type ChildMessage,
  type ParentMessage,
  SUGGESTED_FOR,
  SUGGESTED_INDEXES,
  TARGETS,
  type TargetKey,
  USER_SCOPES,
  USERS,
} from './protocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const SECONDS = intEnv('BENCH_SECONDS', 10);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 10);
const ENTERPRISES = intEnv('BENCH_ENTERPRISES', 10_000);
const HAZARDS = intEnv('BENCH_HAZARDS', 1_000_000);
const SUGGESTED = (env.BENCH_SUGGESTED || 'on') !== 'off';
const PG_URL = pgUrlFromEnv('taihang_bench');
const BACKENDS = backendsFromEnv();

interface Row {
  backend: Backend;
  user: BenchUser;
  request: string;
  measured: string;
  /** Concurrent connections (autocannon) / clients (pgbench) / loops (in-process) for this row. */
  connections: number;
  perSecond: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  avgMs: number | null;
  note: string;
  /** 1-minute load average of the machine when the row started (other work on a shared machine shows here). */
  loadAvg: number;
}
type Ready = Extract<ChildMessage, { type: 'ready' }>;
type Rss = Extract<ChildMessage, { type: 'rss' }>;
interface BackendReport {
  backend: Backend;
  setup: Omit<Ready, 'type' | 'users'> & { users: { username: string; regionPath: string; targets: Record<string, unknown> }[] };
  plans: PlanSummary[];
  indexedPlans: PlanSummary[];
  indexes?: { seconds: number; sizes: { name: string; mb: number }[] };
  memory: { ready: number; end: Rss };
  seconds: number;
}

const rows: Row[] = [];
const reports: BackendReport[] = [];
const notes: string[] = [];
const runStarted = Date.now();

// Hard bound on the whole run: loading (PGlite is the slower, ~4.5 min per million on this machine),
// then 20 rows per backend with warm-up and draining, EXPLAINs and index builds.
const loadBudgetS = 120 + (HAZARDS / 1_000_000) * 600;
const rowBudgetS = SECONDS + WARMUP + 60;
boundRun((60 + BACKENDS.length * (loadBudgetS + 20 * rowBudgetS + 300)) * 1000);

type Server = BenchChild<ChildMessage, ParentMessage>;

const fmtMs = (ms: number) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());

/** Median of up to 3 sequential GETs on the idle server (1 when a GET takes over 2 s), ms. */
async function probe(url: string, authorization: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { authorization } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    times.push(performance.now() - t0);
    if ((times[0] as number) > 2000) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor((times.length - 1) / 2)] as number;
}

interface RowPlan {
  unloadedMs: number;
  connections: number;
  seconds: number;
  warmup: number;
  /** What differs from the settings, for the row's note ('' when nothing does). */
  note: string;
}

/**
 * Concurrency and duration for a row: BENCH_CONNECTIONS and BENCH_SECONDS, unless one request takes
 * so long that the connections could not each finish two requests in the measured seconds (a server
 * that does the work one request at a time answers in ~connections × the unloaded time): then fewer
 * connections, down to 1, and with 1 connection the row lasts at least 3 × one request, so that it
 * records two or more. The warm-up is skipped when one request outlasts it (the probe has warmed the
 * caches). Without this the slowest rows would record no response at all. The raw-SQL row of the
 * request uses the same plan.
 */
function planRow(unloadedMs: number): RowPlan {
  const connections = Math.min(CONNECTIONS, Math.max(1, Math.floor((SECONDS * 1000) / (2 * unloadedMs))));
  const seconds = connections === 1 ? Math.max(SECONDS, Math.ceil((3 * unloadedMs) / 1000)) : SECONDS;
  const warmup = unloadedMs > WARMUP * 1000 ? 0 : WARMUP;
  const changes: string[] = [];
  if (connections < CONNECTIONS) changes.push(`${connections} connection${connections > 1 ? 's' : ''}`);
  if (seconds > SECONDS) changes.push(`${seconds} s`);
  if (warmup < WARMUP) changes.push('no warm-up');
  const note = changes.length ? `; ${changes.join(', ')}: one request takes ${fmtMs(unloadedMs)} ms unloaded` : '';
  return { unloadedMs, connections, seconds, warmup, note };
}

/** Requests that take over 5 s unloaded: said at the end of the run. */
const slow: string[] = [];

/** autocannon against one URL: warm-up, drain, measured run, drain (abandoned slow requests must not spill into the next row). */
async function load(server: Server, url: string, authorization: string, plan: RowPlan) {
  const { connections, seconds, warmup } = plan;
  // Seconds before autocannon gives up on a response: well above the latency the row can reach.
  const timeout = Math.max(30, Math.ceil((4 * connections * plan.unloadedMs) / 1000));
  const headers = { authorization };
  const drain = async () => (await server.ask({ cmd: 'drain' }, 'drained', 660_000)).ms;
  let drained = 0;
  if (warmup) {
    await autocannon({ url, connections, duration: warmup, headers, timeout });
    drained += await drain();
  }
  const r = await autocannon({ url, connections, duration: seconds, headers, timeout });
  const after = await drain();
  const bad = r.non2xx + r.errors + r.timeouts;
  const ok = r['2xx'];
  return {
    perSecond: ok / r.duration,
    p50Ms: ok ? r.latency.p50 : null,
    p99Ms: ok ? r.latency.p99 : null,
    avgMs: ok ? r.latency.average : null,
    note:
      `${ok} responses in ${r.duration.toFixed(1)} s` +
      (bad ? `, ${bad} FAILED (non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})` : '') +
      (after > 1000 ? `; ${(after / 1000).toFixed(0)} s to drain abandoned requests` : '') +
      (drained > 1000 ? `; warm-up drained in ${(drained / 1000).toFixed(0)} s` : ''),
  };
}

async function benchBackend(backend: Backend): Promise<void> {
  const started = Date.now();
  const workDir = makeWorkDir(`taihang-bench-hazards-${backend}-`);
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
    console.log(`\n[${backend}] seeding the demo city, topping up to ${ENTERPRISES} enterprises, loading ${HAZARDS.toLocaleString('en-US')} hazards …`);
    const server: Server = new BenchChild(path.join(here, 'server.ts'), [backend, workDir, PG_URL, String(ENTERPRISES), String(HAZARDS)]);
    try {
      const ready = await server.next('ready', loadBudgetS * 1000);
      const { type: _t, users, ...setup } = ready;
      const l = ready.load;
      console.log(
        `[${backend}] ready: ${l.hazards.toLocaleString('en-US')} hazards in ${l.insertSeconds.toFixed(1)} s, ${l.listings} listings in ${l.listingSeconds.toFixed(1)} s, ` +
          `VACUUM ANALYZE ${l.vacuumSeconds.toFixed(1)} s; hazard table ${ready.hazardTableMb} MB with indexes`,
      );
      for (const u of users) {
        for (const t of TARGETS) {
          const s = u.targets[t.key];
          const what = t.kind === 'list' ? `${s.total} rows match, ${s.second} on the page` : `${s.total} hazards in scope, ${s.second} open`;
          console.log(
            `[${backend}]   ${u.username} ${t.label}: ${what}; ${s.responseBytes} bytes; ${s.statementsPerRequest} statements/request; unloaded ${fmtMs(s.unloadedMs)} ms`,
          );
        }
      }

      console.log(`[${backend}] EXPLAIN (ANALYZE, BUFFERS) of every statement …`);
      const plans = (await server.ask({ cmd: 'explain', withDefaultList: true, targets: TARGETS.map((t) => t.key) }, 'plans', 600_000)).plans;

      const measure = async (suffix: string, only?: readonly TargetKey[]) => {
        for (const u of users) {
          for (const t of TARGETS) {
            if (only && !only.includes(t.key)) continue;
            const s = u.targets[t.key];
            const unloaded = await probe(s.url, u.authorization);
            const plan = planRow(unloaded);
            const c = plan.connections;
            if (unloaded > 5000)
              slow.push(
                `${backend}, ${HAZARDS.toLocaleString('en-US')} hazards: ${u.username} ${t.label}${suffix} takes ${(unloaded / 1000).toFixed(1)} s per request on an idle server — too slow to use`,
              );
            console.log(
              `[${backend}] ${u.username} ${t.label}${suffix}: Taihang, ${plan.warmup} s warm-up + ${plan.seconds} s × ${c} connections (unloaded ${fmtMs(unloaded)} ms) …`,
            );
            const loadAvg = os.loadavg()[0] as number;
            const app = await load(server, s.url, u.authorization, plan);
            rows.push({
              backend,
              user: u.username,
              request: t.label,
              measured: `Taihang HTTP${suffix}`,
              connections: c,
              ...app,
              note: app.note + plan.note,
              loadAvg,
            });

            const version = backend === 'postgres' ? await pgbenchVersion() : null;
            if (version) {
              console.log(`[${backend}] ${u.username} ${t.label}${suffix}: pgbench, same ${s.sql.length} statements, -c ${c} -j ${Math.min(2, c)} …`);
              const common = { clients: c, threads: Math.min(2, c), workDir: path.join(workDir, 'pgbench') };
              const loadAvg = os.loadavg()[0] as number;
              if (plan.warmup) await pgbench(pg, `${u.username}-${t.key}`, s.sql, { ...common, seconds: plan.warmup, log: false });
              const r = await pgbench(pg, `${u.username}-${t.key}`, s.sql, { ...common, seconds: plan.seconds, log: true });
              rows.push({
                backend,
                user: u.username,
                request: t.label,
                measured: `pgbench same SQL${suffix}`,
                connections: c,
                perSecond: r.perSecond,
                p50Ms: r.p50Ms,
                p99Ms: r.p99Ms,
                avgMs: r.avgMs,
                note: `${r.iterations} transactions of ${s.sql.length} statements in ${plan.seconds} s, ${r.failed} failed${plan.note}`,
                loadAvg,
              });
            } else {
              const how = backend === 'pglite' ? 'in-process on PGlite' : 'in-process over the pg pool (pgbench not installed)';
              console.log(`[${backend}] ${u.username} ${t.label}${suffix}: same ${s.sql.length} statements ${how}, ${c} loops …`);
              const loadAvg = os.loadavg()[0] as number;
              const r = await server.ask(
                { cmd: 'raw', user: u.username, target: t.key, seconds: plan.seconds, warmupSeconds: plan.warmup, connections: c },
                'raw',
                (plan.seconds + plan.warmup + 600) * 1000,
              );
              await server.ask({ cmd: 'drain' }, 'drained', 660_000);
              rows.push({
                backend,
                user: u.username,
                request: t.label,
                measured: `raw SQL in-process${suffix}`,
                connections: c,
                perSecond: r.perSecond,
                p50Ms: r.iterations ? r.p50Ms : null,
                p99Ms: r.iterations ? r.p99Ms : null,
                avgMs: r.iterations ? r.avgMs : null,
                note: `${r.iterations} sets of ${s.sql.length} statements in ${r.seconds.toFixed(1)} s${plan.note}`,
                loadAvg,
              });
            }
          }
        }
      };
      await measure('');

      let indexedPlans: PlanSummary[] = [];
      let indexes: BackendReport['indexes'];
      if (SUGGESTED) {
        console.log(`[${backend}] creating the suggested indexes in the bench database: ${SUGGESTED_INDEXES.map((i) => i.name).join(', ')} …`);
        const ix = await server.ask({ cmd: 'indexes' }, 'indexes', 600_000);
        indexes = { seconds: ix.seconds, sizes: ix.sizes };
        indexedPlans = (await server.ask({ cmd: 'explain', withDefaultList: false, targets: SUGGESTED_FOR }, 'plans', 600_000)).plans;
        await measure(' + suggested indexes', SUGGESTED_FOR);
      }

      const end = await server.ask({ cmd: 'rss' }, 'rss', 10_000);
      reports.push({
        backend,
        setup: { ...setup, users: users.map((u) => ({ username: u.username, regionPath: u.regionPath, targets: stripAuth(u.targets) })) },
        plans,
        indexedPlans,
        indexes,
        memory: { ready: ready.rssMb, end },
        seconds: (Date.now() - started) / 1000,
      });
      await server.ask({ cmd: 'close' }, 'closed', 60_000);
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

function stripAuth<T extends Record<string, { url: string }>>(targets: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(targets).map(([k, v]) => [k, { ...v, url: new URL(v.url).pathname + new URL(v.url).search }]));
}

function report(): void {
  const fmt = (n: number | null, digits: number) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(digits));
  const header = ['backend', 'user', 'request', 'measured', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'avg ms', 'loadavg', 'note'];
  const numeric = new Set([4, 5, 6, 7, 8, 9]);
  console.log(`\n${machineLine('bench/hazards')}`);
  console.log(
    `${HAZARDS.toLocaleString('en-US')} hazards over ${ENTERPRISES.toLocaleString('en-US')} enterprises; ${CONNECTIONS} connections, ${SECONDS} s per row after ${WARMUP} s warm-up`,
  );
  console.log(`requests: ${TARGETS.map((t) => `${t.label} = GET ${t.path}`).join('; ')}`);
  console.log(`users: ${USERS.map((u) => `${u} (${USER_SCOPES[u]})`).join('; ')}`);
  for (const rep of reports) {
    const l = rep.setup.load;
    console.log(`\n--- ${rep.backend} (${Math.round(rep.seconds)} s for this backend)`);
    console.log(
      `load: demo city + ${rep.setup.enterprises} enterprises in ${rep.setup.seedSeconds.toFixed(1)} s; ${l.hazards.toLocaleString('en-US')} hazards in ${l.insertSeconds.toFixed(1)} s ` +
        `(INSERT … SELECT generate_series, secondary indexes and primary key rebuilt after); ${l.listings} 挂牌督办 listings in ${l.listingSeconds.toFixed(1)} s; ` +
        `VACUUM ANALYZE ${l.vacuumSeconds.toFixed(1)} s; hazard table ${rep.setup.hazardTableMb} MB with indexes`,
    );
    for (const u of rep.setup.users) {
      const t = u.targets as Record<TargetKey, { total: number; second: number; statementsPerRequest: number; unloadedMs: number; responseBytes: number }>;
      console.log(
        `${u.username} (${u.regionPath}): ${t.overview.total.toLocaleString('en-US')} hazards in scope, ${t.overview.second.toLocaleString('en-US')} open, ` +
          `${t.majorOverdue.total} major overdue; statements per request: ` +
          TARGETS.map((x) => `${x.label} ${t[x.key].statementsPerRequest}`).join(', ') +
          `; unloaded: ${TARGETS.map((x) => `${x.label} ${fmtMs(t[x.key].unloadedMs)} ms`).join(', ')}`,
      );
    }
    const table = rows
      .filter((r) => r.backend === rep.backend)
      .map((r) => [
        r.backend,
        r.user,
        r.request,
        r.measured,
        String(r.connections),
        fmt(r.perSecond, r.perSecond !== null && r.perSecond < 10 ? 1 : 0),
        fmt(r.p50Ms, 1),
        fmt(r.p99Ms, 1),
        fmt(r.avgMs, 1),
        r.loadAvg.toFixed(1),
        r.note,
      ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] as string).length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (numeric.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
        .join(' | ')
        .trimEnd();
    console.log('');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
    for (const t of table) console.log(line(t));
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS), ${rep.backend}, schema as migrated (each statement run once before, as under load):`);
    for (const p of rep.plans) console.log(formatPlan(p));
    if (rep.indexes) {
      console.log(
        `\nwith suggested indexes (created in the bench database only, in ${rep.indexes.seconds.toFixed(1)} s): ` +
          SUGGESTED_INDEXES.map((ix) => `${ix.name} ${rep.indexes?.sizes.find((s) => s.name === ix.name)?.mb ?? '?'} MB — ${ix.for}`).join('; '),
      );
      for (const ix of SUGGESTED_INDEXES) console.log(`  ${ix.sql}`);
      for (const p of rep.indexedPlans) console.log(formatPlan(p));
    }
    console.log(
      `\nserver RSS: ${rep.memory.ready} MB ready, ${rep.memory.end.rssMb} MB at the end (heap ${rep.memory.end.heapUsedMb} MB)` +
        (rep.backend === 'pglite' ? ' — includes the embedded PGlite database' : ' — Node process only'),
    );
  }
  for (const n of slow) console.log(`!! ${n}`);
  for (const n of notes) console.log(`!! ${n}`);
  console.log(`run took ${Math.round((Date.now() - runStarted) / 1000)} s`);
}

for (const b of BACKENDS) await benchBackend(b as Backend);
report();
writeResult(here, {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim(),
  settings: {
    seconds: SECONDS,
    warmupSeconds: WARMUP,
    connections: CONNECTIONS,
    enterprises: ENTERPRISES,
    hazards: HAZARDS,
    suggested: SUGGESTED,
    backends: BACKENDS,
    targets: TARGETS,
    suggestedIndexes: SUGGESTED_INDEXES,
  },
  reports,
  rows,
  notes,
  slow,
  runSeconds: (Date.now() - runStarted) / 1000,
});
