import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, makeCity, makeDepartment, makeEnterprise, makeUser } from '../factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../harness.js';
import { makeHazard, makeListEntry, makeListing, makeStatsReport } from './hazards.js';
import { makeExtension, makeTask } from './tasks.js';
import { makeActivity, makePlan } from './workplan.js';

/**
 * The hazard, task and work-plan factories build rows the API reads back under its contracts (a row the presenter
 * cannot present, or a field the contract lacks, is a 500 in tests): each state in one call, no chain of requests.
 */

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = { ...(await makeDepartment(db, r.city, 'government')), regionPath: r.city.path };
  const govA = { ...(await makeDepartment(db, r.countyA, 'government')), regionPath: r.countyA.path };
  const mine = await makeEnterprise(db, r.townA, { industry: 'coal' });
  await assign(db, mine.id, govA.id);
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
const at = new Date('2026-11-02T09:00:00+08:00');

describe('hazard factories', () => {
  it('a major hazard awaiting the regulator’s review, listed by the county: the detail and the lists show that state', async () => {
    const db = t.database.db;
    const hz = await makeHazard(db, w.mine, { status: 'verified', grade: 'major', at });
    await makeListing(db, hz, w.govA);
    const res = await get(`/api/hazards/${hz.id}`, w.h.govA);
    expect(res.statusCode).toBe(200);
    const { data, abilities } = res.json();
    expect(data).toMatchObject({ status: 'verified', grade: 'major', listed: true, reviewDue: '2026-11-23', plan: { fundsYuan: 180000 } });
    expect(data.listings).toHaveLength(1);
    // The regulator closes out (核销) or returns; the listing cannot be closed while the hazard is open.
    expect(abilities).toMatchObject({ close: true, return: true, closeListing: false, list: false });
    const listings = (await get('/api/hazards/listings', w.h.govA)).json();
    expect(listings.items.map((l: { hazard: { id: string } }) => l.hazard.id)).toContain(hz.id);
  });

  it('an overdue general hazard counts as overdue; a list entry links it; a submitted table shows as submitted', async () => {
    const db = t.database.db;
    const late = await makeHazard(db, w.mine, { status: 'rectifying', at, deadline: '2026-11-20' });
    const list = (await get(`/api/hazards?enterpriseId=${w.mine.id}&overdue=true`, w.h.mine)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([late.id]);
    expect(list.items[0]).toMatchObject({ deadlineState: 'overdue', status: 'rectifying' });
    await makeListEntry(db, w.govA, w.users.govA.id, { kind: 'accountability', hazardIds: [late.id] });
    const entries = (await get('/api/hazards/lists/accountability', w.h.govA)).json();
    expect(entries.items[0]).toMatchObject({ editable: true, hazards: [{ id: late.id }] });
    await makeStatsReport(db, w.mine, '2026Q3', w.users.mine.id, { found: 2 });
    const draft = (await get(`/api/hazards/stats-reports/draft?enterpriseId=${w.mine.id}&period=2026Q3`, w.h.mine)).json();
    expect(draft).toMatchObject({ state: 'submitted', canSubmit: false, figures: { found: 2 } });
  });
});

describe('task and work-plan factories', () => {
  it('a task resolved by the lead and waiting on a cooperating unit with a pending extension', async () => {
    const db = t.database.db;
    const { task, assignees } = await makeTask(
      db,
      w.cityGov,
      [
        { departmentId: w.govA.id, name: w.govA.name, regionPath: w.govA.regionPath },
        { enterpriseId: w.mine.id, name: w.mine.name, regionPath: w.mine.regionPath },
      ],
      { status: ['resolved', 'deployed'], assignedAt: at, createdBy: w.users.city.id },
    );
    await makeExtension(db, assignees[1] as { id: string; resolveDue: Date });
    const res = await get(`/api/tasks/${task.id}`, w.h.city);
    expect(res.statusCode).toBe(200);
    const [lead, coop] = res.json().data.assignees;
    expect(lead).toMatchObject({ role: 'lead', status: 'resolved', abilities: { accept: true, return: true } });
    expect(coop).toMatchObject({ role: 'cooperate', status: 'deployed', state: 'overdue', abilities: { decideExtension: true } });
    expect(coop.extensions).toMatchObject([{ status: 'pending' }]);
    expect((await get('/api/tasks/board', w.h.city)).json().totals).toMatchObject({ overdue: 1 });
  });

  it('a plan item and register entries read back through the plan and the registers', async () => {
    const db = t.database.db;
    const { plan, items } = await makePlan(db, { regionCode: w.r.city.code, items: [{ indicators: [{ key: 'monthlySafetyMeeting', name: '每月会议' }] }] });
    await makeActivity(
      db,
      { departmentId: w.govA.id, name: w.govA.name, regionPath: w.govA.regionPath },
      'safetyMeeting',
      { chair: '县长', topics: '研究安全生产' },
      {
        date: '2026-11-05',
        createdBy: w.users.govA.id,
      },
    );
    const overview = (await get(`/api/plans/${plan.id}`, w.h.city)).json();
    expect(overview.items[0]).toMatchObject({ id: items[0]?.id, indicators: [{ key: 'monthlySafetyMeeting' }] });
    const regs = (await get('/api/registers?kind=safetyMeeting&year=2026', w.h.govA)).json();
    expect(regs.items[0]).toMatchObject({ unitName: w.govA.name, detail: { chair: '县长' } });
  });
});
