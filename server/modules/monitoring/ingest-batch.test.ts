import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { sweepStale } from './index.js';

/**
 * One batch carries many sensors (a mine's gateway sends every point each cycle): their last values,
 * statuses and rule states are written for the whole batch at once, and each sensor still gets exactly
 * its own alarms — checked sensor by sensor.
 */
let t: TestServer;
let h: Record<string, string>;
let gov: Record<string, string>;
let key = '';
let enterpriseId = '';
const ids = new Map<string, string>();

const CH4 = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06'];
const CO = ['C01', 'C02', 'C03'];
const TEMP = ['W01', 'W02', 'W03'];
const ALL = [...CH4, ...CO, ...TEMP];
const iso = (ms: number) => new Date(ms).toISOString();
const post = (url: string, headers: Record<string, string>, payload: unknown) => t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string, headers: Record<string, string>) => t.app.inject({ url, headers });
const ingest = (readings: { code: string; ts: string; value: number }[]) => post('/api/readings', { authorization: `Bearer ${key}` }, { readings });
const normal = (code: string) => (code.startsWith('T') ? 0.3 : code.startsWith('C') ? 5 : 21);

async function sensors(): Promise<Map<string, { lastValue: number | null; lastTs: string | null; status: string }>> {
  const res = await get(`/api/sensors?enterpriseId=${enterpriseId}&pageSize=100`, h);
  return new Map((res.json().items as { code: string; lastValue: number | null; lastTs: string | null; status: string }[]).map((s) => [s.code, s]));
}

async function activeAlarms(): Promise<{ sensorId: string; type: string }[]> {
  return (await get(`/api/alarms?enterpriseId=${enterpriseId}&status=active&pageSize=100`, gov)).json().items;
}

async function ruleStates(): Promise<Map<string, { lastTs: string | null; lastValue: number | null }>> {
  const r = (await t.database.db.execute(
    `select sensor_id, state from alarm_rule_state where sensor_id in (${[...ids.values()].map((id) => `'${id}'`).join(',')})` as never,
  )) as unknown as { rows: { sensor_id: string; state: { lastTs: string | null; lastValue: number | null } }[] };
  return new Map(r.rows.map((x) => [x.sensor_id, x.state]));
}

beforeAll(async () => {
  t = await getTestServer();
  const db = t.database.db;
  const r = await makeCity(db);
  const dept = await makeDepartment(db, r.countyA, 'government');
  const e = await makeEnterprise(db, r.townA, { industry: 'coal' });
  enterpriseId = e.id;
  h = await loginAs(t.app, (await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: e.id })).username);
  gov = await loginAs(t.app, (await makeUser(db, 'government', ['regulator-admin'], { departmentId: dept.id })).username);
  for (const code of ALL) {
    const body = code.startsWith('T')
      ? { type: 'ch4', unit: '%CH4', coalLocationKey: 'face' }
      : code.startsWith('C')
        ? { type: 'co', unit: 'ppm', coalLocationKey: null }
        : { type: 'temperature', unit: '℃', rules: { staleSeconds: 60 } };
    const s = await post('/api/sensors', h, { enterpriseId: e.id, code, name: code, location: '15101工作面', ...body });
    expect(s.statusCode).toBe(200);
    ids.set(code, s.json().data.id);
  }
  key = (await post('/api/monitoring/credentials', h, { enterpriseId: e.id, label: '网关' })).json().data.key;
});
afterAll(() => t.close());

describe('a batch of many sensors', () => {
  it('moves every sensor’s last value and rule state, and raises only the over-limit sensor’s alarms', async () => {
    const t0 = t.clock.now().getTime() - 120_000;
    // Three cycles of all twelve points; T02's newest reading is over the power-off limit (1.5 %CH4).
    const batch = [0, 10_000, 20_000].flatMap((d) => ALL.map((code, i) => ({ code, ts: iso(t0 + d), value: normal(code) + i / 100 + d / 1e6 })));
    const last = batch.slice(-ALL.length);
    const over = last.find((x) => x.code === 'T02') as (typeof last)[number];
    over.value = 1.8;
    const res = await ingest(batch);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 36, duplicates: 0, unknown: 0 });

    const after = await sensors();
    for (const x of last) expect(after.get(x.code), x.code).toMatchObject({ lastValue: x.value, lastTs: x.ts, status: 'online' });
    const states = await ruleStates();
    for (const x of last) expect(states.get(ids.get(x.code) as string), x.code).toMatchObject({ lastTs: x.ts, lastValue: x.value });
    const alarms = await activeAlarms();
    expect(alarms.map((a) => a.type).sort()).toEqual(['high', 'powerOff']);
    expect(new Set(alarms.map((a) => a.sensorId))).toEqual(new Set([ids.get('T02')]));

    // The same batch again: all duplicates, nothing raised twice.
    expect((await ingest(batch)).json()).toMatchObject({ accepted: 0, duplicates: 36 });
    expect(await activeAlarms()).toHaveLength(2);
  });

  it('a late reading stores but moves nothing; a normal value clears; a stale sensor comes back and a new one starts its state in a batch of others', async () => {
    const before = await sensors();
    const newest = Date.parse(before.get('T01')?.lastTs as string);
    // T01 late (before its last value), T02 back to normal, T03 newer.
    const res = await ingest([
      { code: 'T01', ts: iso(newest - 60_000), value: 0.9 },
      { code: 'T02', ts: iso(newest + 10_000), value: 0.4 },
      { code: 'T03', ts: iso(newest + 10_000), value: 0.45 },
    ]);
    expect(res.json()).toMatchObject({ accepted: 3 });
    const after = await sensors();
    expect(after.get('T01')).toMatchObject({ lastValue: before.get('T01')?.lastValue, lastTs: before.get('T01')?.lastTs, status: 'online' });
    expect(after.get('T02')).toMatchObject({ lastValue: 0.4 });
    expect(after.get('T03')).toMatchObject({ lastValue: 0.45 });
    expect(await activeAlarms()).toHaveLength(0);

    // The temperature points go silent past their 60 s; one of them comes back within a batch of all the others.
    t.clock.advance(5 * 60_000);
    expect(await sweepStale(t.deps)).toBeGreaterThanOrEqual(3);
    expect((await sensors()).get('W01')?.status).toBe('stale');
    expect((await activeAlarms()).filter((a) => a.type === 'stale').map((a) => a.sensorId)).toContain(ids.get('W01'));
    // A point registered just now (no rule state yet) reports in the same batch, over its limit.
    const added = await post('/api/sensors', h, {
      enterpriseId,
      code: 'T07',
      name: 'T07',
      location: '15101工作面',
      type: 'ch4',
      unit: '%CH4',
      coalLocationKey: 'face',
    });
    ids.set('T07', added.json().data.id);
    const now = t.clock.now().getTime();
    await ingest([...CH4, ...CO, 'W01', 'T07'].map((code) => ({ code, ts: iso(now - 1000), value: code === 'T07' ? 1.2 : normal(code) })));
    const back = await sensors();
    expect(back.get('W01')?.status).toBe('online');
    expect(back.get('W02')?.status).toBe('stale');
    const active = await activeAlarms();
    const stale = active.filter((a) => a.type === 'stale').map((a) => a.sensorId);
    expect(stale).not.toContain(ids.get('W01'));
    expect(stale).toContain(ids.get('W02'));
    expect(active.filter((a) => a.sensorId === ids.get('T07')).map((a) => a.type)).toEqual(['high']);
    const states = await ruleStates();
    for (const code of [...CH4, 'W01', 'T07']) expect(states.get(ids.get(code) as string), code).toMatchObject({ lastTs: iso(now - 1000) });
  });
});
