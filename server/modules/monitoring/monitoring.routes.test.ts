import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { ensureReadingPartitions, sweepStale } from './index.js';
import { applyRetention, rollupRecent } from './monitoring.jobs.js';
import { readingPartitions } from './monitoring.repository.js';

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const govA = await makeDepartment(db, r.countyA, 'government');
  const govB = await makeDepartment(db, r.countyB, 'government');
  const coalDept = await makeDepartment(db, r.city, 'industry', ['coal']);
  const coal = await makeEnterprise(db, r.townA, { industry: 'coal', name: '甲县测试煤业有限公司' });
  const chem = await makeEnterprise(db, r.townB, { industry: 'hazchem' });
  await assign(db, coal.id, coalDept.id);
  const users = {
    mgr: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: coal.id }),
    chemMgr: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: chem.id }),
    gov: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    govB: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id }),
    energy: await makeUser(db, 'industry', ['regulator'], { departmentId: coalDept.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  for (const [k, u] of Object.entries(users)) h[k as keyof typeof users] = await loginAs(s.app, u.username);
  return { r, coal, chem, users, h };
}

const post = (url: string, h: Record<string, string>, payload: unknown) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
});
afterAll(() => t.close());

describe('sensor registry', () => {
  it('gives a coal CH4 point at T0 the 煤矿安全规程 defaults and shows their 依据', async () => {
    const res = await post('/api/sensors', w.h.mgr, {
      enterpriseId: w.coal.id,
      code: '010101',
      name: '上隅角甲烷T0',
      type: 'ch4',
      unit: '%CH4',
      rangeLow: 0,
      rangeHigh: 4,
      location: '15101工作面上隅角',
      coalLocationKey: 'faceUpperCorner',
    });
    expect(res.statusCode).toBe(200);
    const s = res.json().data;
    expect(s.rules).toMatchObject({ high: 1, highClear: 1, powerOff: 1.5, powerRestore: 1 });
    const detail = await get(`/api/sensors/${s.id}`, w.h.energy);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().data.basis.source).toContain('煤矿安全规程');
    // Out of scope is 404.
    expect((await get(`/api/sensors/${s.id}`, w.h.govB)).statusCode).toBe(404);
    expect((await get(`/api/sensors/${s.id}`, w.h.chemMgr)).statusCode).toBe(404);
  });

  it('validates rules with the shared contract and refuses duplicate codes', async () => {
    const bad = await post('/api/sensors', w.h.mgr, {
      enterpriseId: w.coal.id,
      code: '010201',
      name: 'CO',
      type: 'co',
      unit: 'ppm',
      location: '回风巷',
      rules: { high: 24, highClear: 30 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('rules.highClear');
    const dup = await post('/api/sensors', w.h.mgr, { enterpriseId: w.coal.id, code: '010101', name: 'x', type: 'co', unit: 'ppm', location: 'x' });
    expect(dup.statusCode).toBe(409);
    const other = await post('/api/sensors', w.h.mgr, { enterpriseId: w.chem.id, code: 'x', name: 'x', type: 'co', unit: 'ppm', location: 'x' });
    expect(other.statusCode).toBe(400);
    const co = await post('/api/sensors', w.h.mgr, { enterpriseId: w.coal.id, code: '010201', name: '回风巷CO', type: 'co', unit: 'ppm', location: '回风巷' });
    expect(co.json().data.rules.high).toBe(24);
  });

  it('PATCH to another coal location takes that location’s defaults', async () => {
    const list = await get(`/api/sensors?enterpriseId=${w.coal.id}&type=ch4`, w.h.mgr);
    const id = list.json().items[0].id;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/sensors/${id}`, headers: w.h.mgr, payload: { coalLocationKey: 'faceReturn' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.rules).toMatchObject({ high: 1, powerOff: 1, powerRestore: 1 });
    // Back to T0 would move 断电 from 1.0 up to 1.5: a loosening, which needs the supervising department's approval.
    const back = await t.app.inject({ method: 'PATCH', url: `/api/sensors/${id}`, headers: w.h.mgr, payload: { coalLocationKey: 'faceUpperCorner' } });
    expect(back.statusCode).toBe(409);
  });
});

describe('HTTP ingestion', () => {
  let key = '';
  it('creates a credential whose secret is shown once', async () => {
    const res = await post('/api/monitoring/credentials', w.h.mgr, { enterpriseId: w.coal.id, label: '网关1' });
    expect(res.statusCode).toBe(200);
    key = res.json().data.key;
    expect(key).toMatch(/^tk[0-9a-f]{16}\..{40,}$/);
    const list = await get(`/api/monitoring/credentials?enterpriseId=${w.coal.id}`, w.h.mgr);
    expect(JSON.stringify(list.json())).not.toContain(key.split('.')[1]);
    expect((await get(`/api/monitoring/credentials?enterpriseId=${w.coal.id}`, w.h.chemMgr)).statusCode).toBe(404);
  });

  it('401 without or with a wrong key, before looking at the body', async () => {
    expect((await post('/api/readings', {}, { readings: [] })).statusCode).toBe(401);
    expect((await post('/api/readings', { authorization: `Bearer ${key}x` }, { nonsense: true })).statusCode).toBe(401);
    expect((await post('/api/readings', { 'x-ingest-key': 'tk0000.abc' }, {})).statusCode).toBe(401);
  });

  it('400 names the bad item and field', async () => {
    const now = t.clock.now().getTime();
    const res = await post(
      '/api/readings',
      { authorization: `Bearer ${key}` },
      {
        readings: [
          { code: '010101', ts: iso(now), value: 0.3 },
          { code: '010101', ts: 'yesterday', value: 0.3 },
        ],
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('readings.1.ts');
    const future = await post('/api/readings', { authorization: `Bearer ${key}` }, { readings: [{ code: '010101', ts: iso(now + 3_600_000), value: 0.3 }] });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('readings.0.ts');
  });

  it('stores readings once per sensor and time, counts duplicates and unknown sensors, announces a live event', async () => {
    const got: string[] = [];
    const off = t.deps.events.subscribe(w.users.energy.id, (e) => got.push(e.type));
    const now = t.clock.now().getTime() - 60_000;
    const batch = {
      readings: [
        { code: '010101', ts: iso(now - 30_000), value: 0.31 },
        { code: '010101', ts: iso(now), value: 0.35 },
        { code: '010101', ts: iso(now), value: 0.35 },
        { code: '010201', ts: iso(now), value: 5 },
        { code: 'nope', ts: iso(now), value: 1 },
      ],
    };
    const first = await post('/api/readings', { 'x-ingest-key': key }, batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 3, duplicates: 1, unknown: 1, unknownSensors: ['nope'] });
    const again = await post('/api/readings', { authorization: `Bearer ${key}` }, batch);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 4, unknown: 1 });
    const list = await get(`/api/sensors?enterpriseId=${w.coal.id}&q=010101`, w.h.gov);
    const s = list.json().items[0];
    expect(s).toMatchObject({ lastValue: 0.35, status: 'online', level: 'normal' });
    const readings = await get(`/api/readings?sensorId=${s.id}&from=${encodeURIComponent(iso(now - 3_600_000))}`, w.h.gov);
    expect(readings.json().items.map((r: { value: number }) => r.value)).toEqual([0.31, 0.35]);
    await new Promise((r) => setTimeout(r, 300));
    off();
    expect(got).toContain('reading');
  });

  it('a value over the power-off limit shows as powerOff in the live view', async () => {
    const res = await post(
      '/api/readings',
      { authorization: `Bearer ${key}` },
      { readings: [{ code: '010101', ts: iso(t.clock.now().getTime() - 1000), value: 1.62 }] },
    );
    expect(res.json().accepted).toBe(1);
    const live = await get('/api/sensors/live', w.h.mgr);
    expect(live.json().counts.powerOff).toBe(1);
    expect(live.json().items[0].enterpriseName).toBe('甲县测试煤业有限公司');
    // The new reading went through the alarm engine in the same transaction.
    const sid = live.json().items[0].sensors.find((x: { code: string }) => x.code === '010101').id;
    const alarms = (await t.database.db.execute(`select count(*)::int as n from alarm where sensor_id = '${sid}'` as never)) as unknown as {
      rows: { n: number }[];
    };
    expect(alarms.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('a revoked key is refused', async () => {
    const c = await post('/api/monitoring/credentials', w.h.mgr, { enterpriseId: w.coal.id, label: '临时' });
    const { id, key: k } = c.json().data;
    expect(
      (await post('/api/readings', { authorization: `Bearer ${k}` }, { readings: [{ code: '010101', ts: iso(t.clock.now().getTime() - 5000), value: 0.2 }] }))
        .statusCode,
    ).toBe(200);
    expect((await post(`/api/monitoring/credentials/${id}/revoke`, w.h.mgr, { enterpriseId: w.coal.id })).statusCode).toBe(200);
    expect(
      (await post('/api/readings', { authorization: `Bearer ${k}` }, { readings: [{ code: '010101', ts: iso(t.clock.now().getTime() - 4000), value: 0.2 }] }))
        .statusCode,
    ).toBe(401);
  });

  it('long ranges come from the 5-minute rollups', async () => {
    await rollupRecent(t.database.db, t.clock.now(), 60);
    const list = await get(`/api/sensors?enterpriseId=${w.coal.id}&q=010101`, w.h.mgr);
    const id = list.json().items[0].id;
    const res = await get(`/api/readings?sensorId=${id}&from=${encodeURIComponent(iso(t.clock.now().getTime() - 86_400_000))}`, w.h.mgr);
    expect(res.json().resolution).toBe('rollup');
    const items = res.json().items as { count: number; max: number }[];
    expect(items.reduce((a, b) => a + b.count, 0)).toBe(4);
    expect(Math.max(...items.map((i) => i.max))).toBe(1.62);
  });
});

describe('trend per installation', () => {
  it('all in-service sensors of one installation with their limits, raw or from the rollups; 404 out of scope; 400 naming the field', async () => {
    const face = '8101综采工作面';
    const mk = async (code: string, body: Record<string, unknown>) =>
      (await post('/api/sensors', w.h.mgr, { enterpriseId: w.coal.id, code, location: face, installationName: face, ...body })).json().data.id as string;
    const t0 = await mk('810101', { name: '8101上隅角甲烷T0', type: 'ch4', unit: '%CH4', coalLocationKey: 'faceUpperCorner' });
    const co = await mk('810201', { name: '8101回风巷一氧化碳', type: 'co', unit: 'ppm' });
    // Out of service only through an approved window (the enterprise asks, the energy bureau approves).
    const off = await mk('810301', { name: '8101回风巷风速（停用）', type: 'windSpeed', unit: 'm/s' });
    const until = iso(t.clock.now().getTime() + 86_400_000);
    const asked = await post(`/api/sensors/${off}/change-requests`, w.h.mgr, { outOfServiceUntil: until, reason: '风速传感器送检' });
    expect(asked.statusCode).toBe(200);
    expect((await post(`/api/sensor-change-requests/${asked.json().data.id}/approve`, w.h.energy, { comment: '同意' })).statusCode).toBe(200);
    await post('/api/sensors', w.h.mgr, {
      enterpriseId: w.coal.id,
      code: '810901',
      name: '别处',
      type: 'co',
      unit: 'ppm',
      location: '别处',
      installationName: '9101工作面',
    });
    const c = await post('/api/monitoring/credentials', w.h.mgr, { enterpriseId: w.coal.id, label: '8101' });
    const key = c.json().data.key;
    const now = t.clock.now().getTime();
    const readings = [0, 1, 2].flatMap((i) => [
      { code: '810101', ts: iso(now - (3 - i) * 60_000), value: 0.3 + i / 10 },
      { code: '810201', ts: iso(now - (3 - i) * 60_000), value: 5 + i },
    ]);
    expect((await post('/api/readings', { authorization: `Bearer ${key}` }, { readings })).json().accepted).toBe(6);
    const url = (q: string) => `/api/readings/installation?enterpriseId=${w.coal.id}&${q}`;
    expect((await t.app.inject({ url: url(`installationName=${encodeURIComponent(face)}`) })).statusCode).toBe(401);
    const res = await get(url(`installationName=${encodeURIComponent(face)}&from=${encodeURIComponent(iso(now - 3_600_000))}`), w.h.energy);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ enterpriseId: w.coal.id, installationName: face, installationId: null, resolution: 'raw' });
    expect(body.series.map((x: { sensor: { id: string } }) => x.sensor.id)).toEqual([t0, co]);
    expect(body.series[0].sensor.rules).toMatchObject({ high: 1, powerOff: 1.5 });
    expect(body.series[0].items.map((i: { value: number }) => i.value)).toEqual([0.3, 0.4, 0.5]);
    expect(body.series[1].sensor.unit).toBe('ppm');
    // Long ranges come from the 5-minute statistics (with the newest readings appended raw).
    await rollupRecent(t.database.db, t.clock.now(), 60);
    const long = (await get(url(`installationName=${encodeURIComponent(face)}&from=${encodeURIComponent(iso(now - 86_400_000))}`), w.h.mgr)).json();
    expect(long.resolution).toBe('rollup');
    expect(long.series[0].items.reduce((a: number, i: { count: number }) => a + i.count, 0)).toBe(3);
    // Out of scope (another county, another enterprise) and unknown installations are 404.
    expect((await get(url(`installationName=${encodeURIComponent(face)}`), w.h.govB)).statusCode).toBe(404);
    expect((await get(url(`installationName=${encodeURIComponent(face)}`), w.h.chemMgr)).statusCode).toBe(404);
    expect((await get(url('installationName=nope'), w.h.mgr)).statusCode).toBe(404);
    const bad = await get(`/api/readings/installation?enterpriseId=x&from=${encodeURIComponent(iso(now))}&to=${encodeURIComponent(iso(now - 1000))}`, w.h.mgr);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('enterpriseId');
    const order = await get(
      url(`installationName=${encodeURIComponent(face)}&from=${encodeURIComponent(iso(now))}&to=${encodeURIComponent(iso(now - 1000))}`),
      w.h.mgr,
    );
    expect(order.statusCode).toBe(400);
    expect(order.json().error.details[0].field).toBe('from');
  });
});

describe('stale sweep, data quality and the monthly report', () => {
  it('a sensor silent for its staleSeconds becomes stale once; the next reading brings it back', async () => {
    const s = await post('/api/sensors', w.h.mgr, {
      enterpriseId: w.coal.id,
      code: 'W1',
      name: '风速',
      type: 'windSpeed',
      unit: 'm/s',
      location: '回风巷',
      rules: { staleSeconds: 60 },
    });
    const id = s.json().data.id;
    const c = await post('/api/monitoring/credentials', w.h.mgr, { enterpriseId: w.coal.id, label: 'stale' });
    const key = c.json().data.key;
    await post('/api/readings', { authorization: `Bearer ${key}` }, { readings: [{ code: 'W1', ts: iso(t.clock.now().getTime()), value: 1.5 }] });
    await sweepStale(t.deps);
    expect((await get(`/api/sensors/${id}`, w.h.mgr)).json().data.status).toBe('online');
    t.clock.advance(2 * 60_000);
    expect(await sweepStale(t.deps)).toBeGreaterThanOrEqual(1);
    expect((await get(`/api/sensors/${id}`, w.h.mgr)).json().data.status).toBe('stale');
    const q = await get('/api/monitoring/quality', w.h.mgr);
    expect(q.json().stale.map((x: { id: string }) => x.id)).toContain(id);
    await post('/api/readings', { authorization: `Bearer ${key}` }, { readings: [{ code: 'W1', ts: iso(t.clock.now().getTime()), value: 1.4 }] });
    expect((await get(`/api/sensors/${id}`, w.h.mgr)).json().data.status).toBe('online');
  });

  it('online rate = share of 5-minute intervals with data', async () => {
    const res = await get(`/api/monitoring/quality?enterpriseId=${w.coal.id}&from=${encodeURIComponent(iso(t.clock.now().getTime() - 3_600_000))}`, w.h.energy);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.enterprises).toHaveLength(1);
    const rate = body.enterprises[0].onlineRate;
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(1);
    expect((await get(`/api/monitoring/quality?enterpriseId=${w.coal.id}`, w.h.govB)).json().enterprises).toHaveLength(0);
  });

  it('the monthly report per region, as JSON and xlsx', async () => {
    const now = t.clock.now();
    const month = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const code = w.r.countyA.code;
    const res = await get(`/api/monitoring/reports/monthly?month=${month}&regionCode=${code}`, w.h.gov);
    expect(res.statusCode).toBe(200);
    expect(res.json().enterprises.map((e: { enterpriseName: string }) => e.enterpriseName)).toEqual(['甲县测试煤业有限公司']);
    const x = await get(`/api/monitoring/reports/monthly?month=${month}&regionCode=${code}&format=xlsx`, w.h.gov);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(String(wb.worksheets[0]?.getRow(3).getCell(1).value)).toBe('甲县测试煤业有限公司');
    expect((await get(`/api/monitoring/reports/monthly?month=2026-13`, w.h.gov)).statusCode).toBe(400);
  });
});

describe('partitions and retention', () => {
  it('creates monthly partitions ahead, moves rows out of the default partition, drops old months', async () => {
    const db = t.database.db;
    // A reading from long ago lands in the default partition first.
    const s = (await get(`/api/sensors?enterpriseId=${w.coal.id}&q=010101`, w.h.mgr)).json().items[0];
    await db.execute(
      `insert into reading (sensor_id, ts, value, received_at) values ('${s.id}', '2020-01-15T00:00:00Z', 0.4, now()) on conflict do nothing` as never,
    );
    await db.transaction(async (tx) => {
      await ensureReadingPartitions(tx, new Date('2020-01-10T00:00:00Z'), 0);
    });
    expect(await readingPartitions(db)).toContain('reading_y2020m01');
    const moved = (await db.execute(`select count(*)::int as n from reading_y2020m01 where sensor_id = '${s.id}'` as never)) as unknown as {
      rows: { n: number }[];
    };
    expect(moved.rows[0]?.n).toBe(1);
    await db.transaction((tx) => ensureReadingPartitions(tx, t.clock.now()));
    const names = await readingPartitions(db);
    const d = t.clock.now();
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 1));
    expect(names).toContain(`reading_y${next.getUTCFullYear()}m${String(next.getUTCMonth() + 1).padStart(2, '0')}`);
    const dropped = await db.transaction((tx) => applyRetention(tx, t.clock.now(), 90));
    expect(dropped).toContain('reading_y2020m01');
    expect(await readingPartitions(db)).not.toContain('reading_y2020m01');
    // Current readings are untouched.
    const r = await get(`/api/readings?sensorId=${s.id}&from=${encodeURIComponent(iso(t.clock.now().getTime() - 3_600_000))}`, w.h.mgr);
    expect(r.json().items.length).toBeGreaterThan(0);
  });
});
