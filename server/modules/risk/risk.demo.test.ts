import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test/factories.js';
import { getTestServer, TEST_DB_URL, type TestServer } from '../../test/harness.js';
import { seedDemoData } from '../org/index.js';
import { seedRiskDemo } from './index.js';

/** The demo city needs an empty database: only on the per-file PGlite, not on the shared PostgreSQL. */
describe.skipIf(!!TEST_DB_URL)('demo risk data', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
    await t.database.db.transaction(async (tx) => {
      const r = await seedDemoData(tx, { password: 'Demo-Pass-2021', now: t.clock.now() });
      expect(r.seeded).toBe(true);
      await seedRiskDemo(tx, t.clock.now());
    });
  });
  afterAll(() => t?.close());

  it('fills the four colours for the chemical plant and the coal mine, the roll-up, reports and a graded installation', async () => {
    const chem = await loginAs(t.app, 'ent-chem', 'Demo-Pass-2021');
    const s = (await t.app.inject({ url: '/api/risk-points/summary', headers: chem })).json();
    expect(s.counts).toMatchObject({ red: 2, orange: 2, yellow: 3, blue: 3 });
    expect(s.majorHazards).toMatchObject({ major: 2, g3: 1, g4: 1 });
    const coal = await loginAs(t.app, 'ent-coal', 'Demo-Pass-2021');
    const c = (await t.app.inject({ url: '/api/risk-points/summary', headers: coal })).json();
    for (const k of ['red', 'orange', 'yellow', 'blue']) expect(c.counts[k]).toBeGreaterThan(0);
    const city = await loginAs(t.app, 'city', 'Demo-Pass-2021');
    const roll = (await t.app.inject({ url: '/api/risk-points/rollup', headers: city })).json();
    expect(roll.byRegion.length).toBeGreaterThan(2);
    expect(roll.totals.enterprises).toBeGreaterThan(5);
    const gaoping = await loginAs(t.app, 'gaoping', 'Demo-Pass-2021');
    const reports = (await t.app.inject({ url: '/api/risk-reports?unread=true', headers: gaoping })).json();
    expect(reports.total).toBeGreaterThan(0);
    expect(reports.items[0].abilities.markRead).toBe(true);
    // Tailings ponds at the demo non-coal mines, every class of the default table but 一/二等, two 头顶库.
    const ponds = (await t.app.inject({ url: '/api/tailings-ponds', headers: city })).json();
    expect(ponds.total).toBe(5);
    expect(ponds.items.filter((p: { overhead: boolean }) => p.overhead)).toHaveLength(2);
    expect(new Set(ponds.items.map((p: { grade: number }) => p.grade))).toEqual(new Set([3, 4, 5]));
    expect(ponds.items[0]).toMatchObject({ safetyStatus: 'dangerous', overDesign: true, licenceState: 'expired' });
    // The registered 险库 (and the 病库) were reported to their supervisors, who have the notice.
    const worst = (await t.app.inject({ url: `/api/tailings-ponds/${ponds.items[0].id}`, headers: city })).json().data;
    expect(worst.reports).toHaveLength(1);
    expect(worst.reports[0]).toMatchObject({ fromStatus: null, toStatus: 'dangerous', reportedByName: '演示数据' });
    expect(worst.reports[0].recipients.length).toBeGreaterThan(0);
    expect(worst.reports[0].recipients.some((r: { notified: number }) => r.notified > 0)).toBe(true);
    const zezhou = await loginAs(t.app, 'zezhou', 'Demo-Pass-2021');
    expect((await t.app.inject({ url: '/api/tailings-ponds', headers: zezhou })).json().total).toBe(2);
    const units = (await t.app.inject({ url: '/api/major-hazard-sources', headers: chem })).json().items;
    for (const u of units) expect(u.lng).toBeGreaterThan(112);
  });
});
