import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSensorRules } from '../../../common/contracts/monitoring.js';
import { loginAs } from '../../test/factories.js';
import { getTestServer, TEST_DB_URL, type TestServer } from '../../test/harness.js';
import { seedDemoData } from '../org/index.js';
import { demoFeedJobs } from './demo-feed.js';
import { seedMonitoringDemo, sweepStale } from './index.js';
import { ingestCredential } from './monitoring.schema.js';

const PW = 'Demo-Pass-2021';
type Alarm = {
  id: string;
  sensorId: string;
  sensorName: string;
  unit: string;
  location: string;
  enterpriseId: string;
  type: string;
  status: string;
  active: boolean;
  classification: string | null;
  escalation: number;
  limitValue: number | null;
  peakValue: number | null;
  startTs: string;
  clearTs: string | null;
};
type Sensor = { id: string; code: string; name: string; unit: string; location: string; enterpriseId: string; status: string; rules: TSensorRules };

/** The demo city needs an empty database: only on the per-file PGlite, not on the shared PostgreSQL. */
describe.skipIf(!!TEST_DB_URL)('demo sensors, readings and alarms', () => {
  let t: TestServer;
  let city: Record<string, string>;
  let ingestKey: string | null = null;
  // Seeded at an odd second: the scripted excursions fall between the one-minute readings.
  const seededAt = new Date('2026-07-06T10:00:37+08:00');
  const minute = Date.parse('2026-07-06T10:00:00+08:00');
  // Every read must succeed: a 4xx/5xx body has none of the fields asserted on, and loops over it would assert nothing.
  const get = async <T>(url: string) => {
    const res = await t.app.inject({ url, headers: city });
    expect(res.statusCode, `GET ${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as T;
  };
  const alarms = async () => (await get<{ items: Alarm[] }>('/api/alarms?pageSize=200')).items;
  const sensors = async () => (await get<{ items: Sensor[] }>('/api/sensors?pageSize=500')).items;
  const readings = async (sensorId: string, from: Date, to: Date) =>
    (
      await get<{ items: { ts: string; value: number }[] }>(
        `/api/readings?sensorId=${sensorId}&from=${from.toISOString()}&to=${to.toISOString()}&resolution=raw`,
      )
    ).items;
  const at = async (ms: number) => {
    t.clock.set(new Date(seededAt.getTime() + ms).toISOString());
    city = await loginAs(t.app, 'city', PW);
  };
  const feed = () => demoFeedJobs(() => t.deps)[0]?.handler({ half: true }, { jobId: 'test' });

  beforeAll(async () => {
    t = await getTestServer();
    t.clock.set(seededAt.toISOString());
    await t.database.db.transaction(async (tx) => {
      expect((await seedDemoData(tx, { password: PW, now: seededAt })).seeded).toBe(true);
      ({ ingestKey } = await seedMonitoringDemo(tx, seededAt));
    });
    city = await loginAs(t.app, 'city', PW);
  }, 120_000);
  afterAll(() => t?.close());

  it('the demo ingest key is random (not derived from the demo password), stored only as a hash, and accepted', async () => {
    const [keyId = '', secret = ''] = (ingestKey ?? '').split('.');
    expect(keyId).toMatch(/^tk[0-9a-f]{16}$/);
    // The key the seeder used to derive: anyone who knew the demo password could send readings.
    const derived = createHash('sha256').update(`taihang-demo-ingest:${PW}`).digest('base64url').slice(0, 32);
    expect(secret).not.toBe(derived);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const [row] = await t.database.db.select().from(ingestCredential).where(eq(ingestCredential.keyId, keyId));
    expect(row?.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    // Authenticated, so the (empty) body is what is refused; a wrong secret is refused before the body.
    const send = (key: string) =>
      t.app.inject({ method: 'POST', url: '/api/readings', headers: { authorization: `Bearer ${key}` }, payload: { readings: [] } });
    expect((await send(ingestKey as string)).statusCode).toBe(400);
    expect((await send(`${keyId}.${derived}`)).statusCode).toBe(401);
  });

  it('every demo alarm is on a real demo sensor, and together they show every status and classification', async () => {
    const list = await alarms();
    const byId = new Map((await sensors()).map((s) => [s.id, s]));
    for (const a of list) {
      const s = byId.get(a.sensorId);
      expect(s, a.sensorName).toBeDefined();
      expect(a).toMatchObject({ sensorName: s?.name, unit: s?.unit, location: s?.location, enterpriseId: s?.enterpriseId });
    }
    const key = (a: Alarm) => `${byId.get(a.sensorId)?.code}/${a.type}/${a.status}/${a.classification ?? '-'}/${a.escalation}`;
    expect(list.map(key).sort()).toEqual(
      [
        '010101/high/ACTIVE_ACK/-/0',
        '010101/powerOff/ACTIVE_UNACK/-/0',
        '010103/high/CLOSED/real/0',
        '010103/powerOff/CLOSED/real/0',
        '010201/high/CLEARED/false/0',
        '010401/stale/ACTIVE_UNACK/-/3',
        'GT-101/high/CLEARED_UNACK/-/1',
        'AT-201/flatLine/OUT_OF_SERVICE/equipmentFault/0',
        'LT-101/high/CLOSED/equipmentFault/0',
        'LT-101/highHigh/CLOSED/equipmentFault/0',
        'LT-101/low/SHELVED/-/0',
        'PT-101/rateOfChange/CLOSED/plannedWork/0',
      ].sort(),
    );
    // Each alarm's history is the engine's raise (and clear) plus the people's steps and the sweep's escalation.
    const stale = list.find((a) => a.type === 'stale') as Alarm;
    const d = (await get<{ data: { transitions: { action: string }[] } }>(`/api/alarms/${stale.id}`)).data;
    expect(d.transitions.map((x) => x.action)).toEqual(['raise', 'escalate1', 'escalate2', 'escalate3']);
  });

  it('each limit alarm is on its chart: the reading at the raise crosses the limit, the peak is in the readings, the value is back at the clear', async () => {
    const byId = new Map((await sensors()).map((s) => [s.id, s]));
    for (const a of (await alarms()).filter((x) => ['high', 'highHigh', 'low', 'powerOff'].includes(x.type))) {
      const s = byId.get(a.sensorId) as Sensor;
      const start = new Date(a.startTs);
      const end = a.clearTs ? new Date(a.clearTs) : seededAt;
      const rs = await readings(a.sensorId, start, new Date(end.getTime() + 1));
      const high = a.type !== 'low';
      expect(rs[0]?.ts).toBe(start.toISOString());
      const v0 = rs[0]?.value as number;
      expect(high ? v0 >= (a.limitValue as number) : v0 <= (a.limitValue as number), `${s.code}/${a.type}`).toBe(true);
      const extreme = high ? Math.max(...rs.map((r) => r.value)) : Math.min(...rs.map((r) => r.value));
      expect(a.peakValue, `${s.code}/${a.type} peak`).toBe(extreme);
      if (a.clearTs) {
        const clearValue = { high: s.rules.highClear, highHigh: s.rules.highHighClear, low: s.rules.lowClear, powerOff: s.rules.powerRestore }[
          a.type
        ] as number;
        const last = rs[rs.length - 1] as { ts: string; value: number };
        expect(last.ts).toBe(a.clearTs);
        expect(high ? last.value < clearValue : last.value > clearValue, `${s.code}/${a.type} clear`).toBe(true);
      }
    }
  });

  it('data quality and the monthly report count overdue disposal and false alarms as the alarm list and statistics do', async () => {
    const list = await get<{ items: (Alarm & { disposalState: string; enterpriseName: string })[] }>('/api/alarms?pageSize=200');
    const q = await get<{ enterprises: { enterpriseId: string; overdueDisposal: number; falseAlarmShare: number | null }[] }>(
      `/api/monitoring/quality?from=${new Date(seededAt.getTime() - 30 * 86_400_000).toISOString()}`,
    );
    const stats = await get<{ enterprises: { enterpriseId: string; overdueDisposal: number; falseShare: number | null }[] }>('/api/alarms/stats');
    // The demo's monitored enterprises: the coal mine, the chemical plant and the tailings pond's owner at least.
    expect(q.enterprises.length).toBeGreaterThanOrEqual(2);
    for (const e of q.enterprises) {
      const overdue = list.items.filter((a) => a.enterpriseId === e.enterpriseId && a.disposalState === 'overdue').length;
      expect(e.overdueDisposal).toBe(overdue);
      const s = stats.enterprises.find((x) => x.enterpriseId === e.enterpriseId);
      const alarmed = list.items.some((a) => a.enterpriseId === e.enterpriseId);
      // The statistics list every enterprise with an alarm; its false share is the quality page's, both unset without classified alarms.
      if (!alarmed) continue;
      expect(s, `statistics row of ${e.enterpriseId}`).toBeDefined();
      expect(s?.overdueDisposal).toBe(overdue);
      expect(s?.falseShare ?? null).toBe(e.falseAlarmShare == null ? null : Math.round(e.falseAlarmShare * 1000) / 10);
    }
    expect(q.enterprises.filter((e) => list.items.some((a) => a.enterpriseId === e.enterpriseId)).length).toBeGreaterThanOrEqual(2);
    // The coal mine's unacknowledged 断线 and the tank farm's unacknowledged LEL alarm are overdue.
    expect(q.enterprises.reduce((a, e) => a + e.overdueDisposal, 0)).toBe(2);
    // A period starting late inside a 5-minute interval (after its last two-minute reading): every reporting
    // sensor is still fully online, the interval is not counted; the silent fan is not online.
    const bucket = Math.floor((seededAt.getTime() - 86_400_000) / 300_000) * 300_000;
    const day = await get<{ sensors: { code: string; onlineRate: number }[] }>(`/api/monitoring/quality?from=${new Date(bucket + 270_000).toISOString()}`);
    for (const x of day.sensors) expect(x.onlineRate, x.code).toBe(x.code === '010401' ? 0 : 1);
  });

  it('the browser test’s sensor 010102 has no alarm and stays below its alarm level', async () => {
    const s = (await sensors()).find((x) => x.code === '010102') as Sensor;
    expect((await alarms()).filter((a) => a.sensorId === s.id)).toEqual([]);
    const rs = await readings(s.id, new Date(seededAt.getTime() - 72 * 3_600_000), new Date(seededAt.getTime() + 1));
    expect(rs.length).toBeGreaterThan(2000);
    expect(Math.max(...rs.map((r) => r.value))).toBeLessThan(s.rules.high as number);
  });

  it('the live feed continues the curves through ingestion: no duplicate raise, the excursion clears, the silent sensor stays 断线', async () => {
    const before = await alarms();
    const t0 = (await sensors()).find((x) => x.code === '010101') as Sensor;
    await at(60_000);
    await feed();
    // The stale sweep finds nothing new: the silent sensor is already 断线 with its alarm.
    expect(await sweepStale(t.deps)).toBe(0);
    await feed();
    const live = (await get<{ data: Sensor & { lastTs: string; lastValue: number } }>(`/api/sensors/${t0.id}`)).data;
    expect(live.lastTs).toBe(new Date(minute + 90_000).toISOString());
    expect(live.lastValue).toBeGreaterThan(1.5);
    const after = await alarms();
    expect(after.length).toBe(before.length);
    const t0Alarms = after.filter((a) => a.sensorId === t0.id);
    expect(t0Alarms.map((a) => a.status).sort()).toEqual(['ACTIVE_ACK', 'ACTIVE_UNACK']);
    // 25 minutes on, the upper corner is back below 1.0 %: both clear (the unacknowledged power-off stays to acknowledge).
    for (let m = 5; m <= 25; m += 5) {
      await at(m * 60_000);
      await feed();
    }
    const later = await alarms();
    expect(
      later
        .filter((a) => a.sensorId === t0.id)
        .map((a) => `${a.type}/${a.status}`)
        .sort(),
    ).toEqual(['high/CLEARED', 'powerOff/CLEARED_UNACK']);
    // Nothing else was raised or cleared meanwhile; the stuck chlorine detector and the drained tank stay active.
    expect(later.length).toBe(before.length);
    const active = later
      .filter((a) => a.active)
      .map((a) => a.type)
      .sort();
    expect(active).toEqual(['flatLine', 'low', 'stale']);
    const fan = (await sensors()).find((x) => x.code === '010401') as Sensor;
    expect(fan.status).toBe('stale');
    // Every 30 seconds: the T1 sensor got a reading per cycle since the seed.
    const t1 = (await sensors()).find((x) => x.code === '010102') as Sensor;
    const fed = await readings(t1.id, new Date(minute + 1), new Date(seededAt.getTime() + 25 * 60_000 + 1));
    expect(fed.map((r) => (Date.parse(r.ts) - minute) / 1000)).toEqual(Array.from({ length: 51 }, (_, i) => (i + 1) * 30));
  });

  it('TAIHANG_DEMO_FEED=off: the job sends nothing', async () => {
    const t1 = (await sensors()).find((x) => x.code === '010102') as Sensor;
    await at(40 * 60_000);
    const off = { ...t.deps, config: { ...t.deps.config, demoFeed: false } };
    await demoFeedJobs(() => off)[0]?.handler({ half: true }, { jobId: 'test' });
    const s = (await get<{ data: { lastTs: string } }>(`/api/sensors/${t1.id}`)).data;
    expect(s.lastTs).toBe(new Date(minute + 25 * 60_000 + 30_000).toISOString());
  });
});
