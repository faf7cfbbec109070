import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { feedDemo } from './demo-feed.js';
import type { DemoMarker } from './monitoring.demo.js';

/** The live demo feed on both databases, with its own sensors and marker (the real one is global and demo-only). */
describe('live demo feed', () => {
  let t: TestServer;
  let h: Record<string, string>;
  const ids: Record<string, string> = {};
  let marker: DemoMarker;
  const seededAt = Date.parse('2026-08-03T09:00:12+08:00');
  const grid = Date.parse('2026-08-03T09:00:00+08:00');
  const readings = async (code: string) =>
    (
      await t.app.inject({
        url: `/api/readings?sensorId=${ids[code]}&from=${new Date(seededAt - 3_600_000).toISOString()}&to=${new Date(seededAt + 3_600_000).toISOString()}`,
        headers: h,
      })
    ).json().items as { ts: string; value: number }[];

  beforeAll(async () => {
    t = await getTestServer();
    t.clock.set(new Date(seededAt).toISOString());
    const r = await makeCity(t.database.db);
    const coal = await makeEnterprise(t.database.db, r.townA, { industry: 'coal' });
    const mgr = await makeUser(t.database.db, 'enterprise', ['enterprise-manager'], { enterpriseId: coal.id });
    h = await loginAs(t.app, mgr.username);
    for (const [code, body] of [
      ['010102', { type: 'ch4', unit: '%CH4', coalLocationKey: 'face', name: '15101工作面甲烷T1' }],
      ['010401', { type: 'windSpeed', unit: 'm/s', name: '中央风井主要通风机风速', rules: { low: 5, lowClear: 5.5, staleSeconds: 120 } }],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/sensors', headers: h, payload: { enterpriseId: coal.id, code, location: '演示', ...body } });
      expect(res.statusCode).toBe(200);
      ids[code] = res.json().data.id;
    }
    marker = {
      seededAt: new Date(seededAt).toISOString(),
      sensors: Object.entries(ids).map(([code, id]) => ({ id, code, enterpriseId: coal.id })),
    };
  });
  afterAll(() => t?.close());

  it('sends each 30-second cycle since the last reading (10 minutes of backlog at most) through ingestion, once', async () => {
    const first = await feedDemo(t.deps, marker);
    // 09:00:12 → the cycles 08:50:30 … 09:00:00; the fan sensor of the demo fell silent a day before the seed.
    expect(first.accepted).toBe(20);
    const t1 = await readings('010102');
    expect(t1.map((x) => (Date.parse(x.ts) - grid) / 1000)).toEqual(Array.from({ length: 20 }, (_, i) => -570 + i * 30));
    expect(Math.max(...t1.map((x) => x.value))).toBeLessThan(1);
    expect(await readings('010401')).toEqual([]);
    // The same moment again: nothing new (the ingestion deduplicates, the feed starts after the last reading).
    expect((await feedDemo(t.deps, marker)).accepted).toBe(0);
    t.clock.set(new Date(seededAt + 30_000).toISOString());
    expect((await feedDemo(t.deps, marker)).accepted).toBe(1);
    const live = (await t.app.inject({ url: `/api/sensors/${ids['010102']}`, headers: h })).json().data;
    expect(live).toMatchObject({ status: 'online', level: 'normal', lastTs: new Date(grid + 30_000).toISOString() });
  });
});
