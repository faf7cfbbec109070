/**
 * The bench database's monitoring side: the mines' sensors and ingestion keys, and the COPY baseline's
 * table, shaped like `reading`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import type { SensorType, TSensorRules } from '../../common/contracts/monitoring.js';
import { defaultRulesFor } from '../../common/rules/coal-gas-thresholds.js';
import type { Database } from '../../server/db/client.js';
import { type Actor, systemActor } from '../../server/kernel/actor.js';
import { type Deps, inTransaction } from '../../server/kernel/context.js';
import { createCredential } from '../../server/modules/monitoring/commands/create-credential.js';
import { sensor } from '../../server/modules/monitoring/monitoring.schema.js';
import { topUpEnterprises } from '../api/bulk-enterprises.js';
import type { PgTarget } from '../lib/postgres.js';
import type { BenchEnterprise, BenchSensor, CopyResult } from './protocol.js';

const run = promisify(execFile);

/** The label of the bench mines' ingestion keys (it also tells their sensors from the demo's). */
const BENCH_KEY_LABEL = 'bench/ingest 网关';

/**
 * One 采区 (district) of a coal mine as its monitoring system registers it: the face's T0/T1/T2
 * methane points, CO, temperature and air speed, a heading's two methane points, O2 and the return
 * airway. A mine is as many districts as its sensor count needs (the last one partly).
 */
const DISTRICT: readonly { type: SensorType; unit: string; name: string; location: string; key?: string; low: number; high: number }[] = [
  { type: 'ch4', unit: '%CH4', name: '工作面上隅角甲烷T0', location: '综采工作面回风隅角', key: 'faceUpperCorner', low: 0.1, high: 0.6 },
  { type: 'ch4', unit: '%CH4', name: '工作面甲烷T1', location: '综采工作面距煤壁≤10 m', key: 'face', low: 0.1, high: 0.6 },
  { type: 'ch4', unit: '%CH4', name: '回风巷甲烷T2', location: '工作面回风巷', key: 'faceReturn', low: 0.1, high: 0.6 },
  { type: 'co', unit: 'ppm', name: '回风巷一氧化碳', location: '工作面回风巷', low: 2, high: 12 },
  { type: 'temperature', unit: '℃', name: '回风巷温度', location: '工作面回风巷', low: 18, high: 26 },
  { type: 'windSpeed', unit: 'm/s', name: '回风巷风速', location: '工作面回风巷', low: 0.8, high: 3.5 },
  { type: 'ch4', unit: '%CH4', name: '掘进工作面甲烷T1', location: '掘进工作面', key: 'heading', low: 0.1, high: 0.6 },
  { type: 'ch4', unit: '%CH4', name: '掘进回风甲烷T2', location: '掘进工作面回风流', key: 'headingReturn', low: 0.1, high: 0.6 },
  { type: 'o2', unit: '%O2', name: '进风巷氧气', location: '工作面进风巷', low: 20.2, high: 20.9 },
  { type: 'ch4', unit: '%CH4', name: '采区回风甲烷', location: '采区回风巷', key: 'districtReturn', low: 0.1, high: 0.6 },
];

/** The lowest high-side limit of a sensor's rules (normal readings stay well under it). */
function lowestLimit(r: TSensorRules): number {
  return Math.min(r.high ?? Infinity, r.highHigh ?? Infinity, r.powerOff ?? Infinity, r.highClear ?? Infinity, r.powerRestore ?? Infinity);
}

/**
 * Picks `count` enterprises without sensors (coal first; the demo city topped up with bench/api's synthetic ones when
 * it has fewer) and registers `perEnterprise` sensors and one ingestion key on each, one transaction
 * per enterprise. The sensors are one multi-row INSERT per mine with the rows createSensor would write
 * (the 煤矿安全规程 defaults of defaultRulesFor, the enterprise's name and scope anchors), without its
 * per-sensor checks and audit rows: registering 5 000 sensors one command at a time took minutes on
 * PGlite, and registration is not what is measured. The key is made by createCredential (the SHA-256
 * of a fresh secret, audited), as the API does.
 */
export async function setupMonitoring(deps: Deps, count: number, perEnterprise: number, log: (s: string) => void): Promise<BenchEnterprise[]> {
  const { database } = deps;
  const list = async () =>
    (
      await database.query<{ id: string; name: string; region_path: string; industry: string; group_id: string | null }>(
        // Enterprises without sensors: the demo's monitored mines keep their own sensors and history.
        `select id, name, region_path, industry, group_id from enterprise e where status = 'operating' and not exists (select 1 from sensor s where s.enterprise_id = e.id) order by (industry = 'coal') desc, uscc limit ${Number(count)}`,
      )
    ).rows;
  let picked = await list();
  if (picked.length < count) {
    const total = Number(((await database.query<{ n: number }>('select count(*)::int as n from enterprise')).rows[0] as { n: number }).n);
    // Synthetic enterprises are ~90 % operating: top up with some room.
    await topUpEnterprises(database, total + Math.ceil((count - picked.length) * 1.2) + 5, new Date());
    picked = await list();
  }
  if (picked.length < count) throw new Error(`bench: only ${picked.length} operating enterprises, ${count} wanted`);

  // System scope, and the one grant the ingest-key policy asks for (sensor.manage): the setup acts as the mines' operator.
  const actor: Actor = { ...systemActor('bench/ingest setup'), permissions: new Set(['sensor.manage']) };
  const info = { id: null, ip: null, locale: 'zh-CN' as const };
  const out: BenchEnterprise[] = [];
  const t0 = performance.now();
  for (const [i, e] of picked.entries()) {
    const made = await inTransaction(deps, actor, info, async (ctx) => {
      const now = ctx.clock.now();
      const planned = Array.from({ length: perEnterprise }, (_, n) => {
        const district = Math.floor(n / DISTRICT.length) + 1;
        const t = DISTRICT[n % DISTRICT.length] as (typeof DISTRICT)[number];
        const rules = defaultRulesFor(t.type, t.key ?? null);
        return {
          t,
          rules,
          row: {
            enterpriseId: e.id,
            enterpriseName: e.name,
            regionPath: e.region_path,
            industry: e.industry,
            groupId: e.group_id,
            installationName: `${district}采区`,
            code: `${String(district).padStart(3, '0')}${String((n % DISTRICT.length) + 1).padStart(2, '0')}1`,
            name: `${district}采区${t.name}`,
            type: t.type,
            unit: t.unit,
            location: `${district}采区${t.location}`,
            coalLocationKey: t.key ?? null,
            rules,
            createdAt: now,
            updatedAt: now,
          } satisfies typeof sensor.$inferInsert,
        };
      });
      const rows = await ctx.tx
        .insert(sensor)
        .values(planned.map((p) => p.row))
        .returning({ id: sensor.id, code: sensor.code });
      const idOf = new Map(rows.map((r) => [r.code, r.id]));
      const sensors: BenchSensor[] = planned.map(({ t, rules, row }) => {
        const high = Math.min(t.high, 0.6 * lowestLimit(rules));
        return {
          id: idOf.get(row.code) as string,
          code: row.code,
          type: t.type,
          low: Math.min(t.low, high / 2),
          high,
          probeValue: rules.powerOff !== undefined ? Math.max(rules.powerOff, rules.high ?? 0) + 0.5 : null,
        };
      });
      const key = await createCredential(ctx, { enterpriseId: e.id, label: BENCH_KEY_LABEL });
      return { sensors, key: key.key };
    });
    out.push({ id: e.id, name: e.name, key: made.key, sensors: made.sensors });
    if ((i + 1) % 10 === 0 || i + 1 === picked.length)
      log(`  ${i + 1}/${picked.length} enterprises, ${(i + 1) * perEnterprise} sensors registered (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  await database.query('analyze');
  return out;
}

/**
 * `reading_baseline`: the same columns, primary key and monthly partitions (plus the default one) as
 * `reading` at this moment, for the COPY baseline. Made after the partitions exist.
 */
export async function createBaselineTable(database: Database): Promise<void> {
  await database.query('drop table if exists reading_baseline');
  await database.query('create table reading_baseline (like reading including all) partition by range (ts)');
  const parts = (
    await database.query<{ name: string; bound: string }>(
      `select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
       from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
       where p.relname = 'reading' order by 1`,
    )
  ).rows;
  for (const p of parts) {
    const name = p.name.replace(/^reading/, 'reading_baseline');
    await database.query(`create table "${name}" partition of reading_baseline ${p.bound === 'DEFAULT' ? 'default' : p.bound}`);
  }
}

const COLUMNS = 'sensor_id, ts, value, received_at';
/**
 * The bench mines' rows of `reading` in [from, to): the demo's seeded history of its own sensors
 * reaches into the same minutes and is left out.
 */
const benchRows = (what: string, from: string, to: string) =>
  // One line: psql's \copy takes the rest of its line.
  `select ${what} from reading where ts >= '${new Date(from).toISOString()}' and ts < '${new Date(to).toISOString()}' ` +
  `and sensor_id in (select s.id from sensor s join ingest_credential c on c.enterprise_id = s.enterprise_id where c.label = '${BENCH_KEY_LABEL}')`;

async function baselineCount(database: Database): Promise<number> {
  return Number(((await database.query<{ n: number }>('select count(*)::int as n from reading_baseline')).rows[0] as { n: number }).n);
}

/**
 * COPY of the readings stored in [from, to) into the empty `reading_baseline`, timed. PostgreSQL:
 * `psql \copy … from '<csv file>'` (pg-copy-streams is not installed; \copy streams the file over the
 * connection as COPY FROM STDIN does), the export before it not timed. PGlite: `COPY … FROM '/dev/blob'`
 * on the same instance, with the rows exported by `COPY … TO '/dev/blob'` (not timed).
 */
export async function copyBaseline(database: Database, pg: PgTarget | null, workDir: string, from: string, to: string): Promise<CopyResult> {
  await database.query('truncate reading_baseline');
  if (database.kind === 'pglite') {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const out = await client.query(`copy (${benchRows(COLUMNS, from, to)}) to '/dev/blob' with (format csv)`);
    if (!out.blob) throw new Error('PGlite COPY TO /dev/blob returned no blob');
    const rows = (await out.blob.text()).split('\n').filter(Boolean).length;
    const t0 = performance.now();
    await client.query(`copy reading_baseline (${COLUMNS}) from '/dev/blob' with (format csv)`, [], { blob: out.blob });
    const seconds = (performance.now() - t0) / 1000;
    return { rows, seconds, how: "PGlite COPY reading_baseline FROM '/dev/blob' (CSV), in-process", stored: await baselineCount(database) };
  }
  if (!pg) throw new Error('copyBaseline: no PostgreSQL target');
  const file = path.join(workDir, 'baseline.csv');
  const args = ['-X', '-v', 'ON_ERROR_STOP=1', '-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', pg.database];
  const env = { ...process.env, ...(pg.password ? { PGPASSWORD: pg.password } : {}) };
  await run('psql', [...args, '-c', `\\copy (${benchRows(COLUMNS, from, to)}) to '${file}' with (format csv)`], { env });
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  // psql's own \timing: the \copy alone, without psql's start-up and connection.
  const { stdout } = await run('psql', [...args, '-c', '\\timing on', '-c', `\\copy reading_baseline (${COLUMNS}) from '${file}' with (format csv)`], { env });
  const ms = Number(/Time: ([\d.]+) ms/.exec(stdout)?.[1]);
  if (!Number.isFinite(ms)) throw new Error(`psql printed no timing: ${stdout.slice(0, 200)}`);
  const seconds = ms / 1000;
  fs.rmSync(file, { force: true });
  return {
    rows,
    seconds,
    how: "psql \\copy reading_baseline FROM a CSV file (COPY FROM STDIN over the connection), psql's \\timing",
    stored: await baselineCount(database),
  };
}

/** The bench mines' rows of `reading` in [from, to). */
export async function countReadings(database: Database, from: string, to: string): Promise<number> {
  const r = await database.query<{ n: number }>(benchRows('count(*)::int as n', from, to));
  return Number(r.rows[0]?.n ?? 0);
}
