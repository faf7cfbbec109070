/**
 * The server side of `bench/api`: run by run.ts as a child process (one per backend), so that the
 * load generator (autocannon, pgbench) lives in another process and this process's resident memory
 * is the server's. It seeds the database, serves the real Taihang app and a bare Fastify app on
 * 127.0.0.1, and answers run.ts's messages. Not meant to be started by hand.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { ZEnterpriseListQuery } from '../../common/contracts/org.js';
import { createDeps } from '../../server/bootstrap.js';
import type { Database } from '../../server/db/client.js';
import type { UserKind } from '../../server/kernel/actor.js';
import { systemClock } from '../../server/kernel/clock.js';
import { appUser } from '../../server/kernel/kernel.schema.js';
import {
  bearerFor,
  closed,
  countStatements,
  exitWithParent,
  listenApp,
  mb,
  onParentMessage,
  openBenchDatabase,
  portOf,
  runChild,
  send as sendAny,
} from '../lib/server.js';
import { topUpEnterprises } from './bulk-enterprises.js';
import { captureFindEnterprises, inlineParams } from './capture-sql.js';
import { type ChildMessage, LIST_QUERY, type ParentMessage, percentile } from './protocol.js';

const USERNAME = 'zezhou';

const [backend, workDir, pgUrl, target] = process.argv.slice(2) as ['pglite' | 'postgres', string, string, string];

const send = (msg: ChildMessage) => sendAny(msg);
const statements = countStatements();
exitWithParent();

async function main(): Promise<void> {
  const started = performance.now();
  const { database, config } = await openBenchDatabase(backend, workDir, pgUrl);
  const enterprises = await topUpEnterprises(database, Number(target), new Date());
  const seedSeconds = (performance.now() - started) / 1000;

  const deps = createDeps(config, database, systemClock, []);
  await deps.jobs.start({ work: false });
  const { app, appUrl } = await listenApp(deps);
  const authorization = await bearerFor(appUrl, USERNAME);

  const statementsBefore = statements();
  const listRes = await fetch(`${appUrl}${LIST_QUERY}`, { headers: { authorization } });
  const listBody = await listRes.text();
  const statementsPerRequest = statements() - statementsBefore;
  if (listRes.status !== 200) throw new Error(`GET ${LIST_QUERY} answered ${listRes.status}: ${listBody.slice(0, 300)}`);
  const list = JSON.parse(listBody) as { items: { id: string }[]; total: number };

  // The same statements the endpoint runs for its page, captured from the repository with zezhou's scope.
  const [user] = await database.db.select().from(appUser).where(eq(appUser.username, USERNAME));
  if (!user) throw new Error(`demo user ${USERNAME} missing`);
  const unit = await deps.resolveUnit(database.db, { kind: user.kind as UserKind, departmentId: user.departmentId, enterpriseId: user.enterpriseId });
  const params = Object.fromEntries(new URL(LIST_QUERY, 'http://x').searchParams);
  const captured = await captureFindEnterprises(unit.scope, ZEnterpriseListQuery.parse(params));
  const inlined = captured.map(inlineParams);
  // Check that the replayed SQL finds what the endpoint returned.
  const [pageSql, countSql] = inlined;
  const pageRows = (await database.query<{ id: string }>(pageSql as string)).rows;
  const countRows = (await database.query<{ count: number }>(countSql as string)).rows;
  const sqlTotal = Number(Object.values(countRows[0] ?? {})[0]);
  if (sqlTotal !== list.total || pageRows.map((r) => r.id).join() !== list.items.map((i) => i.id).join()) {
    throw new Error(`replayed SQL disagrees with the endpoint (total ${sqlTotal} vs ${list.total})`);
  }

  // Baseline A: bare Fastify serving the same page as fixed JSON (Fastify serialises it on every request).
  const fixed = JSON.parse(listBody) as unknown;
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => fixed);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${portOf(bare.server.address())}/bare`;

  onParentMessage<ParentMessage>(async (raw) => {
    if (raw.cmd === 'rss') {
      const m = process.memoryUsage();
      send({ type: 'rss', rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external + m.arrayBuffers) });
    } else if (raw.cmd === 'raw') {
      await rawLoop(database, captured, raw.warmupSeconds, () => {});
      const lat: number[] = [];
      const seconds = await rawLoop(database, captured, raw.seconds, (ms) => lat.push(ms), raw.connections);
      lat.sort((a, b) => a - b);
      send({
        type: 'raw',
        perSecond: lat.length / seconds,
        p99Ms: percentile(lat, 99),
        avgMs: lat.reduce((s, x) => s + x, 0) / (lat.length || 1),
        iterations: lat.length,
      });
    } else if (raw.cmd === 'close') {
      await bare.close();
      await app.close();
      await deps.jobs.stop();
      await database.close();
      closed();
    }
  });

  const m = process.memoryUsage();
  send({
    type: 'ready',
    appUrl: `${appUrl}${LIST_QUERY}`,
    bareUrl,
    authorization,
    enterprises: enterprises.after,
    demoEnterprises: enterprises.before,
    listTotal: list.total,
    responseBytes: Buffer.byteLength(listBody),
    statementsPerRequest,
    seedSeconds,
    sql: inlined,
    rssMb: mb(m.rss),
  });
}

/**
 * Runs the page select and the count (together, as the repository does) from `connections` loops
 * for `seconds`, reporting each pair's latency. Returns the elapsed seconds.
 */
async function rawLoop(
  database: Database,
  queries: { text: string; values: unknown[] }[],
  seconds: number,
  record: (ms: number) => void,
  connections = 10,
): Promise<number> {
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      await Promise.all(queries.map((q) => database.query(q.text, q.values)));
      record(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return (performance.now() - start) / 1000;
}

runChild(main);
