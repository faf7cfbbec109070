import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

/**
 * Targeting through registered objects: a warning polygon reaches an enterprise through its own point, its
 * major hazard installations' points and its tailings ponds' points; the target names what matched.
 */

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

// A box around (113.30, 35.20), away from the other warning tests' boxes and the factories' default point.
const box = (w0: number, s0: number, e0: number, n0: number) => [
  [w0, s0],
  [e0, s0],
  [e0, n0],
  [w0, n0],
  [w0, s0],
];
const BOX = box(113.25, 35.15, 113.35, 35.25);
const IN = { lng: 113.3, lat: 35.2 };
const OUT = { lng: 113.6, lat: 35.6 };

const PERSONS = {
  principal: { name: '高建平', phone: '13903561001' },
  technical: { name: '李国华', phone: '13903561002' },
  operational: { name: '王建军', phone: '13903561003' },
};

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const gov = await makeDepartment(db, r.countyA, 'government');
  const mine = await makeEnterprise(db, r.townA, { industry: 'nonCoalMine', name: '甲县铁矿', lng: OUT.lng, lat: OUT.lat });
  const chem = await makeEnterprise(db, r.townA, { industry: 'hazchem', name: '甲县化工', lng: OUT.lng, lat: OUT.lat });
  const far = await makeEnterprise(db, r.townA, { industry: 'nonCoalMine', name: '甲县远矿', lng: OUT.lng, lat: OUT.lat });
  const users = {
    gov: await makeUser(db, 'government', ['regulator-admin'], { departmentId: gov.id }),
    mine: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: mine.id }),
    chem: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: chem.id }),
    far: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: far.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  for (const [k, u] of Object.entries(users)) h[k as keyof typeof users] = await loginAs(s.app, u.username);
  const post = (url: string, hh: Record<string, string>, payload: object) => s.app.inject({ method: 'POST', url, headers: hh, payload });
  const pondBody = (name: string, at: { lng: number; lat: number }, overhead: boolean) => ({
    name,
    ...at,
    designDamHeight: 48,
    currentDamHeight: 30,
    totalCapacity: 320,
    currentCapacity: 200,
    overhead,
    downstreamPopulation: overhead ? 120 : 0,
    safetyStatus: 'normal',
    operatingStatus: 'operating',
    responsibleName: '赵志刚',
    responsiblePhone: '13903562101',
  });
  const pond = (await post('/api/tailings-ponds', h.mine, pondBody('东沟尾矿库', IN, true))).json().data;
  const farPond = (await post('/api/tailings-ponds', h.far, pondBody('远沟尾矿库', { lng: 113.45, lat: 35.2 }, false))).json().data;
  const unit = (
    await post('/api/major-hazard-sources', h.chem, {
      name: '罐区储存单元',
      unitKind: 'storage',
      ...IN,
      exposedPopulation: 60,
      substances: [{ name: '液氯', quantityTonnes: 8 }],
      persons: PERSONS,
    })
  ).json().data;
  return { r, mine, chem, far, pond, farPond, unit, users, h };
}

const post = (url: string, h: Record<string, string>, payload: unknown) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });

function rain(polygon: number[][], over: Record<string, unknown> = {}) {
  return {
    eventType: '暴雨',
    level: 'orange',
    description: '预计未来12小时累计降雨量60毫米以上',
    areaDesc: '甲县东部',
    expires: new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString(),
    polygons: [polygon],
    ...over,
  };
}

interface Target {
  id: string;
  enterpriseName: string;
  matchedBecause: string[];
  matchedObjects: { kind: string; id: string; name: string; via: string; overhead?: boolean }[];
  taskText: string;
}
const byName = (targets: Target[], name: string) => targets.find((x) => x.enterpriseName === name) as Target;

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
}, 60_000);
afterAll(() => t?.close());

describe('warning targeting through installations and tailings ponds', () => {
  it('setup recorded a pond (头顶库) and an installation with their points', () => {
    expect(w.pond).toMatchObject({ name: '东沟尾矿库', overhead: true, lng: IN.lng });
    expect(w.unit).toMatchObject({ lng: IN.lng, lat: IN.lat });
  });

  it('preview: the plants are outside, yet the pond and the installation bring their enterprises in', async () => {
    const p = (await post('/api/warnings/preview', w.h.gov, { polygons: [BOX] })).json();
    expect(p.count).toBe(2);
    expect(p.byClass).toMatchObject({ tailings: 1, installation: 1, mine: 0 });
    const pt = p.points.find((x: { id: string }) => x.id === w.pond.id);
    expect(pt).toMatchObject({ kind: 'tailings', inside: true, overhead: true });
    expect(p.points.find((x: { id: string }) => x.id === w.farPond.id)).toMatchObject({ kind: 'tailings', inside: false });
    expect(p.points.find((x: { id: string }) => x.id === w.mine.id)).toMatchObject({ kind: 'enterprise', inside: true });
  });

  let id: string;
  it('issue: the mine is targeted with its pond named and the 尾矿库防汛 task; the chemical plant with its unit; not the far mine', async () => {
    const res = await post('/api/warnings', w.h.gov, rain(BOX));
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    id = d.id;
    expect(d.targets.map((x: Target) => x.enterpriseName).sort()).toEqual(['甲县化工', '甲县铁矿']);
    const mine = byName(d.targets, '甲县铁矿');
    expect(mine.matchedBecause).toEqual(['polygon', 'tailings']);
    expect(mine.matchedObjects).toEqual([{ kind: 'tailings', id: w.pond.id, name: '东沟尾矿库', via: 'polygon', overhead: true }]);
    expect(mine.taskText).toMatch(/^三查三避让/);
    expect(mine.taskText).toContain('【东沟尾矿库（头顶库）】尾矿库防汛');
    const chem = byName(d.targets, '甲县化工');
    expect(chem.matchedBecause).toEqual(['polygon', 'installation']);
    expect(chem.matchedObjects).toMatchObject([{ kind: 'installation', id: w.unit.id, name: '罐区储存单元' }]);
    expect(chem.taskText).not.toContain('尾矿库防汛');
    // The mine's inbox says which pond the task is about.
    const inbox = JSON.stringify((await get('/api/notifications', w.h.mine)).json());
    expect(inbox).toContain('尾矿库：东沟尾矿库（头顶库）');
    expect((await get(`/api/warnings/${id}`, w.h.far)).statusCode).toBe(404);
  });

  it('the enterprise sees its own target with the pond and confirms as before', async () => {
    const d = (await get(`/api/warnings/${id}`, w.h.mine)).json().data;
    expect(d.targets).toHaveLength(1);
    expect(d.targets[0].matchedObjects[0].name).toBe('东沟尾矿库');
    const ok = await post(`/api/warnings/${id}/targets/${d.myTargetId}/confirm`, w.h.mine, { feedback: '已巡坝，排洪设施畅通，下游东沟村已通知' });
    expect(ok.statusCode).toBe(200);
  });

  it('update: a wider area reaches the far mine through its pond; the confirmed target keeps its task', async () => {
    t.clock.advance(60_000);
    const res = await post(`/api/warnings/${id}/update`, w.h.gov, rain(box(113.25, 35.15, 113.5, 35.25), { level: 'red' }));
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    expect(d.targets.map((x: Target) => x.enterpriseName).sort()).toEqual(['甲县化工', '甲县远矿', '甲县铁矿']);
    expect(byName(d.targets, '甲县远矿').matchedObjects).toMatchObject([{ kind: 'tailings', name: '远沟尾矿库', via: 'polygon' }]);
    expect(byName(d.targets, '甲县远矿').taskText).toContain('【远沟尾矿库】尾矿库防汛');
    expect(byName(d.targets, '甲县铁矿')).toMatchObject({ status: 'confirmed' });
  });

  it('nothing of an enterprise in the area: no target (the area is within 1 km of one, so in the issuer’s region)', async () => {
    const res = await post('/api/warnings', w.h.gov, rain(box(113.605, 35.605, 113.62, 35.62)));
    expect(res.statusCode).toBe(200);
    expect(res.json().data.targets).toEqual([]);
    // Farther from every located point the issuer supervises: outside its region (area-match.ts AREA_MARGIN_KM).
    const far = await post('/api/warnings', w.h.gov, rain(box(113.7, 35.7, 113.8, 35.8)));
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details[0]).toMatchObject({ field: 'polygons.0', code: 'area.outside' });
  });

  it('region codes reach an enterprise with every installation and pond it has', async () => {
    const res = await post('/api/warnings', w.h.gov, { ...rain(BOX), polygons: [], regionCodes: [w.r.townA.code] });
    const mine = byName(res.json().data.targets, '甲县铁矿');
    expect(mine.matchedBecause).toEqual(['region', 'mine', 'tailings']);
    expect(mine.matchedObjects.map((o) => [o.kind, o.via])).toEqual([
      ['mine', 'region'],
      ['tailings', 'region'],
    ]);
  });
});
