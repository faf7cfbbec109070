import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setting } from '../../kernel/kernel.schema.js';
import { makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../../test/harness.js';
import { sweepRiskReviews } from './index.js';
import { RISK_BANDS_KEY } from './risk-bands.js';

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const govA = await makeDepartment(db, r.countyA, 'government');
  const govB = await makeDepartment(db, r.countyB, 'government');
  const indA = await makeDepartment(db, r.countyA, 'industry', ['hazchem']);
  const indB = await makeDepartment(db, r.countyB, 'industry', ['hazchem']);
  const entA = await makeEnterprise(db, r.townA, { industry: 'hazchem', name: `甲化工${Date.now()}` });
  const entB = await makeEnterprise(db, r.townB, { industry: 'hazchem' });
  const users = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    govA: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    govB: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id }),
    indA: await makeUser(db, 'industry', ['regulator'], { departmentId: indA.id }),
    entA: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: entA.id }),
    entB: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: entB.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  return { r, cityGov, govA, govB, indA, indB, entA, entB, users, h };
}

const at = (time: string) => setClockAndSignIn(t, time, w.users, w.h);

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
  await at('2026-12-01T09:00:00+08:00');
});
afterAll(() => t.close());

const post = (url: string, h: Record<string, string>, payload: unknown) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });
const fields = (res: { json(): { error: { details: { field: string }[] } } }) => res.json().error.details.map((d) => d.field);

const MEASURES = { engineering: ['氯气泄漏报警与吸收装置联锁'], management: ['包保责任制'], training: [], ppe: ['正压式空气呼吸器'], emergency: [] };
const point = (over: Record<string, unknown> = {}) => ({
  name: '液氯储罐区',
  kind: 'area',
  location: '东侧罐区',
  hazardFactors: '液氯泄漏、超压',
  accidentTypes: ['19', '17'],
  assessment: { method: 'lec', L: 3, E: 6, C: 40 },
  measures: MEASURES,
  controlLevel: 'company',
  responsiblePerson: '王建军',
  responsiblePhone: '13903561234',
  reviewDue: '2027-03-01',
  ...over,
});

describe('calculators (product.md §4 contracts)', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/calculators/risk-lec', payload: { L: 6, E: 6, C: 15 } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/calculators/major-hazard-source', payload: {} })).statusCode).toBe(401);
  });

  it('risk-lec: D, level, colour and source; factors outside §7.1 are a 400 naming the field', async () => {
    const ok = await post('/api/calculators/risk-lec', w.h.entA, { L: 6, E: 6, C: 15 });
    expect(ok.json()).toMatchObject({ D: 540, level: 1, color: 'red' });
    expect(ok.json().source).toContain('D>320');
    expect((await post('/api/calculators/risk-lec', w.h.entA, { L: 3, E: 6, C: 15 })).json()).toMatchObject({ D: 270, level: 2, color: 'orange' });
    const bad = await post('/api/calculators/risk-lec', w.h.entA, { L: 5, E: 6, C: 20 });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['L', 'C']);
    expect(fields(await post('/api/calculators/risk-lec', w.h.entA, { L: 6, E: 6 }))).toEqual(['C']);
  });

  it('risk-ls: R = L×S with integers 1–5', async () => {
    expect((await post('/api/calculators/risk-ls', w.h.entA, { L: 4, S: 5 })).json()).toMatchObject({ R: 20, level: 1, color: 'red' });
    expect((await post('/api/calculators/risk-ls', w.h.entA, { L: 3, S: 3 })).json()).toMatchObject({ R: 9, level: 3, color: 'yellow' });
    const bad = await post('/api/calculators/risk-ls', w.h.entA, { L: 6, S: 2.5 });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['L', 'S']);
  });

  it('major-hazard-source: the reference worked example; an unknown substance is a 400 naming substances.N', async () => {
    const res = await post('/api/calculators/major-hazard-source', w.h.govA, {
      exposedPopulation: 60,
      substances: [
        { cas: '7782-50-5', quantityTonnes: 8 },
        { name: '液氨', quantityTonnes: 30 },
        { name: '乙醇', quantityTonnes: 300 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ S: 5.2, isMajor: true, alpha: 1.5, R: 19.5, grade: 3 });
    expect(res.json().terms[0]).toMatchObject({ q: 8, Q: 5, beta: 4 });
    const cat = await post('/api/calculators/major-hazard-source', w.h.govA, { exposedPopulation: 0, substances: [{ category: 'W5.3', quantityTonnes: 500 }] });
    expect(cat.json()).toMatchObject({ S: 0.5, isMajor: false, grade: null });
    const bad = await post('/api/calculators/major-hazard-source', w.h.govA, {
      exposedPopulation: 10,
      substances: [
        { name: '氯', quantityTonnes: 1 },
        { name: '不存在的化学品', quantityTonnes: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['substances.1']);
    expect(fields(await post('/api/calculators/major-hazard-source', w.h.govA, { exposedPopulation: 10, substances: [{ quantityTonnes: 1 }] }))).toEqual([
      'substances.0',
    ]);
  });
});

describe('risk points', () => {
  let redId: string;
  let reportId: string;

  it('401, 403 for a regulator without risk.manage, 400 naming the fields', async () => {
    expect((await t.app.inject({ url: '/api/risk-points' })).statusCode).toBe(401);
    expect((await post('/api/risk-points', w.h.govA, point())).statusCode).toBe(403);
    const bad = await post('/api/risk-points', w.h.entA, { name: 'x', assessment: { method: 'lec', L: 4, E: 6, C: 15 } });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(
      expect.arrayContaining(['name', 'kind', 'hazardFactors', 'accidentTypes', 'assessment.L', 'measures', 'controlLevel', 'responsiblePerson', 'reviewDue']),
    );
    const noMeasures = await post('/api/risk-points', w.h.entA, point({ measures: { engineering: [], management: [], training: [], ppe: [], emergency: [] } }));
    expect(fields(noMeasures)).toEqual(['measures']);
    expect(fields(await post('/api/risk-points', w.h.entA, point({ reviewDue: '2026-11-30' })))).toEqual(['reviewDue']);
    expect(fields(await post('/api/risk-points', w.h.entA, point({ enterpriseId: w.entB.id })))).toEqual(['enterpriseId']);
  });

  it('a 重大 (red) risk point is reported to the county 应急管理局 and the supervising industry department', async () => {
    const res = await post('/api/risk-points', w.h.entA, point());
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    redId = d.id;
    expect(d).toMatchObject({ code: 'FXD-0001', method: 'lec', inputs: { L: 3, E: 6, C: 40 }, score: 720, level: 1, color: 'red', reviewOverdue: false });
    expect(d.source).toContain('D = L×E×C');
    expect(res.json().abilities).toEqual({ edit: true, review: true });
    expect(d.reports).toHaveLength(1);
    reportId = d.reports[0].id;
    expect(d.reports[0].recipients.map((r: { departmentId: string }) => r.departmentId).sort()).toEqual([w.govA.id, w.indA.id].sort());
    const inbox = (await get('/api/notifications?pageSize=50', w.h.govA)).json().items.map((n: { title: string }) => n.title);
    expect(inbox.some((x: string) => x.startsWith('重大风险报告'))).toBe(true);
    expect((await get('/api/notifications?pageSize=50', w.h.govB)).json().items).toHaveLength(0);
  });

  it('scope: another enterprise and another county get 404; the supervising units see it', async () => {
    expect((await get(`/api/risk-points/${redId}`, w.h.entB)).statusCode).toBe(404);
    expect((await get(`/api/risk-points/${redId}`, w.h.govB)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/risk-points/${redId}`, headers: w.h.entB, payload: { version: 1, name: '改名' } })).statusCode,
    ).toBe(404);
    expect((await post(`/api/risk-points/${redId}/review`, w.h.entB, { comment: '评审', nextReviewDue: '2027-06-01' })).statusCode).toBe(404);
    expect((await get(`/api/risk-reports/${reportId}`, w.h.govB)).statusCode).toBe(404);
    const asGov = await get(`/api/risk-points/${redId}`, w.h.govA);
    expect(asGov.statusCode).toBe(200);
    expect(asGov.json().abilities).toEqual({ edit: false, review: false });
    expect((await get(`/api/risk-points/${redId}`, w.h.indA)).statusCode).toBe(200);
    expect((await get('/api/risk-points', w.h.govB)).json().total).toBe(0);
    expect((await get('/api/risk-points/summary', w.h.govB)).json().counts.total).toBe(0);
    expect((await get(`/api/risk-points/summary?enterpriseId=${w.entA.id}`, w.h.govB)).statusCode).toBe(404);
  });

  it('read receipt: an addressee opens the report once; the enterprise sees who read it and when; others cannot', async () => {
    expect((await post(`/api/risk-reports/${reportId}/read`, w.h.govB, {})).statusCode).toBe(404);
    expect((await post(`/api/risk-reports/${reportId}/read`, w.h.city, {})).statusCode).toBe(403);
    expect((await post(`/api/risk-reports/${reportId}/read`, w.h.entA, {})).statusCode).toBe(403);
    const list = (await get('/api/risk-reports?unread=true', w.h.govA)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(reportId);
    expect(list.items[0].abilities.markRead).toBe(true);
    const read = await post(`/api/risk-reports/${reportId}/read`, w.h.govA, {});
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities.markRead).toBe(false);
    t.clock.advanceMinutes(30);
    await post(`/api/risk-reports/${reportId}/read`, w.h.govA, {});
    const seen = (await get(`/api/risk-reports/${reportId}`, w.h.entA)).json().data;
    const gov = seen.recipients.find((r: { departmentId: string }) => r.departmentId === w.govA.id);
    expect(gov).toMatchObject({ readAt: '2026-12-01T01:00:00.000Z', readByName: w.users.govA.displayName });
    expect(seen.recipients.find((r: { departmentId: string }) => r.departmentId === w.indA.id).readAt).toBeNull();
    expect((await get('/api/risk-reports?unread=true', w.h.govA)).json().total).toBe(0);
    const entInbox = (await get('/api/notifications?pageSize=50', w.h.entA)).json().items.map((n: { title: string }) => n.title);
    expect(entInbox.some((x: string) => x.startsWith('重大风险报告已阅'))).toBe(true);
  });

  it('edit with the version: a stale version is 409; re-assessment to 一般 changes level and colour', async () => {
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/risk-points/${redId}`, headers: w.h.entA, payload: { version: 9, name: '改名' } });
    expect(stale.statusCode).toBe(409);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/risk-points/${redId}`,
      headers: w.h.entA,
      payload: { version: 1, assessment: { method: 'ls', L: 3, S: 4 }, controlLevel: 'workshop' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data).toMatchObject({ method: 'ls', inputs: { L: 3, S: 4 }, score: 12, level: 3, color: 'yellow', controlLevel: 'workshop', version: 2 });
    expect(ok.json().data.reports).toHaveLength(1);
  });

  it('review: a past next date is refused; a review that re-assesses to 重大 reports again', async () => {
    expect(fields(await post(`/api/risk-points/${redId}/review`, w.h.entA, { comment: '年度评审', nextReviewDue: '2026-12-01' }))).toEqual(['nextReviewDue']);
    const res = await post(`/api/risk-points/${redId}/review`, w.h.entA, {
      comment: '工艺变更后重新评价',
      nextReviewDue: '2027-06-01',
      assessment: { method: 'lec', L: 6, E: 6, C: 15 },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    expect(d).toMatchObject({ reviewDue: '2027-06-01', level: 1, score: 540 });
    expect(d.reviews[0]).toMatchObject({ fromLevel: 3, toLevel: 1, comment: '工艺变更后重新评价' });
    expect(d.reports).toHaveLength(2);
  });

  it('the review sweep reminds before the due date and flags it overdue once (fake clock)', async () => {
    const res = await post('/api/risk-points', w.h.entA, point({ name: '配电室', assessment: { method: 'ls', L: 2, S: 3 }, reviewDue: '2026-12-05' }));
    const id = res.json().data.id;
    expect(res.json().data).toMatchObject({ level: 4, color: 'blue', reports: [] });
    expect(await sweepRiskReviews(t.deps)).toMatchObject({ reminded: 1, overdue: 0 });
    expect(await sweepRiskReviews(t.deps)).toMatchObject({ reminded: 0, overdue: 0 });
    await at('2026-12-07T09:00:00+08:00');
    expect(await sweepRiskReviews(t.deps)).toMatchObject({ reminded: 0, overdue: 1 });
    expect(await sweepRiskReviews(t.deps)).toMatchObject({ reminded: 0, overdue: 0 });
    const overdue = (await get('/api/risk-points?reviewOverdue=true', w.h.entA)).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect(overdue.items[0].reviewOverdue).toBe(true);
    const titles = (await get('/api/notifications?pageSize=50', w.h.entA)).json().items.map((n: { title: string }) => n.title);
    expect(titles).toEqual(expect.arrayContaining(['风险点即将到期评审：配电室', '风险点评审逾期：配电室']));
    // A review clears the flag and the next due date is reminded afresh.
    await post(`/api/risk-points/${id}/review`, w.h.entA, { comment: '已评审', nextReviewDue: '2027-12-01' });
    expect((await get('/api/risk-points?reviewOverdue=true', w.h.entA)).json().total).toBe(0);
  });

  it('list filters, four-colour summary, regulator roll-up and export', async () => {
    await post('/api/risk-points', w.h.entA, point({ name: '装卸作业', kind: 'activity', assessment: { method: 'lec', L: 3, E: 6, C: 15 } }));
    await post('/api/risk-points', w.h.entB, point({ name: '乙企业罐区', assessment: { method: 'ls', L: 3, S: 3 } }));
    expect((await get('/api/risk-points?color=orange', w.h.entA)).json().items.map((x: { name: string }) => x.name)).toEqual(['装卸作业']);
    expect((await get('/api/risk-points?level=1', w.h.govA)).json().total).toBe(1);
    expect((await get('/api/risk-points?controlLevel=company&q=配电', w.h.entA)).json().total).toBe(1);
    expect((await get('/api/risk-points?sort=score:desc', w.h.entA)).json().items[0].score).toBe(540);
    expect((await get('/api/risk-points?level=9', w.h.entA)).statusCode).toBe(400);

    const sum = (await get('/api/risk-points/summary', w.h.entA)).json();
    expect(sum.counts).toMatchObject({ total: 3, red: 1, orange: 1, yellow: 0, blue: 1 });
    expect(sum.byColour.red.map((x: { name: string }) => x.name)).toEqual(['液氯储罐区']);
    expect(sum.abilities.create).toBe(true);

    const roll = (await get('/api/risk-points/rollup', w.h.city)).json();
    expect(roll.totals).toMatchObject({ total: 4, red: 1, orange: 1, yellow: 1, blue: 1 });
    const a = roll.byRegion.find((x: { regionCode: string }) => x.regionCode === w.r.countyA.code);
    const b = roll.byRegion.find((x: { regionCode: string }) => x.regionCode === w.r.countyB.code);
    expect(a).toMatchObject({ total: 3, red: 1, orange: 1, blue: 1, enterprises: 1 });
    expect(b).toMatchObject({ total: 1, yellow: 1 });
    expect(roll.byIndustry).toEqual([expect.objectContaining({ industry: 'hazchem', total: 4 })]);
    // Drill-down: the list with the row's filters gives the same count.
    expect((await get(`/api/risk-points?regionCode=${w.r.countyA.code}&color=red`, w.h.city)).json().total).toBe(1);
    expect((await get('/api/risk-points?industry=hazchem', w.h.city)).json().total).toBe(4);
    // A county sees its towns.
    const rollA = (await get('/api/risk-points/rollup', w.h.govA)).json();
    expect(rollA.byRegion.map((x: { regionCode: string }) => x.regionCode)).toEqual([w.r.townA.code]);

    expect((await t.app.inject({ url: '/api/risk-points/export?format=xlsx' })).statusCode).toBe(401);
    const x = await get('/api/risk-points/export?format=xlsx&color=red', w.h.city);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('major hazard installations (GB 18218-2018)', () => {
  let id: string;
  const body = {
    name: '罐区储存单元',
    unitKind: 'storage',
    location: '东侧罐区',
    exposedPopulation: 60,
    substances: [
      { name: '液氯', quantityTonnes: 8 },
      { cas: '7664-41-7', quantityTonnes: 30 },
      { name: '乙醇', quantityTonnes: 300 },
    ],
    persons: {
      principal: { name: '高建平', phone: '13903561001' },
      technical: { name: '李国华', phone: '13903561002' },
      operational: { name: '王建军', phone: '13903561003' },
    },
  };

  it('401, 400 naming fields and unknown substances, 403 for regulators', async () => {
    expect((await t.app.inject({ url: '/api/major-hazard-sources' })).statusCode).toBe(401);
    const bad = await post('/api/major-hazard-sources', w.h.entA, { name: '单元', unitKind: 'tank', substances: [] });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['unitKind', 'exposedPopulation', 'substances', 'persons']));
    const phone = await post('/api/major-hazard-sources', w.h.entA, { ...body, persons: { ...body.persons, technical: { name: '李', phone: '123' } } });
    expect(fields(phone)).toEqual(['persons.technical.phone']);
    const unknown = await post('/api/major-hazard-sources', w.h.entA, { ...body, substances: [{ name: '神秘物质', quantityTonnes: 3 }] });
    expect(fields(unknown)).toEqual(['substances.0']);
    expect((await post('/api/major-hazard-sources', w.h.govA, body)).statusCode).toBe(403);
  });

  it('records the unit with S, R, grade, terms and 包保 persons', async () => {
    const res = await post('/api/major-hazard-sources', w.h.entA, body);
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    id = d.id;
    expect(d).toMatchObject({ code: 'ZDWXY-001', S: 5.2, isMajor: true, alpha: 1.5, R: 19.5, grade: 3 });
    expect(d.terms.map((x: { beta: number }) => x.beta)).toEqual([4, 2, 1]);
    expect(d.persons.operational).toEqual({ name: '王建军', phone: '13903561003' });
    expect(d.source).toContain('GB 18218-2018');
  });

  it('scope 404, edit recomputes, stale version 409, list filters and export', async () => {
    expect((await get(`/api/major-hazard-sources/${id}`, w.h.entB)).statusCode).toBe(404);
    expect((await get(`/api/major-hazard-sources/${id}`, w.h.govB)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/major-hazard-sources/${id}`, headers: w.h.entB, payload: { version: 1 } })).statusCode).toBe(404);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/major-hazard-sources/${id}`,
      headers: w.h.entA,
      payload: {
        version: 1,
        exposedPopulation: 50,
        substances: [
          { name: '氯', quantityTonnes: 5 },
          { name: '氨', quantityTonnes: 5 },
        ],
      },
    });
    expect(edit.json().data).toMatchObject({ S: 1.5, R: 7.5, grade: 4, version: 2 });
    expect((await t.app.inject({ method: 'PATCH', url: `/api/major-hazard-sources/${id}`, headers: w.h.entA, payload: { version: 1 } })).statusCode).toBe(409);
    expect((await get('/api/major-hazard-sources?grade=4', w.h.govA)).json().total).toBe(1);
    expect((await get('/api/major-hazard-sources?grade=3', w.h.govA)).json().total).toBe(0);
    expect((await get('/api/major-hazard-sources', w.h.govB)).json().total).toBe(0);
    const sum = (await get('/api/risk-points/summary', w.h.entA)).json();
    expect(sum.majorHazards).toMatchObject({ major: 1, g4: 1 });
    const x = await get('/api/major-hazard-sources/export?format=xlsx', w.h.govA);
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('band configuration', () => {
  it('read by anyone with risk.read; set by risk.configure at the city only; bad limits name the field; new assessments use it', async () => {
    expect((await t.app.inject({ url: '/api/risk-bands' })).statusCode).toBe(401);
    // The bands are one platform-wide setting: on the shared PostgreSQL an earlier run may have left one.
    const clear = () => t.database.db.delete(setting).where(eq(setting.key, RISK_BANDS_KEY));
    await clear();
    const cur = (await get('/api/risk-bands', w.h.entA)).json();
    expect(cur).toMatchObject({ bands: { lec: { red: 320, orange: 160, yellow: 70 }, ls: { red: 20, orange: 15, yellow: 9 } }, configured: false });
    expect(cur.abilities.configure).toBe(false);
    const next = { lec: { red: 240, orange: 160, yellow: 70 }, ls: { red: 16, orange: 12, yellow: 6 } };
    expect((await t.app.inject({ method: 'PUT', url: '/api/risk-bands', headers: w.h.entA, payload: next })).statusCode).toBe(403);
    // A county bureau holds risk.configure too, but the bands bind the whole city: only the city sets them.
    expect((await get('/api/risk-bands', w.h.govA)).json().abilities.configure).toBe(false);
    expect((await t.app.inject({ method: 'PUT', url: '/api/risk-bands', headers: w.h.govA, payload: next })).statusCode).toBe(403);
    expect((await get('/api/risk-bands', w.h.city)).json().abilities.configure).toBe(true);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/risk-bands',
      headers: w.h.city,
      payload: { ...next, lec: { red: 100, orange: 160, yellow: 70 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['lec.red']);
    try {
      const ok = await t.app.inject({ method: 'PUT', url: '/api/risk-bands', headers: w.h.city, payload: next });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().sources.lec).toContain('本地区配置');
      expect((await post('/api/calculators/risk-lec', w.h.entA, { L: 3, E: 6, C: 15 })).json()).toMatchObject({ D: 270, level: 1, color: 'red' });
      expect((await post('/api/calculators/risk-ls', w.h.entA, { L: 4, S: 4 })).json()).toMatchObject({ R: 16, level: 1 });
    } finally {
      await clear();
    }
  });
});
