import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_DISPOSAL } from '../../../common/rules/alarm-disposal.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import { auditLog, setting } from '../../kernel/kernel.schema.js';
import { assign, loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer, withTestContext } from '../../test/harness.js';
import { ALARM_DISPOSAL_KEY } from './disposal-settings.js';
import { type AlarmSensor, alarmStats, clearStale, evaluateReadings, markStale, sweepAlarms } from './index.js';

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const govA = await makeDepartment(db, r.countyA, 'government');
  const energyA = await makeDepartment(db, r.countyA, 'industry', ['coal']);
  const govB = await makeDepartment(db, r.countyB, 'government');
  const coal = await makeEnterprise(db, r.townA, { industry: 'coal', name: '甲县测试煤业有限公司' });
  const other = await makeEnterprise(db, r.townB, { industry: 'coal' });
  await assign(db, coal.id, energyA.id);
  const users = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    gov: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    govB: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id }),
    energy: await makeUser(db, 'industry', ['regulator'], { departmentId: energyA.id }),
    mgr: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: coal.id }),
    otherMgr: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: other.id }),
    worker: await makeUser(db, 'enterprise', ['enterprise-worker'], { enterpriseId: coal.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  return { r, cityGov, govA, govB, energyA, coal, other, users, h };
}

async function at(time: string) {
  t.clock.set(time);
  for (const [k, u] of Object.entries(w.users)) w.h[k as keyof typeof w.users] = await loginAs(t.app, u.username);
}

const post = (url: string, h: Record<string, string>, payload: unknown = {}) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });
const ingest: Actor = systemActor('monitoring.ingest');

let n = 0;
function sensor(over: Partial<AlarmSensor> = {}): AlarmSensor {
  n++;
  return {
    sensorId: `test-${Date.now()}-${n}`,
    name: `3102工作面甲烷T1-${n}`,
    type: 'ch4',
    unit: '%CH4',
    location: '3102回采工作面',
    enterpriseId: w.coal.id,
    enterpriseName: w.coal.name,
    regionPath: w.coal.regionPath,
    industry: w.coal.industry,
    groupId: null,
    rules: { high: 1.0, highClear: 1.0, powerOff: 1.5, powerRestore: 1.0 },
    inService: true,
    ...over,
  };
}
const T = (min: number) => new Date(Date.parse('2026-07-06T09:00:00+08:00') + min * 60_000);
const feed = (s: AlarmSensor, pairs: [number, number][]) =>
  withTestContext(
    t.deps,
    (ctx) =>
      evaluateReadings(
        ctx,
        s,
        pairs.map(([m, value]) => ({ ts: T(m), value })),
      ),
    ingest,
  );
const listOf = async (h: Record<string, string>, q: string) => (await get(`/api/alarms?${q}`, h)).json();

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
  await at('2026-07-06T09:00:00+08:00');
});
afterAll(() => t.close());

describe('alarms API gates', () => {
  it('401 without a session, 403 without the permission, 404 out of scope, 400 naming fields', async () => {
    expect((await t.app.inject({ url: '/api/alarms' })).statusCode).toBe(401);
    expect((await get('/api/alarms', w.h.worker)).statusCode).toBe(403);
    const s = sensor();
    await feed(s, [[0, 1.2]]);
    const id = (await listOf(w.h.mgr, `sensorId=${s.sensorId}`)).items[0].id;
    expect((await get(`/api/alarms/${id}`, w.h.otherMgr)).statusCode).toBe(404);
    expect((await get(`/api/alarms/${id}`, w.h.govB)).statusCode).toBe(404);
    expect((await post(`/api/alarms/${id}/ack`, w.h.otherMgr)).statusCode).toBe(404);
    const bad = await post(`/api/alarms/${id}/feedback`, w.h.mgr, { classification: 'maybe', analysis: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['analysis', 'classification']);
    expect((await get('/api/alarms?severity=purple', w.h.mgr)).statusCode).toBe(400);
  });
});

describe('engine → alarms (evaluateReadings)', () => {
  it('coal methane: 报警 at 1.0, 断电 at 1.5, one active alarm per sensor and type, 复电 below 1.0; the state survives between batches', async () => {
    const s = sensor();
    expect(await feed(s, [[0, 1.1]])).toEqual({ raised: 1, cleared: 0 });
    expect(await feed(s, [[1, 1.6]])).toEqual({ raised: 1, cleared: 0 });
    expect(
      await feed(s, [
        [2, 1.7],
        [3, 1.2],
      ]),
    ).toEqual({ raised: 0, cleared: 0 });
    const active = await listOf(w.h.mgr, `sensorId=${s.sensorId}&status=active`);
    expect(active.total).toBe(2);
    const powerOff = active.items.find((a: { type: string }) => a.type === 'powerOff');
    expect(powerOff).toMatchObject({ severity: 'red', status: 'ACTIVE_UNACK', peakValue: 1.7, limitValue: 1.5, lastValue: 1.2 });
    expect(active.items.find((a: { type: string }) => a.type === 'high')).toMatchObject({ severity: 'orange', peakValue: 1.7 });
    // Replaying a batch changes nothing.
    expect(await feed(s, [[1, 1.6]])).toEqual({ raised: 0, cleared: 0 });
    expect(await feed(s, [[4, 0.99]])).toEqual({ raised: 0, cleared: 2 });
    const all = await listOf(w.h.mgr, `sensorId=${s.sensorId}`);
    expect(all.items.map((a: { status: string }) => a.status)).toEqual(['CLEARED_UNACK', 'CLEARED_UNACK']);
    // A new excursion is a new alarm.
    await feed(s, [[10, 1.05]]);
    expect((await listOf(w.h.mgr, `sensorId=${s.sensorId}`)).total).toBe(3);
    // The enterprise's users were told of the raise.
    const inbox = (await get('/api/notifications?pageSize=100', w.h.mgr)).json();
    expect(inbox.items.some((x: { title: string }) => x.title.includes('断电'))).toBe(true);
  });

  it('announces live "alarm" events to the enterprise and its supervisors when the change commits', async () => {
    const got: { user: string; type: string }[] = [];
    const offs = (['mgr', 'gov', 'energy', 'govB'] as const).map((k) => t.deps.events.subscribe(w.users[k].id, (e) => got.push({ user: k, type: e.type })));
    try {
      await feed(sensor(), [[0, 1.6]]);
      for (let i = 0; i < 40 && !got.some((g) => g.user === 'gov' && g.type === 'alarm'); i++) await new Promise((r) => setTimeout(r, 50));
      const alarmUsers = new Set(got.filter((g) => g.type === 'alarm').map((g) => g.user));
      expect([...alarmUsers].sort()).toEqual(['energy', 'gov', 'mgr']);
    } finally {
      for (const off of offs) off();
    }
  });

  it('a sensor out of service raises nothing', async () => {
    const s = sensor({ inService: false });
    expect(await feed(s, [[0, 5]])).toEqual({ raised: 0, cleared: 0 });
  });

  it('markStale raises one blue 断线 alarm; clearStale clears it', async () => {
    const s = sensor({ rules: { staleSeconds: 300 } });
    await feed(s, [[0, 0.3]]);
    t.clock.set(T(4));
    expect(await withTestContext(t.deps, (ctx) => markStale(ctx, s, null), ingest)).toBe(false);
    t.clock.set(T(6));
    expect(await withTestContext(t.deps, (ctx) => markStale(ctx, s, null), ingest)).toBe(true);
    expect(await withTestContext(t.deps, (ctx) => markStale(ctx, s, null), ingest)).toBe(false);
    expect((await listOf(w.h.mgr, `sensorId=${s.sensorId}&status=active`)).items[0]).toMatchObject({ type: 'stale', severity: 'blue' });
    expect(await withTestContext(t.deps, (ctx) => clearStale(ctx, s, T(7)), ingest)).toBe(true);
    expect((await listOf(w.h.mgr, `sensorId=${s.sensorId}&status=active`)).total).toBe(0);
    await at('2026-07-06T09:00:00+08:00');
  });
});

describe('lifecycle and disposal', () => {
  it('ack → clear → feedback → close, with 409 naming the states and the feedback rule', async () => {
    const s = sensor();
    await feed(s, [[0, 1.2]]);
    const id = (await listOf(w.h.mgr, `sensorId=${s.sensorId}`)).items[0].id;
    const d0 = (await get(`/api/alarms/${id}`, w.h.mgr)).json();
    expect(d0.abilities).toMatchObject({ ack: true, feedback: true, close: false, shelve: false, toTask: false });
    expect((await post(`/api/alarms/${id}/ack`, w.h.gov)).statusCode).toBe(403);
    const acked = await post(`/api/alarms/${id}/ack`, w.h.mgr, { comment: '已通知调度' });
    expect(acked.statusCode).toBe(200);
    expect(acked.json().data).toMatchObject({ status: 'ACTIVE_ACK' });
    const again = await post(`/api/alarms/${id}/ack`, w.h.mgr);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('报警已确认');
    expect(again.json().error.message).toContain('确认');
    await feed(s, [[1, 0.5]]);
    const close0 = await post(`/api/alarms/${id}/close`, w.h.mgr);
    expect(close0.statusCode).toBe(409);
    expect(close0.json().error.code).toBe('ALARM_FEEDBACK_REQUIRED');
    const fb = await post(`/api/alarms/${id}/feedback`, w.h.mgr, { classification: 'false', analysis: '传感器调校时标气引起', feedback: '已核查，无异常涌出' });
    expect(fb.json().data).toMatchObject({ status: 'CLEARED', classification: 'false' });
    expect(fb.json().abilities).toMatchObject({ close: true, toHazard: false });
    const closed = await post(`/api/alarms/${id}/close`, w.h.mgr, { comment: '闭环' });
    expect(closed.json().data.status).toBe('CLOSED');
    expect(closed.json().data.transitions.map((x: { action: string }) => x.action)).toEqual(['raise', 'ack', 'clear', 'feedback', 'close']);
    const en = await t.app.inject({
      method: 'POST',
      url: `/api/alarms/${id}/shelve`,
      headers: { ...w.h.gov, 'accept-language': 'en-US' },
      payload: { hours: 2, reason: '检修期间' },
    });
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toContain('closed');
  });

  it('shelving is the regulator’s, time-limited, and comes back on the sweep', async () => {
    const s = sensor();
    await feed(s, [[0, 1.2]]);
    const id = (await listOf(w.h.mgr, `sensorId=${s.sensorId}`)).items[0].id;
    expect((await post(`/api/alarms/${id}/shelve`, w.h.mgr, { hours: 2, reason: '计划检修' })).statusCode).toBe(403);
    const tooLong = await post(`/api/alarms/${id}/shelve`, w.h.gov, { hours: 500, reason: '计划检修' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0].field).toBe('hours');
    const sh = await post(`/api/alarms/${id}/shelve`, w.h.gov, { hours: 2, reason: '计划检修，已落实监护' });
    expect(sh.json().data).toMatchObject({ status: 'SHELVED' });
    // The supervising departments (here the energy bureau) are told too, with the reason, not only the enterprise.
    const told = (await get('/api/notifications', w.h.energy)).json().items as { kind: string; body: string }[];
    expect(told.find((n) => n.kind === 'alarm.shelved')?.body).toBe('计划检修，已落实监护');
    await at(T(121).toISOString());
    await sweepAlarms(t.deps);
    const back = (await get(`/api/alarms/${id}`, w.h.mgr)).json();
    expect(back.data.status).toBe('ACTIVE_UNACK');
    // Re-annunciated with a fresh acknowledgement time limit: not escalated for the time it was shelved.
    expect(back.data.escalation).toBe(0);
    expect(Date.parse(back.data.ackDue)).toBe(T(121).getTime() + 30 * 60_000);
    await at('2026-07-06T09:00:00+08:00');
  });

  it('out of service and back', async () => {
    const s = sensor();
    await feed(s, [[0, 1.2]]);
    const id = (await listOf(w.h.mgr, `sensorId=${s.sensorId}`)).items[0].id;
    expect((await post(`/api/alarms/${id}/outOfService`, w.h.energy, { comment: '传感器故障待更换' })).json().data.status).toBe('OUT_OF_SERVICE');
    await feed(s, [[1, 0.4]]);
    expect((await post(`/api/alarms/${id}/returnToService`, w.h.energy)).json().data).toMatchObject({ status: 'CLEARED', active: false });
  });

  it('a real alarm becomes a hazard (source alarm) and a 督办 task with one action each', async () => {
    const s = sensor();
    await feed(s, [[0, 1.3]]);
    const id = (await listOf(w.h.mgr, `sensorId=${s.sensorId}`)).items[0].id;
    await post(`/api/alarms/${id}/feedback`, w.h.mgr, { classification: 'real', analysis: '采空区瓦斯涌出，风量不足' });
    const hz = await post(`/api/alarms/${id}/toHazard`, w.h.mgr, {});
    expect(hz.statusCode).toBe(200);
    const hazardId = hz.json().data.hazardId;
    const hazard = (await get(`/api/hazards/${hazardId}`, w.h.mgr)).json().data;
    expect(hazard).toMatchObject({ source: 'alarm', sourceRef: id, enterpriseId: w.coal.id });
    expect((await post(`/api/alarms/${id}/toHazard`, w.h.mgr, {})).json().error.code).toBe('ALARM_ALREADY_LINKED');
    expect((await post(`/api/alarms/${id}/toTask`, w.h.mgr, {})).statusCode).toBe(403);
    const tk = await post(`/api/alarms/${id}/toTask`, w.h.energy, { complexity: 'general' });
    expect(tk.statusCode).toBe(200);
    const taskId = tk.json().data.taskId;
    expect((await get(`/api/tasks/${taskId}`, w.h.mgr)).statusCode).toBe(200);
  });
});

describe('escalation with a fake clock (alarms.sweep)', () => {
  it('enterprise at the ack due time → county government one step later → city government', async () => {
    await at('2026-07-07T08:00:00+08:00');
    const s = sensor();
    const base = Date.parse('2026-07-07T08:00:00+08:00');
    await withTestContext(t.deps, (ctx) => evaluateReadings(ctx, s, [{ ts: new Date(base), value: 1.6 }]), ingest);
    const id = (await listOf(w.h.mgr, `sensorId=${s.sensorId}&type=powerOff`)).items[0].id;
    const level = async () => (await get(`/api/alarms/${id}`, w.h.mgr)).json().data.escalation;
    const unread = async (k: keyof typeof w.users) =>
      (await get('/api/notifications?pageSize=100', w.h[k]))
        .json()
        .items.filter((x: { kind: string; link: string }) => x.kind === 'alarm.escalated' && x.link === `/alarms/${id}`).length;
    await at(new Date(base + 29 * 60_000).toISOString());
    await sweepAlarms(t.deps);
    expect(await level()).toBe(0);
    await at(new Date(base + 30 * 60_000).toISOString());
    await sweepAlarms(t.deps);
    expect(await level()).toBe(1);
    expect(await unread('mgr')).toBe(1);
    expect(await unread('gov')).toBe(0);
    await sweepAlarms(t.deps);
    expect(await unread('mgr')).toBe(1);
    await at(new Date(base + 90 * 60_000).toISOString());
    await sweepAlarms(t.deps);
    expect(await level()).toBe(2);
    expect(await unread('gov')).toBe(1);
    expect(await unread('energy')).toBe(1);
    expect(await unread('city')).toBe(0);
    await at(new Date(base + 150 * 60_000).toISOString());
    await sweepAlarms(t.deps);
    expect(await level()).toBe(3);
    expect(await unread('city')).toBe(1);
    expect(await unread('govB')).toBe(0);
    const d = (await get(`/api/alarms/${id}`, w.h.city)).json().data;
    expect(d.transitions.map((x: { action: string }) => x.action)).toEqual(['raise', 'escalate1', 'escalate2', 'escalate3']);
    expect(d.disposalState).toBe('overdue');
  });
});

describe('disposal time limits (setting alarm.disposal)', () => {
  const put = (h: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'PUT', url: '/api/alarm-disposal', headers: h, payload: payload as object });
  // One platform-wide setting: on the shared PostgreSQL an earlier run may have left one, so clear it around the test.
  const clear = () => t.database.db.delete(setting).where(eq(setting.key, ALARM_DISPOSAL_KEY));

  it('read by alarm.read, set by the city only; invalid values name the field; new alarms, shelving and the sweep use it', async () => {
    await at('2026-07-09T08:00:00+08:00');
    await clear();
    try {
      expect((await t.app.inject({ url: '/api/alarm-disposal' })).statusCode).toBe(401);
      const cur = (await get('/api/alarm-disposal', w.h.mgr)).json();
      expect(cur).toMatchObject({ config: DEFAULT_ALARM_DISPOSAL, defaults: DEFAULT_ALARM_DISPOSAL, configured: false, abilities: { configure: false } });
      expect(cur.source).toContain('未经核实');
      expect(cur.fieldSources.ackMinutes.zh).toContain('煤矿安全规程');
      expect((await get('/api/alarm-disposal', w.h.city)).json().abilities.configure).toBe(true);
      // A county bureau holds alarm.configure but the setting is the whole city's.
      expect((await get('/api/alarm-disposal', w.h.gov)).json().abilities.configure).toBe(false);
      const cfg = { ...DEFAULT_ALARM_DISPOSAL, ackMinutes: { ...DEFAULT_ALARM_DISPOSAL.ackMinutes, red: 10 }, escalateStepMinutes: 20, maxShelveHours: 4 };
      expect((await put(w.h.mgr, cfg)).statusCode).toBe(403);
      expect((await put(w.h.gov, cfg)).statusCode).toBe(403);
      const bad = await put(w.h.city, { ...cfg, ackMinutes: { ...cfg.ackMinutes, orange: 0 }, escalateStepMinutes: 2 });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.details.map((d: { field: string }) => d.field)
          .sort(),
      ).toEqual(['ackMinutes.orange', 'escalateStepMinutes']);
      const enBad = await t.app.inject({
        method: 'PUT',
        url: '/api/alarm-disposal',
        headers: { ...w.h.city, 'accept-language': 'en-US' },
        payload: { ...cfg, feedbackHours: { ...cfg.feedbackHours, blue: 2 } },
      });
      expect(enBad.statusCode).toBe(400);
      expect(enBad.json().error.details).toEqual([expect.objectContaining({ field: 'feedbackHours.blue', code: 'too_small' })]);
      expect(enBad.json().error.details[0].message).toContain('Blue: disposal feedback within (hours)');
      const zhBad = await put(w.h.city, { ...cfg, feedbackHours: { ...cfg.feedbackHours, blue: 2 } });
      expect(zhBad.json().error.details[0].message).toContain('蓝色报警处置反馈时限');
      expect((await get('/api/alarm-disposal', w.h.mgr)).json().configured).toBe(false);

      const ok = await put(w.h.city, cfg);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ config: cfg, configured: true });
      const audited = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'alarm.disposalConfigured'), eq(auditLog.actorId, w.users.city.id)));
      expect(audited.map((r) => r.after)).toEqual([cfg]);

      // A new red alarm is due for acknowledgement in 10 minutes instead of 30.
      const s = sensor();
      const base = Date.parse('2026-07-09T08:00:00+08:00');
      await withTestContext(t.deps, (ctx) => evaluateReadings(ctx, s, [{ ts: new Date(base), value: 1.6 }]), ingest);
      const red = (await listOf(w.h.mgr, `sensorId=${s.sensorId}&type=powerOff`)).items[0];
      expect(Date.parse(red.ackDue)).toBe(base + 10 * 60_000);
      const orange = (await listOf(w.h.mgr, `sensorId=${s.sensorId}&type=high`)).items[0];
      expect(Date.parse(orange.ackDue)).toBe(base + 30 * 60_000);
      // Shelving is limited by the configured maximum.
      const tooLong = await post(`/api/alarms/${red.id}/shelve`, w.h.gov, { hours: 5, reason: '检修期间搁置' });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.details[0]).toMatchObject({ field: 'hours', code: 'too_big' });
      // The sweep steps with the configured interval: level 1 at 10 min, county at 30, city at 50.
      const level = async () => (await get(`/api/alarms/${red.id}`, w.h.mgr)).json().data.escalation;
      await at(new Date(base + 10 * 60_000).toISOString());
      await sweepAlarms(t.deps);
      expect(await level()).toBe(1);
      await at(new Date(base + 30 * 60_000).toISOString());
      await sweepAlarms(t.deps);
      expect(await level()).toBe(2);
      await at(new Date(base + 50 * 60_000).toISOString());
      await sweepAlarms(t.deps);
      expect(await level()).toBe(3);
    } finally {
      await clear();
    }
    // Back to the defaults once the setting is gone.
    expect((await get('/api/alarm-disposal', w.h.mgr)).json()).toMatchObject({ config: DEFAULT_ALARM_DISPOSAL, configured: false });
  });
});

describe('statistics and export', () => {
  it('per enterprise: classifications, unclassified, overdue disposal; false-alarm share; the export honours the filters', async () => {
    const range = { from: new Date('2026-07-01T00:00:00+08:00'), to: new Date('2026-07-08T00:00:00+08:00') };
    const stats = await withTestContext(t.deps, (ctx) => alarmStats(ctx.tx, ctx.scope, { ...range, now: new Date('2026-07-08T00:00:00+08:00') }));
    const mine = stats.find((x) => x.enterpriseId === w.coal.id);
    expect(mine).toMatchObject({ false: 1, real: 1 });
    expect(mine?.total).toBe((mine?.real ?? 0) + (mine?.false ?? 0) + (mine?.plannedWork ?? 0) + (mine?.equipmentFault ?? 0) + (mine?.unclassified ?? 0));
    expect(mine?.overdueDisposal).toBeGreaterThan(0);
    const scoped = await withTestContext(t.deps, (ctx) => alarmStats(ctx.tx, { kind: 'enterprise', enterpriseId: w.other.id }, range));
    expect(scoped).toEqual([]);
    const api = (await get('/api/alarms/stats?from=2026-07-01&to=2026-07-07', w.h.gov)).json();
    expect(api.falseShare).toBe(50);
    expect(api.enterprises[0]).toMatchObject({ enterpriseId: w.coal.id, falseShare: 50 });
    expect(api.bySeverity.red).toBeGreaterThan(0);
    expect((await get('/api/alarms/stats', w.h.govB)).json().total).toBe(0);
    const xl = await get('/api/alarms/export?format=xlsx&severity=red', w.h.gov);
    expect(xl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const red = (await listOf(w.h.gov, 'severity=red&pageSize=200')).total;
    expect((ws?.rowCount ?? 0) - 2).toBe(red);
  });
});
