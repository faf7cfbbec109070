import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCity, makeDepartment, makeEnterprise, makeUser } from '../factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../harness.js';
import { makeAccident } from './accidents.js';
import { makeMajorHazard, makePondReport, makeRiskPoint, makeRiskReport, makeRiskReview, makeTailingsPond } from './risk.js';

/**
 * The risk and accident factories build rows the API reads back under its contracts (a row the presenter cannot
 * present, or a field the contract lacks, is a 500 in tests): each state in one call, no chain of requests.
 */

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const govA = await makeDepartment(db, r.countyA, 'government');
  const mine = await makeEnterprise(db, r.townA, { industry: 'nonCoalMine' });
  const users = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    govA: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    mine: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: mine.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  return { r, cityGov, govA, mine, users, h };
}

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
  await setClockAndSignIn(t, '2026-12-01T09:00:00+08:00', w.users, w.h);
});
afterAll(() => t.close());

const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });

describe('risk factories', () => {
  it('a 重大 risk point with a review and a report read by the county is what the detail shows', async () => {
    const db = t.database.db;
    const p = await makeRiskPoint(db, w.mine.id, { level: 1 });
    expect(p).toMatchObject({ level: 1, color: 'red' });
    await makeRiskReview(db, p);
    await makeRiskReport(db, p, w.mine.name, [{ id: w.govA.id, name: w.govA.name, readAt: new Date() }]);
    const res = await get(`/api/risk-points/${p.id}`, w.h.govA);
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    expect(d).toMatchObject({ level: 1, color: 'red', reviews: [{ fromLevel: 1, toLevel: 1 }] });
    expect(d.reports[0].recipients[0]).toMatchObject({ departmentId: w.govA.id, readByName: '测试读者' });
  });

  it('an installation graded from its chemicals and a 险库 pond with its report', async () => {
    const db = t.database.db;
    const m = await makeMajorHazard(db, w.mine.id);
    expect(m.isMajor).toBe(true);
    expect((await get(`/api/major-hazard-sources/${m.id}`, w.h.mine)).json().data).toMatchObject({ isMajor: true, grade: m.grade });
    const pond = await makeTailingsPond(db, w.mine.id, { safetyStatus: 'dangerous' });
    await makePondReport(db, pond, [{ id: w.govA.id, name: w.govA.name }], { fromStatus: 'normal' });
    const res = await get(`/api/tailings-ponds/${pond.id}`, w.h.govA);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ safetyStatus: 'dangerous', grade: pond.grade, reports: [{ fromStatus: 'normal', toStatus: 'dangerous' }] });
  });
});

describe('accident factory', () => {
  it('builds an accident in each status, with the investigation, findings and fatal actions that status implies', async () => {
    const db = t.database.db;
    const place = { regionCode: w.r.townA.code, regionPath: w.r.townA.path };
    const reported = await makeAccident(db, place, { enterpriseId: w.mine.id, departments: { county: w.govA.id, city: w.cityGov.id } });
    const closed = await makeAccident(db, place, { enterpriseId: w.mine.id, deaths: 1, status: 'closed', published: true, departments: { county: w.govA.id } });

    const a = (await get(`/api/accidents/${reported.id}`, w.h.govA)).json();
    expect(a.data).toMatchObject({ status: 'reported', grade: 4, investigation: null, actions: [] });
    expect(a.data.chain.find((l: { recipient: string }) => l.recipient === 'city')).toMatchObject({ departmentId: w.cityGov.id, reportedAt: null });
    expect(a.abilities).toMatchObject({ startInvestigation: true, supplement: true });

    const c = (await get(`/api/accidents/${closed.id}`, w.h.govA)).json();
    expect(c.data).toMatchObject({ status: 'closed', published: true, investigation: { level: 'county', replyDocument: '测政函〔2026〕1号' } });
    expect(c.data.accountability).toHaveLength(1);
    expect(c.data.actions).toHaveLength(4);
    expect(c.data.actions[0]).toMatchObject({ status: 'open', canClose: true });

    const portal = (await t.app.inject({ url: '/api/public/accidents' })).json().items.map((x: { id: string }) => x.id);
    expect(portal).toContain(closed.id);
    expect(portal).not.toContain(reported.id);
  });
});
