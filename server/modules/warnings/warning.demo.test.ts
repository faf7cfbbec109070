import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test/factories.js';
import { getTestServer, TEST_DB_URL, type TestServer } from '../../test/harness.js';
import { seedDemoData } from '../org/index.js';
import { seedRiskDemo } from '../risk/index.js';
import { validateCap } from './cap/cap-validate.js';
import { seedWarningDemo } from './index.js';

/** The demo city needs an empty database: only on the per-file PGlite, not on the shared PostgreSQL. */
describe.skipIf(!!TEST_DB_URL)('demo warnings', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
    await t.database.db.transaction(async (tx) => {
      const r = await seedDemoData(tx, { password: 'Demo-Pass-2021', now: t.clock.now() });
      expect(r.seeded).toBe(true);
      await seedRiskDemo(tx, t.clock.now());
      await seedWarningDemo(tx, t.clock.now());
    });
  }, 60_000);
  afterAll(() => t?.close());

  it('an active heavy-rain warning reaches the demo coal mine (confirmed) and chemical plant (to confirm); a cancelled and an imported one', async () => {
    const coal = await loginAs(t.app, 'ent-coal', 'Demo-Pass-2021');
    const list = (await t.app.inject({ url: '/api/warnings?active=true', headers: coal })).json();
    expect(list.items).toHaveLength(1);
    const rain = list.items[0];
    expect(rain).toMatchObject({ eventType: '暴雨', level: 'orange', state: 'active' });
    const chem = await loginAs(t.app, 'ent-chem', 'Demo-Pass-2021');
    const d = (await t.app.inject({ url: `/api/warnings/${rain.id}`, headers: chem })).json();
    expect(d.abilities.confirm).toBe(true);
    const zezhou = await loginAs(t.app, 'zezhou', 'Demo-Pass-2021');
    const all = (await t.app.inject({ url: '/api/warnings', headers: zezhou })).json();
    expect(all.items.map((x: { state: string; source: string }) => `${x.state}/${x.source}`).sort()).toEqual([
      'active/issued',
      'cancelled/issued',
      'expired/imported',
    ]);
    for (const w of all.items) {
      const det = (await t.app.inject({ url: `/api/warnings/${w.id}`, headers: zezhou })).json();
      expect((await validateCap(det.data.capXml)).valid).toBe(true);
    }
    const city = await loginAs(t.app, 'city', 'Demo-Pass-2021');
    const full = (await t.app.inject({ url: `/api/warnings/${rain.id}`, headers: city })).json();
    expect(full.data.confirmed).toBe(1);
    expect(full.data.targets.length).toBeGreaterThan(2);
    expect(full.abilities.cancel).toBe(true);
    // A non-coal mine whose plant is just outside the area is reached through its pond, a 头顶库.
    type T = { enterpriseName: string; matchedBecause: string[]; matchedObjects: { kind: string; name: string; overhead?: boolean }[]; taskText: string };
    const runtong = full.data.targets.find((x: T) => x.enterpriseName === '泽州县润通矿业有限公司') as T;
    expect(runtong.matchedBecause).toEqual(['polygon', 'tailings']);
    expect(runtong.matchedObjects).toMatchObject([{ kind: 'tailings', name: '润通尾矿库', overhead: true }]);
    expect(runtong.taskText).toContain('【润通尾矿库（头顶库）】尾矿库防汛');
    const plant = full.data.targets.find((x: T) => x.enterpriseName === '高平市华晟化工有限公司') as T;
    expect(plant.matchedObjects.filter((o) => o.kind === 'installation').map((o) => o.name)).toEqual(['罐区储存单元', '氯化生产单元']);
  });
});
