import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test/factories.js';
import { getTestServer, TEST_DB_URL, type TestServer } from '../../test/harness.js';
import { seedDemoData } from '../org/index.js';
import { seedRiskDemo } from '../risk/index.js';
import { seedMonitoringDemo } from './index.js';

const PW = 'Demo-Pass-2021';

/** The demo pond's online monitoring: needs the risk demo's pond, so an empty database (PGlite only). */
describe.skipIf(!!TEST_DB_URL)('demo tailings sensors', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
    await t.database.db.transaction(async (tx) => {
      expect((await seedDemoData(tx, { password: PW, now: t.clock.now() })).seeded).toBe(true);
      await seedRiskDemo(tx, t.clock.now());
      await seedMonitoringDemo(tx, t.clock.now());
    });
  }, 120_000);
  afterAll(() => t?.close());

  it('润通尾矿库 has water level, dry beach, phreatic line and rainfall, linked by id, online and inside their limits', async () => {
    const h = await loginAs(t.app, 'zezhou', PW);
    const pond = (await t.app.inject({ url: '/api/tailings-ponds?q=润通', headers: h })).json().items[0];
    expect(pond).toMatchObject({ name: '润通尾矿库', overhead: true });
    const sensors = (await t.app.inject({ url: `/api/sensors?installationId=${pond.id}`, headers: h })).json().items;
    expect(sensors.map((s: { type: string }) => s.type).sort()).toEqual(['dryBeachLength', 'phreaticLine', 'rainfall', 'tailingsWaterLevel']);
    for (const s of sensors) expect(s).toMatchObject({ installationName: '润通尾矿库', status: 'online', level: 'normal' });
    const alarms = (await t.app.inject({ url: '/api/alarms?pageSize=200', headers: h })).json().items;
    expect(alarms.filter((a: { sensorId: string }) => sensors.some((s: { id: string }) => s.id === a.sensorId))).toEqual([]);
    // The coal mine's points keep their free-text working face.
    const coal = (await t.app.inject({ url: '/api/sensors?q=010102', headers: h })).json().items[0];
    expect(coal).toMatchObject({ code: '010102', installationId: null, installationName: '15101综采工作面' });
  });
});
