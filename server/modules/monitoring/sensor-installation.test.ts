import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

/** A sensor's installation link: one of its enterprise's registered installations or tailings ponds, or free text. */

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const mine = await makeEnterprise(db, r.townA, { industry: 'nonCoalMine' });
  const other = await makeEnterprise(db, r.townA, { industry: 'nonCoalMine' });
  const users = {
    mine: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: mine.id }),
    other: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: other.id }),
  };
  const h = { mine: await loginAs(s.app, users.mine.username), other: await loginAs(s.app, users.other.username) };
  const pondOf = async (hh: Record<string, string>, name: string) =>
    (
      await s.app.inject({
        method: 'POST',
        url: '/api/tailings-ponds',
        headers: hh,
        payload: {
          name,
          lng: 112.6,
          lat: 35.4,
          designDamHeight: 48,
          currentDamHeight: 30,
          totalCapacity: 320,
          currentCapacity: 200,
          overhead: false,
          downstreamPopulation: 0,
          safetyStatus: 'normal',
          operatingStatus: 'operating',
          responsibleName: '赵志刚',
          responsiblePhone: '13903562101',
        },
      })
    ).json().data as { id: string; name: string };
  return { mine, other, h, pond: await pondOf(h.mine, '东沟尾矿库'), otherPond: await pondOf(h.other, '别家尾矿库') };
}

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
}, 60_000);
afterAll(() => t?.close());

const send = (method: 'POST' | 'PATCH', url: string, h: Record<string, string>, payload: object) => t.app.inject({ method, url, headers: h, payload });
const sensor = (over: Record<string, unknown>) => ({
  enterpriseId: w.mine.id,
  code: `WK-${Math.random().toString(36).slice(2, 8)}`,
  name: '库水位',
  type: 'tailingsWaterLevel',
  unit: 'm',
  location: '排水井旁',
  ...over,
});

describe('sensor installation link', () => {
  it('links to the enterprise’s own pond by id and carries its registered name', async () => {
    const res = await send('POST', '/api/sensors', w.h.mine, sensor({ installationId: w.pond.id, installationName: '随便写的' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ installationId: w.pond.id, installationName: '东沟尾矿库' });
    const list = await t.app.inject({ url: `/api/sensors?installationId=${w.pond.id}`, headers: w.h.mine });
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(res.json().data.id);
  });

  it('another enterprise’s pond or an unknown id is a 400 naming installationId', async () => {
    for (const id of [w.otherPond.id, '00000000-0000-4000-8000-000000000000']) {
      const bad = await send('POST', '/api/sensors', w.h.mine, sensor({ installationId: id }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['installationId']);
    }
  });

  it('free text stays possible (a coal working face); a name alone unlinks, an id links on edit', async () => {
    const free = (await send('POST', '/api/sensors', w.h.mine, sensor({ installationName: '15101综采工作面' }))).json().data;
    expect(free).toMatchObject({ installationId: null, installationName: '15101综采工作面' });
    const linked = await send('PATCH', `/api/sensors/${free.id}`, w.h.mine, { installationId: w.pond.id });
    expect(linked.json().data).toMatchObject({ installationId: w.pond.id, installationName: '东沟尾矿库' });
    const unlinked = await send('PATCH', `/api/sensors/${free.id}`, w.h.mine, { installationName: '选矿厂' });
    expect(unlinked.json().data).toMatchObject({ installationId: null, installationName: '选矿厂' });
    expect((await send('PATCH', `/api/sensors/${free.id}`, w.h.mine, { installationId: w.otherPond.id })).statusCode).toBe(400);
  });
});
