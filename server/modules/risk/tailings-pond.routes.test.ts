import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setting } from '../../kernel/kernel.schema.js';
import { makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../../test/harness.js';
import { TAILINGS_GRADE_TABLE_KEY } from './tailings-grade-table.js';

/** 尾矿库 register and installation coordinates: routes, scope, validation, 等别 and its configuration. */

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const govA = await makeDepartment(db, r.countyA, 'government');
  const govB = await makeDepartment(db, r.countyB, 'government');
  const indA = await makeDepartment(db, r.countyA, 'industry', ['nonCoalMine']);
  const indB = await makeDepartment(db, r.countyB, 'industry', ['nonCoalMine']);
  const mineA = await makeEnterprise(db, r.townA, { industry: 'nonCoalMine', name: `甲县铁矿${Date.now()}` });
  const mineA2 = await makeEnterprise(db, r.townA, { industry: 'nonCoalMine' });
  const chemA = await makeEnterprise(db, r.townA, { industry: 'hazchem' });
  const mineA3 = await makeEnterprise(db, r.townA, { industry: 'nonCoalMine', name: `甲县金矿${Date.now()}` });
  const users = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    govA: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    govB: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id }),
    mineA: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: mineA.id }),
    mineA2: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: mineA2.id }),
    chemA: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: chemA.id }),
    mineA3: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: mineA3.id }),
    indA: await makeUser(db, 'industry', ['regulator'], { departmentId: indA.id }),
    indB: await makeUser(db, 'industry', ['regulator'], { departmentId: indB.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  return { r, govA, indA, mineA, mineA2, mineA3, chemA, users, h };
}

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
  await setClockAndSignIn(t, '2026-12-01T09:00:00+08:00', w.users, w.h);
});
afterAll(() => t.close());

const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, h: Record<string, string>, payload: unknown) =>
  t.app.inject({ method, url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });
const fields = (res: { json(): { error: { details: { field: string }[] } } }) => res.json().error.details.map((d) => d.field);

const pond = (over: Record<string, unknown> = {}) => ({
  name: '东沟尾矿库',
  location: '东沟',
  lng: 112.71,
  lat: 35.61,
  damMethod: 'upstream',
  designDamHeight: 48,
  currentDamHeight: 36.5,
  totalCapacity: 320,
  currentCapacity: 214,
  overhead: true,
  downstreamPopulation: 186,
  downstreamFacilities: '坝下游约 600 m 为东沟村',
  safetyStatus: 'normal',
  operatingStatus: 'operating',
  responsibleName: '赵志刚',
  responsiblePhone: '13903562101',
  licenceNumber: '（晋）FM安许证字〔2025〕0191',
  licenceExpiry: '2027-01-20',
  ...over,
});

describe('tailings ponds (尾矿库)', () => {
  let id: string;

  it('401 without a session, 403 for a regulator without risk.manage, 400 naming the fields', async () => {
    expect((await t.app.inject({ url: '/api/tailings-ponds' })).statusCode).toBe(401);
    expect((await send('POST', '/api/tailings-ponds', w.h.govA, pond())).statusCode).toBe(403);
    const bad = await send('POST', '/api/tailings-ponds', w.h.mineA, {
      ...pond({ lng: 12.5, lat: undefined, safetyStatus: 'fine', designDamHeight: 0, responsiblePhone: '123' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).sort()).toEqual(['designDamHeight', 'lat', 'lng', 'responsiblePhone', 'safetyStatus']);
    // A licence number needs its expiry (and the other way round).
    expect(fields(await send('POST', '/api/tailings-ponds', w.h.mineA, pond({ licenceExpiry: null })))).toEqual(['licenceExpiry']);
    expect(fields(await send('POST', '/api/tailings-ponds', w.h.mineA, pond({ licenceNumber: undefined })))).toEqual(['licenceNumber']);
    // The message names the field in the caller's language.
    const en = await t.app.inject({ method: 'POST', url: '/api/tailings-ponds?lang=en-US', headers: w.h.mineA, payload: pond({ lng: 200 }) });
    expect(en.json().error.details[0]).toMatchObject({ field: 'lng' });
    expect(JSON.stringify(en.json())).toMatch(/Longitude/);
  });

  it('records a pond: 等别 from capacity and dam height with its 依据, 头顶库, licence state', async () => {
    const res = await send('POST', '/api/tailings-ponds', w.h.mineA, pond());
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    id = d.id;
    expect(d).toMatchObject({
      code: 'WKK-001',
      enterpriseId: w.mineA.id,
      grade: 4,
      gradeName: '四等',
      overhead: true,
      lng: 112.71,
      lat: 35.61,
      responsibleName: '赵志刚',
      licenceState: 'expiring', // 2027-01-20 is within 90 days of 2026-12-01
      overDesign: false,
      safetyStatus: 'normal',
    });
    expect(d.gradeSource).toContain('GB 50863');
    expect(d.safetyAction).toBeTruthy();
    expect(res.json().abilities).toEqual({ edit: true });
    // Two classes apart (capacity 五等, height 三等): the higher lowered by one.
    const two = (
      await send(
        'POST',
        '/api/tailings-ponds',
        w.h.mineA,
        pond({ name: '西沟尾矿库', totalCapacity: 50, designDamHeight: 70, overhead: false, licenceNumber: null, licenceExpiry: null }),
      )
    ).json().data;
    expect(two).toMatchObject({ code: 'WKK-002', grade: 4, licenceState: null });
  });

  it('scope: another enterprise and another county get 404; the county and the city see it', async () => {
    expect((await get(`/api/tailings-ponds/${id}`, w.h.mineA2)).statusCode).toBe(404);
    expect((await get(`/api/tailings-ponds/${id}`, w.h.govB)).statusCode).toBe(404);
    expect((await send('PATCH', `/api/tailings-ponds/${id}`, w.h.mineA2, { version: 1, name: '改名' })).statusCode).toBe(404);
    const county = await get(`/api/tailings-ponds/${id}`, w.h.govA);
    expect(county.statusCode).toBe(200);
    expect(county.json().abilities.edit).toBe(false);
    expect((await get(`/api/tailings-ponds?enterpriseId=${w.mineA.id}`, w.h.city)).json().total).toBe(2);
    expect((await get('/api/tailings-ponds', w.h.mineA2)).json().total).toBe(0);
    expect((await get('/api/tailings-ponds', w.h.govB)).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('edit with the version recomputes the class; a stale version is 409; 险库 and 超设计 show', async () => {
    const raised = await send('PATCH', `/api/tailings-ponds/${id}`, w.h.mineA, {
      version: 1,
      gradeRaised: true,
      safetyStatus: 'dangerous',
      currentCapacity: 330,
    });
    expect(raised.statusCode).toBe(200);
    expect(raised.json().data).toMatchObject({ grade: 3, gradeRaised: true, safetyStatus: 'dangerous', overDesign: true, version: 2 });
    expect(raised.json().data.safetyAction).toContain('立即停产');
    expect((await send('PATCH', `/api/tailings-ponds/${id}`, w.h.mineA, { version: 1, name: '旧版本' })).statusCode).toBe(409);
    const half = await send('PATCH', `/api/tailings-ponds/${id}`, w.h.mineA, { version: 2, lng: 112.72 });
    expect(fields(half)).toEqual(['lat']);
  });

  it('list filters and export honour the scope', async () => {
    const q = (s: string) => get(`/api/tailings-ponds?enterpriseId=${w.mineA.id}&${s}`, w.h.govA).then((r) => r.json());
    expect((await q('overhead=true')).total).toBe(1);
    expect((await q('safetyStatus=dangerous')).items[0].id).toBe(id);
    expect((await q('grade=4')).total).toBe(1);
    expect((await q('operatingStatus=closed')).total).toBe(0);
    // Default order: the worst 安全度 first.
    expect((await q('')).items[0].id).toBe(id);
    expect((await t.app.inject({ url: '/api/tailings-ponds/export?format=xlsx' })).statusCode).toBe(401);
    const x = await get(`/api/tailings-ponds/export?format=xlsx&enterpriseId=${w.mineA.id}`, w.h.govA);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });

  it('the 等别 limits are configuration: read with risk.read, set with risk.configure, used for new saves', async () => {
    const clear = () => t.database.db.delete(setting).where(eq(setting.key, TAILINGS_GRADE_TABLE_KEY));
    await clear();
    try {
      const cur = (await get('/api/tailings-grade-table', w.h.mineA)).json();
      expect(cur).toMatchObject({ configured: false, table: { capacity: { g2: 10000, g3: 1000, g4: 100 }, height: { g2: 100, g3: 60, g4: 30 } } });
      expect(cur.source).toContain('待与标准原文核对');
      expect(cur.abilities.configure).toBe(false);
      const next = { capacity: { g2: 8000, g3: 800, g4: 40 }, height: { g2: 90, g3: 50, g4: 20 } };
      expect((await send('PUT', '/api/tailings-grade-table', w.h.mineA, next)).statusCode).toBe(403);
      const bad = await send('PUT', '/api/tailings-grade-table', w.h.city, { ...next, height: { g2: 40, g3: 50, g4: 20 } });
      expect(fields(bad)).toEqual(['height.g2']);
      expect((await send('PUT', '/api/tailings-grade-table', w.h.city, next)).json()).toMatchObject({ configured: true });
      const calc = await send('POST', '/api/calculators/tailings-pond-grade', w.h.mineA, { totalCapacity: 50, damHeight: 25 });
      expect(calc.json()).toMatchObject({ grade: 4, source: expect.stringContaining('本地区配置') });
      const p = (await send('POST', '/api/tailings-ponds', w.h.mineA2, pond({ totalCapacity: 50, designDamHeight: 25 }))).json().data;
      expect(p.grade).toBe(4);
    } finally {
      await clear();
    }
    expect((await send('POST', '/api/calculators/tailings-pond-grade', w.h.mineA, { totalCapacity: 50, damHeight: 25 })).json().grade).toBe(5);
  });
});

describe('安全度 reports (尾矿库安全监督管理规定)', () => {
  type Note = { id: string; kind: string; title: string; body: string; link: string | null };
  const notes = async (who: keyof typeof w.users, pondId: string): Promise<Note[]> =>
    (await get('/api/notifications?pageSize=100', w.h[who])).json().items.filter((n: Note) => n.link === `/tailings-ponds/${pondId}`);
  const detail = async (pondId: string) => (await get(`/api/tailings-ponds/${pondId}`, w.h.mineA3)).json();
  const patch = (pondId: string, payload: Record<string, unknown>) => send('PATCH', `/api/tailings-ponds/${pondId}`, w.h.mineA3, payload);
  const others = ['govB', 'indB', 'city', 'mineA', 'mineA3'] as const;
  let id: string;

  it('a 正常库 registration sends nothing; a change to 险库 tells the county 应急管理局 and the covering industry department, no other county', async () => {
    const created = await send('POST', '/api/tailings-ponds', w.h.mineA3, pond({ name: '南沟尾矿库' }));
    expect(created.statusCode).toBe(200);
    id = created.json().data.id;
    expect(created.json().data.reports).toEqual([]);
    const res = await patch(id, { version: 1, safetyStatus: 'dangerous' });
    expect(res.statusCode).toBe(200);
    const [report, ...rest] = res.json().data.reports;
    expect(rest).toHaveLength(0);
    expect(report).toMatchObject({ fromStatus: 'normal', toStatus: 'dangerous', reportedByName: w.users.mineA3.displayName });
    expect(report.action).toContain('立即停产');
    expect(report.source).toContain('第38号');
    expect(report.recipients.map((r: { departmentId: string }) => r.departmentId).sort()).toEqual([w.govA.id, w.indA.id].sort());
    for (const r of report.recipients) expect(r).toMatchObject({ notified: 1, read: 0, readAt: null });
    for (const who of ['govA', 'indA'] as const) {
      const n = await notes(who, id);
      expect(n).toHaveLength(1);
      expect(n[0]).toMatchObject({ kind: 'risk.pondSafety' });
      expect(n[0]?.title).toContain('险库');
      expect(n[0]?.body).toContain('正常库 → 险库');
      expect(n[0]?.body).toContain('依据');
    }
    for (const who of others) expect(await notes(who, id)).toHaveLength(0);
  });

  it('saving again with the same 安全度 (or without it) sends nothing', async () => {
    expect((await patch(id, { version: 2, safetyStatus: 'dangerous', currentDamHeight: 37 })).statusCode).toBe(200);
    expect((await patch(id, { version: 3, location: '南沟上游' })).statusCode).toBe(200);
    expect((await detail(id)).data.reports).toHaveLength(1);
    expect(await notes('govA', id)).toHaveLength(1);
    expect(await notes('indA', id)).toHaveLength(1);
  });

  it('read receipts: the department’s first reader and when, from the notification', async () => {
    const [n] = await notes('govA', id);
    t.clock.advanceMinutes(20);
    expect((await send('POST', `/api/notifications/${n?.id}/read`, w.h.govA, {})).statusCode).toBe(200);
    const [report] = (await get(`/api/tailings-ponds/${id}`, w.h.govA)).json().data.reports;
    const by = (d: string) => report.recipients.find((r: { departmentId: string }) => r.departmentId === d);
    expect(by(w.govA.id)).toMatchObject({ readAt: '2026-12-01T01:20:00.000Z', readByName: w.users.govA.displayName, notified: 1, read: 1 });
    expect(by(w.indA.id)).toMatchObject({ readAt: null, readByName: null, read: 0 });
  });

  it('back to 正常库 is recorded but sends nothing; 正常库 → 病库 is reported once; 病库 again is not', async () => {
    expect((await patch(id, { version: 4, safetyStatus: 'normal' })).json().data.reports).toHaveLength(1);
    expect(await notes('govA', id)).toHaveLength(1);
    const sick = (await patch(id, { version: 5, safetyStatus: 'defective' })).json().data;
    expect(sick.reports).toHaveLength(2);
    expect(sick.reports[0]).toMatchObject({ fromStatus: 'normal', toStatus: 'defective' });
    expect(sick.reports[0].action).toContain('限定时间');
    expect((await patch(id, { version: 6, safetyStatus: 'defective', currentCapacity: 220 })).json().data.reports).toHaveLength(2);
    for (const who of ['govA', 'indA'] as const) {
      const n = await notes(who, id);
      expect(n).toHaveLength(2);
      expect(n.filter((x) => x.title.includes('病库'))).toHaveLength(1);
    }
    for (const who of others) expect(await notes(who, id)).toHaveLength(0);
  });

  it('a pond registered as 危库 is reported at once; 危库 → 险库 is reported (the required action changes), 险库 → 病库 is not', async () => {
    const res = await send('POST', '/api/tailings-ponds', w.h.mineA3, pond({ name: '北沟尾矿库', safetyStatus: 'critical', overhead: false }));
    const p = res.json().data;
    expect(p.reports).toHaveLength(1);
    expect(p.reports[0]).toMatchObject({ fromStatus: null, toStatus: 'critical' });
    expect((await notes('indA', p.id))[0]?.body).toContain('登记为危库');
    expect((await patch(p.id, { version: 1, safetyStatus: 'dangerous' })).json().data.reports).toHaveLength(2);
    expect((await patch(p.id, { version: 2, safetyStatus: 'defective' })).json().data.reports).toHaveLength(2);
    expect(await notes('govA', p.id)).toHaveLength(2);
  });

  it('out of scope is still 404 and reports nothing; the overview counts 险库 and 危库', async () => {
    expect((await get(`/api/tailings-ponds/${id}`, w.h.govB)).statusCode).toBe(404);
    expect((await get(`/api/tailings-ponds/${id}`, w.h.indB)).statusCode).toBe(404);
    expect((await send('PATCH', `/api/tailings-ponds/${id}`, w.h.mineA2, { version: 7, safetyStatus: 'critical' })).statusCode).toBe(404);
    expect((await detail(id)).data).toMatchObject({ safetyStatus: 'defective', version: 7 });
    expect(await notes('govA', id)).toHaveLength(2);
    const summary = (await get(`/api/risk-points/summary?enterpriseId=${w.mineA3.id}`, w.h.govA)).json();
    expect(summary.ponds).toEqual({ total: 2, critical: 0, dangerous: 0, defective: 2, overhead: 1 });
    expect((await get('/api/risk-points/summary', w.h.govB)).json().ponds.total).toBe(0);
  });
});

describe('major hazard installation coordinates', () => {
  const unit = (over: Record<string, unknown> = {}) => ({
    name: '罐区储存单元',
    unitKind: 'storage',
    exposedPopulation: 60,
    substances: [{ name: '液氯', quantityTonnes: 8 }],
    persons: {
      principal: { name: '高建平', phone: '13903561001' },
      technical: { name: '李国华', phone: '13903561002' },
      operational: { name: '王建军', phone: '13903561003' },
    },
    ...over,
  });

  it('both or neither, inside China, each bad one named; stored, shown and editable', async () => {
    expect(fields(await send('POST', '/api/major-hazard-sources', w.h.chemA, unit({ lng: 112.9 })))).toEqual(['lat']);
    expect(fields(await send('POST', '/api/major-hazard-sources', w.h.chemA, unit({ lng: 12.9, lat: 95 }))).sort()).toEqual(['lat', 'lng']);
    const none = (await send('POST', '/api/major-hazard-sources', w.h.chemA, unit())).json().data;
    expect(none).toMatchObject({ lng: null, lat: null });
    const res = await send('POST', '/api/major-hazard-sources', w.h.chemA, unit({ lng: 112.93, lat: 35.76 }));
    expect(res.statusCode).toBe(200);
    const m = res.json().data;
    expect(m).toMatchObject({ lng: 112.93, lat: 35.76 });
    const moved = await send('PATCH', `/api/major-hazard-sources/${m.id}`, w.h.chemA, { version: m.version, lng: 112.94, lat: 35.77 });
    expect(moved.json().data).toMatchObject({ lng: 112.94, lat: 35.77 });
    const cleared = await send('PATCH', `/api/major-hazard-sources/${m.id}`, w.h.chemA, { version: m.version + 1, lng: null, lat: null });
    expect(cleared.json().data).toMatchObject({ lng: null, lat: null });
    expect((await get(`/api/major-hazard-sources/${m.id}`, w.h.govA)).json().data.lng).toBeNull();
  });
});
