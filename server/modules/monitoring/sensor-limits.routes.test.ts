import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/kernel.schema.js';
import { assign, loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { sensor } from './monitoring.schema.js';

/**
 * Issue 11 item 3: an enterprise cannot loosen its own methane limits or silence a sensor; a supervising
 * regulator approves a loosening (never past the law); the engine evaluates legal ∧ approved.
 */
let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const countyGov = await makeDepartment(db, r.countyA, 'government');
  const otherCountyGov = await makeDepartment(db, r.countyB, 'government');
  const energy = await makeDepartment(db, r.city, 'industry', ['coal']);
  const chemDept = await makeDepartment(db, r.city, 'industry', ['hazchem']);
  const coal = await makeEnterprise(db, r.townA, { industry: 'coal', name: '甲县放宽测试煤业有限公司' });
  await assign(db, coal.id, energy.id);
  const users = {
    mgr: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: coal.id }),
    county: await makeUser(db, 'government', ['regulator-admin'], { departmentId: countyGov.id }),
    otherCounty: await makeUser(db, 'government', ['regulator-admin'], { departmentId: otherCountyGov.id }),
    energy: await makeUser(db, 'industry', ['regulator'], { departmentId: energy.id }),
    chem: await makeUser(db, 'industry', ['regulator'], { departmentId: chemDept.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  for (const [k, u] of Object.entries(users)) h[k as keyof typeof users] = await loginAs(s.app, u.username);
  return { coal, users, h };
}

const post = (url: string, h: Record<string, string>, payload: unknown = {}) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });
const patch = (url: string, h: Record<string, string>, payload: unknown) => t.app.inject({ method: 'PATCH', url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });
const stored = async (id: string) => (await t.database.db.select().from(sensor).where(eq(sensor.id, id)))[0] as typeof sensor.$inferSelect;

let key = '';
let seq = 0;
/** One reading at the fake clock's now through HTTP ingestion; the alarms of that sensor afterwards. */
async function feed(sensorId: string, code: string, value: number) {
  seq++;
  const ts = new Date(t.clock.now().getTime() - 1000 + seq).toISOString();
  const res = await post('/api/readings', { authorization: `Bearer ${key}` }, { readings: [{ code, ts, value }] });
  expect(res.statusCode).toBe(200);
  const h = await loginAs(t.app, w.users.energy.username);
  return (await get(`/api/alarms?sensorId=${sensorId}&status=active`, h)).json().items as { type: string }[];
}

async function newT0(code: string) {
  const res = await post('/api/sensors', w.h.mgr, {
    enterpriseId: w.coal.id,
    code,
    name: `上隅角甲烷T0-${code}`,
    type: 'ch4',
    unit: '%CH4',
    location: '15101工作面上隅角',
    coalLocationKey: 'faceUpperCorner',
  });
  expect(res.statusCode).toBe(200);
  return res.json().data as { id: string; code: string; rules: Record<string, number>; legalLimits: { key: string; value: number; source: string }[] };
}

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
  key = (await post('/api/monitoring/credentials', w.h.mgr, { enterpriseId: w.coal.id, label: '网关' })).json().data.key;
});
afterAll(() => t.close());

describe('the enterprise cannot loosen its own limits', () => {
  it('断电 at 50 % is refused (past the law, 400 naming the field and the 依据); nothing changes and 3.0 %CH4 still raises 断电', async () => {
    const s = await newT0('700101');
    expect(s.legalLimits.find((l) => l.key === 'powerOff')).toMatchObject({ value: 1.5 });
    const res = await patch(`/api/sensors/${s.id}`, w.h.mgr, { rules: { high: 40, highClear: 40, powerOff: 50, powerRestore: 45 } });
    expect(res.statusCode).toBe(400);
    const f = res.json().error.details.find((d: { field: string }) => d.field === 'rules.powerOff');
    expect(f.message).toContain('1.5');
    expect(f.message).toContain('煤矿安全规程');
    expect((await stored(s.id)).rules).toMatchObject({ powerOff: 1.5 });
    expect((await feed(s.id, s.code, 3.0)).map((a) => a.type).sort()).toEqual(['high', 'powerOff']);
  });

  it('a row already loosened in the database (before this rule) is evaluated at the legal limit', async () => {
    const s = await newT0('700102');
    await t.database.db
      .update(sensor)
      .set({ rules: { high: 40, highClear: 40, powerOff: 50, powerRestore: 45 } })
      .where(eq(sensor.id, s.id));
    expect((await feed(s.id, s.code, 3.0)).map((a) => a.type).sort()).toEqual(['high', 'powerOff']);
  });

  it('tightening applies at once; raising it back, a longer on-delay or out of service is 409 and changes nothing', async () => {
    const s = await newT0('700103');
    expect((await patch(`/api/sensors/${s.id}`, w.h.mgr, { rules: { ...s.rules, powerOff: 1.2 } })).statusCode).toBe(200);
    for (const body of [{ rules: { ...s.rules, powerOff: 1.5 } }, { rules: { ...s.rules, powerOff: 1.2, onDelaySeconds: 600 } }, { inService: false }]) {
      const res = await patch(`/api/sensors/${s.id}`, w.h.mgr, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('SENSOR_CHANGE_NEEDS_APPROVAL');
    }
    const row = await stored(s.id);
    expect(row.rules).toMatchObject({ powerOff: 1.2 });
    expect(row.rules).not.toHaveProperty('onDelaySeconds');
    expect(row.inService).toBe(true);
    // Registering a point out of service is refused too; relabelling a T2 point as T0 (1.0 → 1.5) is a loosening.
    const off = await post('/api/sensors', w.h.mgr, {
      enterpriseId: w.coal.id,
      code: '700199',
      name: 'x',
      type: 'co',
      unit: 'ppm',
      location: 'x',
      inService: false,
    });
    expect(off.statusCode).toBe(409);
    const t2 = (
      await post('/api/sensors', w.h.mgr, {
        enterpriseId: w.coal.id,
        code: '700104',
        name: '回风巷甲烷T2',
        type: 'ch4',
        unit: '%CH4',
        location: '回风巷',
        coalLocationKey: 'faceReturn',
      })
    ).json().data;
    expect((await patch(`/api/sensors/${t2.id}`, w.h.mgr, { coalLocationKey: 'faceUpperCorner' })).statusCode).toBe(409);
    expect((await stored(t2.id)).coalLocationKey).toBe('faceReturn');
  });

  it('a new regulated point cannot be registered looser than its defaults (a 7-day 断线 time, an on-delay); tighter is fine', async () => {
    const base = {
      enterpriseId: w.coal.id,
      name: '上隅角甲烷T0',
      type: 'ch4',
      unit: '%CH4',
      location: '15101工作面上隅角',
      coalLocationKey: 'faceUpperCorner',
    };
    const defaults = { high: 1, highClear: 1, powerOff: 1.5, powerRestore: 1, staleSeconds: 120 };
    for (const [code, rules] of [
      ['700301', { ...defaults, staleSeconds: 604_800 }],
      ['700302', { ...defaults, onDelaySeconds: 86_400 }],
    ] as const) {
      const res = await post('/api/sensors', w.h.mgr, { ...base, code, rules });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('SENSOR_CHANGE_NEEDS_APPROVAL');
      expect(
        (
          await t.database.db
            .select()
            .from(sensor)
            .where(and(eq(sensor.enterpriseId, w.coal.id), eq(sensor.code, code)))
        ).length,
      ).toBe(0);
    }
    const tight = await post('/api/sensors', w.h.mgr, { ...base, code: '700303', rules: { ...defaults, powerOff: 1.2, staleSeconds: 60 } });
    expect(tight.statusCode).toBe(200);
  });
});

describe('申请放宽/停用 → the supervising department decides', () => {
  let s: Awaited<ReturnType<typeof newT0>>;
  let requestId = '';

  it('the request is pending and changes nothing; past the law it is refused; one pending per sensor', async () => {
    s = await newT0('700201');
    await patch(`/api/sensors/${s.id}`, w.h.mgr, { rules: { ...s.rules, powerOff: 1.2 } });
    expect((await post(`/api/sensors/${s.id}/change-requests`, w.h.mgr, { rules: { ...s.rules, powerOff: 50 }, reason: '想放宽' })).statusCode).toBe(400);
    expect(
      (await post(`/api/sensors/${s.id}/change-requests`, w.h.mgr, { rules: { ...s.rules, powerOff: 1.1 }, reason: '收紧' })).json().error.details[0],
    ).toMatchObject({
      field: 'rules',
    });
    const res = await post(`/api/sensors/${s.id}/change-requests`, w.h.mgr, {
      rules: { ...s.rules, powerOff: 1.5 },
      reason: '恢复至规程断电值，收紧后频繁误断电',
    });
    expect(res.statusCode).toBe(200);
    requestId = res.json().data.id;
    expect(res.json().data).toMatchObject({ status: 'pending', changes: [{ field: 'rules.powerOff', from: 1.2, to: 1.5, legal: 1.5 }] });
    expect((await stored(s.id)).rules).toMatchObject({ powerOff: 1.2 });
    expect(
      (
        await post(`/api/sensors/${s.id}/change-requests`, w.h.mgr, {
          outOfServiceUntil: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
          reason: 'x',
        })
      ).json().error.code,
    ).toBe('SENSOR_CHANGE_PENDING');
    // Still evaluated at 1.2 while pending.
    expect((await feed(s.id, s.code, 1.3)).map((a) => a.type).sort()).toEqual(['high', 'powerOff']);
    await feed(s.id, s.code, 0.2);
  });

  it('the county 应急管理局 and the 能源局 are told, with the reason; an out-of-county bureau is not', async () => {
    for (const u of ['county', 'energy'] as const) {
      const items = (await get('/api/notifications', w.h[u])).json().items as { kind: string; body: string }[];
      expect(items.find((n) => n.kind === 'sensor.changeRequested')?.body).toContain('收紧后频繁误断电');
    }
    const other = (await get('/api/notifications', w.h.otherCounty)).json().items as { kind: string }[];
    expect(other.some((n) => n.kind === 'sensor.changeRequested')).toBe(false);
  });

  it('the regulator sees the request with the enterprise, sensor, from → to, reason and who asked', async () => {
    const list = (await get('/api/sensor-change-requests?status=pending', w.h.energy)).json();
    const r = list.items.find((x: { id: string }) => x.id === requestId);
    expect(r).toMatchObject({
      enterpriseName: w.coal.name,
      sensorCode: '700201',
      reason: '恢复至规程断电值，收紧后频繁误断电',
      abilities: { approve: true, reject: true },
    });
    expect(r.requestedByName).toBeTruthy();
    // The enterprise sees its request and its status, without the power to decide it.
    const own = (await get(`/api/sensor-change-requests?sensorId=${s.id}`, w.h.mgr)).json().items[0];
    expect(own).toMatchObject({ status: 'pending', abilities: { approve: false, reject: false } });
    expect((await get('/api/sensor-change-requests', w.h.otherCounty)).json().items.some((x: { id: string }) => x.id === requestId)).toBe(false);
  });

  it('the enterprise cannot approve its own request (403); an out-of-scope bureau or department gets 404; nothing changes', async () => {
    expect((await post(`/api/sensor-change-requests/${requestId}/approve`, w.h.mgr, { comment: '自己批准' })).statusCode).toBe(403);
    expect((await post(`/api/sensor-change-requests/${requestId}/approve`, w.h.otherCounty, { comment: '越权' })).statusCode).toBe(404);
    expect((await post(`/api/sensor-change-requests/${requestId}/approve`, w.h.chem, { comment: '越权' })).statusCode).toBe(404);
    expect((await stored(s.id)).rules).toMatchObject({ powerOff: 1.2 });
  });

  it('the 能源局 approves: applied at once, audited (request, approval, application), the enterprise is told', async () => {
    const res = await post(`/api/sensor-change-requests/${requestId}/approve`, w.h.energy, { comment: '同意恢复规程断电值' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ status: 'approved', decisionComment: '同意恢复规程断电值' });
    expect((await stored(s.id)).rules).toMatchObject({ powerOff: 1.5 });
    expect((await post(`/api/sensor-change-requests/${requestId}/reject`, w.h.county, { comment: '再次' })).statusCode).toBe(409);
    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          inArray(auditLog.entityId, [requestId, s.id]),
          inArray(auditLog.action, ['sensor.changeRequested', 'sensor.changeApproved', 'sensor.changeApplied']),
        ),
      );
    expect(audit.map((a) => a.action).sort()).toEqual(['sensor.changeApplied', 'sensor.changeApproved', 'sensor.changeRequested']);
    const told = (await get('/api/notifications', w.h.mgr)).json().items as { kind: string; body: string }[];
    expect(told.find((n) => n.kind === 'sensor.changeApproved')?.body).toContain('同意恢复规程断电值');
  });

  it('a rejection changes nothing and is shown to the enterprise with the comment', async () => {
    const asked = await post(`/api/sensors/${s.id}/change-requests`, w.h.mgr, { rules: { ...s.rules, onDelaySeconds: 60 }, reason: '延时60秒' });
    expect(asked.statusCode).toBe(200);
    const res = await post(`/api/sensor-change-requests/${asked.json().data.id}/reject`, w.h.county, { comment: '不得延时' });
    expect(res.statusCode).toBe(200);
    expect((await stored(s.id)).rules).not.toHaveProperty('onDelaySeconds');
    const own = (await get(`/api/sensor-change-requests?sensorId=${s.id}&status=rejected`, w.h.mgr)).json().items[0];
    expect(own).toMatchObject({ status: 'rejected', decisionComment: '不得延时' });
  });

  it('an approved out-of-service window silences the sensor and ends by itself', async () => {
    const until = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
    const asked = await post(`/api/sensors/${s.id}/change-requests`, w.h.mgr, { outOfServiceUntil: until, reason: '甲烷传感器调校' });
    expect(asked.statusCode).toBe(200);
    expect((await post(`/api/sensor-change-requests/${asked.json().data.id}/approve`, w.h.energy, { comment: '同意调校窗口' })).statusCode).toBe(200);
    expect((await get(`/api/sensors/${s.id}`, w.h.mgr)).json().data).toMatchObject({ inService: false, outOfServiceUntil: until });
    expect(await feed(s.id, s.code, 3.0)).toEqual([]);
    t.clock.advance(11 * 60_000);
    expect((await feed(s.id, s.code, 3.0)).map((a) => a.type).sort()).toEqual(['high', 'powerOff']);
  });
});
