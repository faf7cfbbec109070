import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../db/client.js';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeRegion, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { enterpriseCopies } from './enterprise-copies.js';

/**
 * Issue 11 item 6, scope follows the enterprise: every copy of an enterprise's region path, industry or group on
 * another table is registered, and moving the enterprise (county, industry, group) rewrites all of them in the
 * same transaction. On the old code a moved enterprise's sensors stayed visible to the old county only.
 */
let t: TestServer;
beforeAll(async () => {
  t = await getTestServer();
});
afterAll(() => t.close());

const COPY_COLUMNS = ['region_path', 'industry', 'group_id'] as const;

async function rows<T>(ex: Executor, q: SQL): Promise<T[]> {
  const r = (await ex.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}

/** Columns of every base table in the public schema: { table → column → { type, nullable, hasDefault } }. */
async function tableColumns(ex: Executor) {
  const cols = await rows<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(
    ex,
    sql`select c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default
          from information_schema.columns c join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
         order by c.table_name, c.ordinal_position`,
  );
  const out = new Map<string, typeof cols>();
  for (const c of cols) out.set(c.table_name, [...(out.get(c.table_name) ?? []), c]);
  return out;
}

describe('copies of an enterprise’s scope anchors', () => {
  it('every table with region_path/industry/group_id next to enterprise_id is registered, with each such column', async () => {
    const tables = await tableColumns(t.database.db);
    const registered = enterpriseCopies();
    const missing: string[] = [];
    for (const [table, cols] of tables) {
      const names = new Set(cols.map((c) => c.column_name));
      if (!names.has('enterprise_id')) continue;
      const copied = COPY_COLUMNS.filter((c) => names.has(c));
      if (!copied.length) continue;
      const reg = registered.get(table);
      if (!reg) {
        missing.push(`${table} (${copied.join(', ')})`);
        continue;
      }
      const regCols = [reg.regionPath?.name, reg.industry?.name, reg.groupId?.name].filter(Boolean);
      for (const c of copied) if (!regCols.includes(c)) missing.push(`${table}.${c}`);
    }
    expect(missing).toEqual([]);
    // The test is not vacuous: the known copies are all there.
    expect([...registered.keys()].sort()).toEqual(
      expect.arrayContaining(['accident', 'activity_record', 'alarm', 'hazard', 'sensor', 'task_assignee', 'warning_target']),
    );
  });

  it('moving an enterprise to another county, industry and group rewrites every registered copy; the counties see its sensors accordingly', async () => {
    const db = t.database.db;
    const r = await makeCity(db);
    const townB2 = await makeRegion(db, r.countyB, '乙县二镇', 'town');
    const city = await loginAs(
      t.app,
      (await makeUser(db, 'government', ['regulator-admin'], { departmentId: (await makeDepartment(db, r.city, 'government')).id })).username,
    );
    const govA = await loginAs(
      t.app,
      (await makeUser(db, 'government', ['regulator-admin'], { departmentId: (await makeDepartment(db, r.countyA, 'government')).id })).username,
    );
    const govB = await loginAs(
      t.app,
      (await makeUser(db, 'government', ['regulator-admin'], { departmentId: (await makeDepartment(db, r.countyB, 'government')).id })).username,
    );
    const groupOld = await makeEnterprise(db, r.townA, { isGroup: true, industry: 'coal' });
    const groupNew = await makeEnterprise(db, r.townB, { isGroup: true, industry: 'hazchem' });
    const ent = await makeEnterprise(db, r.townA, { industry: 'coal', groupId: groupOld.id });
    const mgr = await loginAs(t.app, (await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: ent.id })).username);

    // A real sensor through the API, and one row in every registered copy table (generic, so a future copy is covered).
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/sensors',
      headers: mgr,
      payload: { enterpriseId: ent.id, code: 'MV1', name: '甲烷', type: 'ch4', unit: '%CH4', location: '回风巷', coalLocationKey: 'face' },
    });
    expect(created.statusCode).toBe(200);
    const sensorId = created.json().data.id;
    const tables = await tableColumns(db);
    for (const [name] of enterpriseCopies()) await insertRowFor(db, name, tables.get(name) ?? [], ent);

    // type=ch4: the generic filler rows are not valid sensors (their type is a random text), and under the test run's
    // response-contract check a list carrying one answers 500.
    const seen = async (h: Record<string, string>) =>
      (await t.app.inject({ url: '/api/sensors?pageSize=200&type=ch4', headers: h })).json().items.map((s: { id: string }) => s.id) as string[];
    expect(await seen(govA)).toContain(sensorId);
    expect(await seen(govB)).not.toContain(sensorId);

    const version = (await t.app.inject({ url: `/api/enterprises/${ent.id}`, headers: city })).json().data.version;
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/enterprises/${ent.id}`,
      headers: city,
      payload: { version, regionCode: townB2.code, industry: 'hazchem', groupId: groupNew.id },
    });
    expect(moved.statusCode).toBe(200);

    for (const [name, c] of enterpriseCopies()) {
      const all = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${sql.identifier(name)} where ${sql.identifier(c.enterpriseId.name)} = ${ent.id}`,
      );
      expect(all[0]?.n, name).toBeGreaterThan(0);
      const stale: SQL[] = [];
      if (c.regionPath) stale.push(sql`${sql.identifier(c.regionPath.name)} is distinct from ${townB2.path}`);
      if (c.industry) stale.push(sql`${sql.identifier(c.industry.name)} is distinct from ${'hazchem'}`);
      if (c.groupId) stale.push(sql`${sql.identifier(c.groupId.name)} is distinct from ${groupNew.id}`);
      const left = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${sql.identifier(name)} where ${sql.identifier(c.enterpriseId.name)} = ${ent.id} and (${sql.join(stale, sql` or `)})`,
      );
      expect(left[0]?.n, `${name}: rows still carrying the old anchors`).toBe(0);
    }
    expect(await seen(govA)).not.toContain(sensorId);
    expect(await seen(govB)).toContain(sensorId);
    expect((await t.app.inject({ url: `/api/sensors/${sensorId}`, headers: govA })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/sensors/${sensorId}`, headers: govB })).statusCode).toBe(200);
  });
});

/** Inserts a row carrying the enterprise's current anchors; other required columns get a value of their type. */
async function insertRowFor(
  ex: Executor,
  table: string,
  cols: { column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }[],
  e: { id: string; regionPath: string; industry: string; groupId: string | null },
) {
  const c = enterpriseCopies().get(table);
  if (!c) throw new Error(table);
  const fixed = new Map<string, unknown>([[c.enterpriseId.name, e.id]]);
  if (c.regionPath) fixed.set(c.regionPath.name, e.regionPath);
  if (c.industry) fixed.set(c.industry.name, e.industry);
  if (c.groupId) fixed.set(c.groupId.name, e.groupId);
  const names: SQL[] = [];
  const values: SQL[] = [];
  for (const col of cols) {
    const v = fixed.has(col.column_name) ? sql`${fixed.get(col.column_name)}` : col.is_nullable === 'NO' && col.column_default === null ? filler(col) : null;
    if (!v) continue;
    names.push(sql`${sql.identifier(col.column_name)}`);
    values.push(v);
  }
  await ex.execute(sql`insert into ${sql.identifier(table)} (${sql.join(names, sql`, `)}) values (${sql.join(values, sql`, `)})`);
}

function filler(col: { data_type: string; udt_name: string }): SQL {
  if (col.data_type === 'ARRAY') return sql.raw(`'{}'::${col.udt_name.replace(/^_/, '')}[]`);
  switch (col.udt_name) {
    case 'uuid':
      return sql`gen_random_uuid()`;
    case 'text':
    case 'varchar':
      return sql`${`copy-test-${Math.random().toString(36).slice(2)}`}`;
    case 'int2':
    case 'int4':
    case 'int8':
    case 'float4':
    case 'float8':
    case 'numeric':
      return sql`0`;
    case 'bool':
      return sql`false`;
    case 'timestamptz':
    case 'timestamp':
      return sql`now()`;
    case 'date':
      return sql`current_date`;
    case 'jsonb':
    case 'json':
      return sql`'{}'::jsonb`;
    default:
      throw new Error(`no filler for ${col.udt_name}`);
  }
}
