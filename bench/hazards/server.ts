/**
 * The server side of `bench/hazards`: run by run.ts as a child process (one per backend), so that the
 * load generator (autocannon, pgbench) lives in another process. It builds the database (demo city,
 * 10 000 enterprises, the hazards), serves the real Taihang app on 127.0.0.1, captures the SQL of each
 * measured request, and answers run.ts's messages (raw-SQL loops, EXPLAIN, suggested indexes). Not
 * meant to be started by hand.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { toShanghaiDate } from '../../common/rules/calendar/working-days.js';
import { createDeps } from '../../server/bootstrap.js';
import type { Database } from '../../server/db/client.js';
import type { UserKind } from '../../server/kernel/actor.js';
import { systemClock } from '../../server/kernel/clock.js';
import { appUser } from '../../server/kernel/kernel.schema.js';
import { topUpEnterprises } from '../api/bulk-enterprises.js';
import { type CapturedQuery, inlineParams } from '../api/capture-sql.js';
import {
  bearerFor,
  closed,
  countStatements,
  exitWithParent,
  listenApp,
  mb,
  onParentMessage,
  openBenchDatabase,
  runChild,
  send as sendAny,
} from '../lib/server.js';
import { loadHazards } from './bulk-hazards.js';
import { captureHazardSql } from './capture-sql.js';
import { explain, type PlanSummary } from './explain.js';
import {
  type ChildMessage,
  DEFAULT_LIST,
  type ParentMessage,
  percentile,
  type RawResult,
  SUGGESTED_INDEXES,
  TARGETS,
  type TargetKey,
  type TargetSetup,
  USERS,
  type UserSetup,
} from './protocol.js';

const [backend, workDir, pgUrl, enterpriseTarget, hazardCount] = process.argv.slice(2) as ['pglite' | 'postgres', string, string, string, string];

exitWithParent();
const send = (msg: ChildMessage) => sendAny(msg);
const log = (line: string) => console.log(`[${backend}] ${line}`);

/** SQL statements sent by this process (both drivers), to report how many one request runs. */
const statements = countStatements();

async function main(): Promise<void> {
  const started = performance.now();
  const { database, config } = await openBenchDatabase(backend, workDir, pgUrl);
  const enterprises = await topUpEnterprises(database, Number(enterpriseTarget), new Date());
  const seedSeconds = (performance.now() - started) / 1000;
  log(`demo city + ${enterprises.after} enterprises in ${seedSeconds.toFixed(1)} s; loading ${Number(hazardCount).toLocaleString('en-US')} hazards …`);
  const now = new Date();
  const load = await loadHazards(database, Number(hazardCount), now, toShanghaiDate(now), log);
  const hazardTableMb = mb(Number(((await database.query<{ n: string }>(`select pg_total_relation_size('hazard') as n`)).rows[0] as { n: string }).n));

  const deps = createDeps(config, database, systemClock, []);
  await deps.jobs.start({ work: false });
  const { app, appUrl } = await listenApp(deps);

  const users: UserSetup[] = [];
  const captured = new Map<string, CapturedQuery[]>();
  for (const username of USERS) {
    const authorization = await bearerFor(appUrl, username);
    const [user] = await database.db.select().from(appUser).where(eq(appUser.username, username));
    if (!user) throw new Error(`demo user ${username} missing`);
    const { scope } = await deps.resolveUnit(database.db, { kind: user.kind as UserKind, departmentId: user.departmentId, enterpriseId: user.enterpriseId });
    if (scope.kind !== 'government') throw new Error(`bench: ${username} should have a government scope, has ${scope.kind}`);

    const targets = {} as Record<TargetKey, TargetSetup>;
    for (const t of TARGETS) {
      const before = statements();
      const res = await fetch(`${appUrl}${t.path}`, { headers: { authorization } });
      const body = await res.text();
      const statementsPerRequest = statements() - before;
      if (res.status !== 200) throw new Error(`GET ${t.path} as ${username} answered ${res.status}: ${body.slice(0, 300)}`);
      const json = JSON.parse(body) as { items?: { id: string }[]; total?: number; totals?: { total: number; open: number } };
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await (await fetch(`${appUrl}${t.path}`, { headers: { authorization } })).arrayBuffer();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);

      // The statements the endpoint runs, from the repository with this user's scope; then check that
      // replaying them finds what the endpoint returned.
      const qs = await captureHazardSql(t.kind, t.path, scope, systemClock);
      captured.set(`${username}:${t.key}`, qs);
      const inlined = qs.map(inlineParams);
      let total: number;
      let second: number;
      if (t.kind === 'list') {
        const [pageSql, countSql] = inlined as [string, string];
        const pageRows = (await database.query<{ id: string }>(pageSql)).rows;
        const sqlTotal = Number(Object.values((await database.query(countSql)).rows[0] ?? {})[0]);
        const items = json.items ?? [];
        if (sqlTotal !== json.total || pageRows.map((r) => r.id).join() !== items.map((i) => i.id).join())
          throw new Error(`${username} ${t.path}: replayed SQL disagrees with the endpoint (total ${sqlTotal} vs ${json.total})`);
        total = sqlTotal;
        second = items.length;
      } else {
        // The overview's first statement answers the totals in its first row.
        const totals = (await database.query<{ total: number; open: number }>(inlined[0] as string)).rows[0];
        if (!totals || !json.totals || totals.total !== json.totals.total || totals.open !== json.totals.open)
          throw new Error(`${username} ${t.path}: replayed SQL disagrees with the endpoint (${JSON.stringify(totals)} vs ${JSON.stringify(json.totals)})`);
        total = totals.total;
        second = totals.open;
      }
      targets[t.key] = {
        url: `${appUrl}${t.path}`,
        total,
        second,
        responseBytes: Buffer.byteLength(body),
        statementsPerRequest,
        unloadedMs: times[1] as number,
        sql: inlined,
      };
    }
    const defaultListSql = (await captureHazardSql('list', DEFAULT_LIST, scope, systemClock)).map(inlineParams);
    users.push({ username, authorization, regionPath: scope.regionPath, targets, defaultListSql });
  }

  onParentMessage<ParentMessage>(async (raw) => {
    if (raw.cmd === 'rss') {
      const m = process.memoryUsage();
      send({ type: 'rss', rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external + m.arrayBuffers) });
    } else if (raw.cmd === 'raw') {
      const qs = captured.get(`${raw.user}:${raw.target}`);
      if (!qs) throw new Error(`no captured SQL for ${raw.user}:${raw.target}`);
      if (raw.warmupSeconds) await rawLoop(database, qs, raw.warmupSeconds, () => {}, raw.connections);
      const lat: number[] = [];
      const seconds = await rawLoop(database, qs, raw.seconds, (ms) => lat.push(ms), raw.connections);
      lat.sort((a, b) => a - b);
      const r: RawResult = {
        perSecond: lat.length / seconds,
        p50Ms: percentile(lat, 50),
        p99Ms: percentile(lat, 99),
        avgMs: lat.reduce((s, x) => s + x, 0) / (lat.length || 1),
        iterations: lat.length,
        seconds,
      };
      send({ type: 'raw', ...r });
    } else if (raw.cmd === 'explain') {
      const plans: PlanSummary[] = [];
      for (const u of users) {
        for (const t of TARGETS) {
          if (!raw.targets.includes(t.key)) continue;
          const names = t.kind === 'list' ? ['page', 'count'] : ['grouped counts', 'listedOpen'];
          for (const [i, s] of u.targets[t.key].sql.entries()) {
            await database.query(s); // warm, as under load
            plans.push(await explain(database, `${u.username} ${t.label}: ${names[i] ?? `#${i + 1}`}`, s));
          }
        }
        if (raw.withDefaultList) {
          for (const [i, s] of u.defaultListSql.entries()) {
            await database.query(s);
            plans.push(await explain(database, `${u.username} default list (no filter, not load-tested): ${i ? 'count' : 'page'}`, s));
          }
          // What-if, not the app's SQL: the same page ordered `created_at desc` (the column is NOT NULL, so
          // the rows are the same), which hazard_created_idx can serve backwards.
          const page = u.defaultListSql[0] as string;
          const whatIf = page.replace('"hazard"."created_at" desc nulls last', '"hazard"."created_at" desc');
          if (whatIf !== page) {
            await database.query(whatIf);
            plans.push(
              await explain(database, `${u.username} default list page ordered created_at desc without nulls last (what-if, not the app's SQL)`, whatIf),
            );
          }
        }
      }
      send({ type: 'plans', plans });
    } else if (raw.cmd === 'indexes') {
      const t0 = performance.now();
      for (const ix of SUGGESTED_INDEXES) await database.query(ix.sql);
      await database.query('analyze hazard');
      const seconds = (performance.now() - t0) / 1000;
      const sizes: { name: string; mb: number }[] = [];
      for (const ix of SUGGESTED_INDEXES) {
        const r = await database.query<{ n: string }>(`select pg_relation_size('${ix.name}') as n`);
        sizes.push({ name: ix.name, mb: mb(Number((r.rows[0] as { n: string }).n)) });
      }
      send({ type: 'indexes', seconds, sizes });
    } else if (raw.cmd === 'drain') {
      send({ type: 'drained', ms: await drain(database) });
    } else if (raw.cmd === 'close') {
      await app.close();
      await deps.jobs.stop();
      await database.close();
      closed();
    }
  });

  const m = process.memoryUsage();
  send({
    type: 'ready',
    appUrl,
    users,
    enterprises: enterprises.after,
    demoEnterprises: enterprises.before,
    seedSeconds,
    load,
    hazardTableMb,
    rssMb: mb(m.rss),
  });
}

/**
 * Runs the request's statements one after the other (as the repository does: page then count; the
 * overview's grouped counts then its listed count) from `connections` loops for `seconds`, reporting each set's latency.
 * Returns the elapsed seconds.
 */
async function rawLoop(database: Database, queries: CapturedQuery[], seconds: number, record: (ms: number) => void, connections: number): Promise<number> {
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      for (const q of queries) await database.query(q.text, q.values);
      record(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return (performance.now() - start) / 1000;
}

/**
 * After a load generator stops, requests it abandoned may still be running in the server: wait until
 * a trivial statement goes through at once three times in a row (PGlite runs one statement at a time;
 * the pg pool hands out connections in order), so the next row starts on an idle server.
 */
async function drain(database: Database): Promise<number> {
  const start = performance.now();
  let fast = 0;
  while (fast < 3 && performance.now() - start < 600_000) {
    const t = performance.now();
    await database.query('select 1');
    fast = performance.now() - t < 20 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, fast ? 50 : 200));
  }
  return performance.now() - start;
}

runChild(main);
