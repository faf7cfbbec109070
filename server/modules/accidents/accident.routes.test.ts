import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../../test/harness.js';
import { sweepAccidentChain } from './index.js';

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const countyGov = await makeDepartment(db, r.countyA, 'government');
  const otherGov = await makeDepartment(db, r.countyB, 'government');
  const ent = await makeEnterprise(db, r.townA, { industry: 'coal', standardizationGrade: 2 });
  const entUser = await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: ent.id });
  const county = await makeUser(db, 'government', ['regulator-admin'], { departmentId: countyGov.id });
  const city = await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id });
  const other = await makeUser(db, 'government', ['regulator-admin'], { departmentId: otherGov.id });
  const names = { entH: entUser.username, countyH: county.username, cityH: city.username, otherH: other.username };
  const world = { r, ent, countyGov, cityGov, names, entH: {}, countyH: {}, cityH: {}, otherH: {} } as {
    r: typeof r;
    ent: typeof ent;
    countyGov: typeof countyGov;
    cityGov: typeof cityGov;
    names: typeof names;
  } & Record<keyof typeof names, Record<string, string>>;
  for (const [k, u] of Object.entries(names)) world[k as keyof typeof names] = await loginAs(s.app, u);
  return world;
}

const at = (time: string) => setClockAndSignIn(t, time, w.names, w);

beforeAll(async () => {
  t = await getTestServer();
  t.clock.set('2021-03-05T12:00:00+08:00');
  w = await setup(t);
});
afterAll(() => t.close());

function kuaibao(enterpriseId: string, over: Record<string, unknown> = {}) {
  return {
    enterpriseId,
    accidentType: '11',
    title: '冒顶事故',
    occurredAt: '2021-03-05T10:00:00+08:00',
    place: '3号井 15301 工作面',
    unitOverview: '年产 90 万吨的生产矿井',
    scene: '工作面回风巷距切眼 30 米处',
    narrative: '顶板冒落，1 名作业人员被埋',
    deaths: 1,
    missing: 0,
    seriousInjuries: 0,
    directLossYuan: 1_500_000,
    measures: '已撤出人员，启动应急预案',
    ...over,
  };
}

describe('快报', () => {
  it('401, 403 and 400 naming each missing Art. 12 item; nothing stored', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/accidents', payload: {} })).statusCode).toBe(401);
    const auditor = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['audit-admin'])).username);
    expect((await t.app.inject({ method: 'POST', url: '/api/accidents', headers: auditor, payload: {} })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: '/api/accidents', headers: w.entH, payload: { enterpriseId: w.ent.id, title: '缺项' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'unitOverview',
        'scene',
        'narrative',
        'deaths',
        'missing',
        'seriousInjuries',
        'directLossYuan',
        'measures',
        'occurredAt',
        'place',
      ]),
    );
    const list = await t.app.inject({ url: '/api/accidents', headers: w.countyH });
    expect(list.json().total).toBe(0);
  });

  it('an enterprise cannot report for another enterprise (field error, not a leak)', async () => {
    const other = await makeEnterprise(t.database.db, w.r.townB);
    const res = await t.app.inject({ method: 'POST', url: '/api/accidents', headers: w.entH, payload: kuaibao(other.id) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('enterpriseId');
  });
});

describe('the golden path: 1 death → county receives and escalates → 续报 to 3 deaths → 较大, chain to the province', () => {
  let id: string;
  it('grades the 快报 and lays out the chain with deadlines', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/accidents', headers: w.entH, payload: kuaibao(w.ent.id) });
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    id = d.id;
    expect(d).toMatchObject({ grade: 4, decidedBy: 'deaths', status: 'reported' });
    const chain = Object.fromEntries(d.chain.map((c: { recipient: string }) => [c.recipient, c]));
    expect(Object.keys(chain).sort()).toEqual(['city', 'county', 'labour', 'police', 'procuratorate', 'tradeUnion']);
    expect(chain.county.due).toBe('2021-03-05T03:00:00.000Z'); // 1 h after 10:00 +08:00
    expect(chain.city.due).toBe('2021-03-05T05:00:00.000Z'); // + 2 h
    expect(chain.county.reportedAt).not.toBeNull();
    expect(d.actions.map((a: { key: string }) => a.key).sort()).toEqual(['criminalReferral', 'licenceAction', 'revokeStandardization', 'suspendEnterprise']);
  });

  it('out of scope is 404 for another county', async () => {
    expect((await t.app.inject({ url: `/api/accidents/${id}`, headers: w.otherH })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/chain/county/confirm`, headers: w.otherH })).statusCode).toBe(404);
  });

  it('the county confirms receipt and escalates to the city; the city confirms', async () => {
    const c = await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/chain/county/confirm`, headers: w.countyH });
    expect(c.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/chain/county/confirm`, headers: w.countyH })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/chain/city/confirm`, headers: w.countyH })).statusCode).toBe(403);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/chain/city/report`,
      headers: w.countyH,
      payload: { comment: '电话报告市应急局值班室' },
    });
    expect(up.statusCode).toBe(200);
    const done = await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/chain/city/confirm`, headers: w.cityH });
    const city = done.json().data.chain.find((c: { recipient: string }) => c.recipient === 'city');
    expect(city).toMatchObject({ late: false });
    expect(city.confirmedAt).not.toBeNull();
  });

  it('续报 raises deaths to 3: regraded 较大, province added, the fatal actions are not created twice', async () => {
    const before = (await t.app.inject({ url: `/api/accidents/${id}`, headers: w.countyH })).json().data;
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/supplement`,
      headers: w.countyH,
      payload: { version: before.version + 5, deaths: 3, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLossYuan: 1_500_000, note: '过期版本' },
    });
    expect(stale.statusCode).toBe(409);
    await at('2021-03-06T09:00:00+08:00');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/supplement`,
      headers: w.countyH,
      payload: {
        version: before.version,
        deaths: 3,
        missing: 0,
        seriousInjuries: 1,
        minorInjuries: 2,
        directLossYuan: 4_200_000,
        note: '两名被困人员经抢救无效死亡',
      },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    expect(d).toMatchObject({ grade: 3, deaths: 3 });
    expect(d.chain.map((c: { recipient: string }) => c.recipient)).toContain('province');
    expect(d.revisions.map((r: { deaths: number; grade: number }) => [r.deaths, r.grade])).toEqual([
      [1, 4],
      [3, 3],
    ]);
    expect(d.actions).toHaveLength(4);
    // The province link was due 2 h after the city's: the new report is already late and says so.
    expect(d.chain.find((c: { recipient: string }) => c.recipient === 'province').late).toBe(true);
  });

  it('the city reports to the province, a body outside Taihang: the report is its own receipt', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/chain/province/report`,
      headers: w.cityH,
      payload: { comment: '已报省应急管理厅' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.chain.find((c: { recipient: string }) => c.recipient === 'province')).toMatchObject({
      skipped: false,
      confirmedBy: expect.stringContaining('代为记录'),
    });
  });

  it('越级上报 is allowed only with a recorded reason', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/accidents', headers: w.entH, payload: kuaibao(w.ent.id, { title: '越级测试', deaths: 3 }) });
    const aid = res.json().data.id;
    const noReason = await t.app.inject({ method: 'POST', url: `/api/accidents/${aid}/chain/province/report`, headers: w.countyH, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('skipReason');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${aid}/chain/province/report`,
      headers: w.countyH,
      payload: { skipReason: '情况紧急，直报省厅' },
    });
    expect(ok.json().data.chain.find((c: { recipient: string }) => c.recipient === 'province')).toMatchObject({
      skipped: true,
      skipReason: '情况紧急，直报省厅',
    });
  });

  it('a fatal-accident action is its owner’s: an industry department in scope gets 403, another county 404; nothing changes', async () => {
    const coal = await makeDepartment(t.database.db, w.r.countyA, 'industry', ['coal']);
    const coalUser = await makeUser(t.database.db, 'industry', ['regulator-admin'], { departmentId: coal.id });
    const coalH = await loginAs(t.app, coalUser.username);
    const seen = await t.app.inject({ url: `/api/accidents/${id}`, headers: coalH });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().data.actions.every((a: { canClose: boolean }) => !a.canClose)).toBe(true);
    const close = (h: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `/api/accidents/${id}/actions/suspendEnterprise/complete`, headers: h, payload: { comment: '越权' } });
    expect((await close(coalH)).statusCode).toBe(403);
    expect((await close(w.otherH)).statusCode).toBe(404);
    const after = (await t.app.inject({ url: `/api/accidents/${id}`, headers: w.countyH })).json().data;
    expect(after.actions.find((a: { key: string }) => a.key === 'suspendEnterprise')).toMatchObject({ status: 'open', canClose: true });
    expect((await t.app.inject({ url: `/api/enterprises/${w.ent.id}`, headers: w.countyH })).json().data.status).toBe('operating');
  });

  it('completing 停产整顿 and 取消标准化等级 changes the enterprise; another action is set aside with a reason', async () => {
    const susp = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/actions/suspendEnterprise/complete`,
      headers: w.countyH,
      payload: { comment: '已下达责令停产整顿指令书' },
    });
    expect(susp.statusCode).toBe(200);
    const rev = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/actions/revokeStandardization/complete`,
      headers: w.countyH,
      payload: { comment: '已通知取消' },
    });
    expect(rev.statusCode).toBe(200);
    const e = (await t.app.inject({ url: `/api/enterprises/${w.ent.id}`, headers: w.countyH })).json().data;
    expect(e).toMatchObject({ status: 'suspended', standardizationGrade: null });
    expect(e.transitions.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(['suspend', 'revokeStandardization']));
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/actions/licenceAction/set-aside`, headers: w.countyH, payload: {} })).statusCode,
    ).toBe(400);
    const aside = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/actions/licenceAction/set-aside`,
      headers: w.countyH,
      payload: { comment: '许可证已由省厅另案处理' },
    });
    expect(aside.json().data.actions.find((a: { key: string }) => a.key === 'licenceAction')).toMatchObject({
      status: 'setAside',
      comment: '许可证已由省厅另案处理',
    });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/actions/licenceAction/complete`, headers: w.countyH, payload: { comment: 'again' } }))
        .statusCode,
    ).toBe(409);
  });

  it('investigation: team, one extension only, appraisal days excluded, report, 批复, publish', async () => {
    const h = w.cityH;
    const early = await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/reply`, headers: h, payload: { documentNumber: 'x1' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态「已报告」下不能执行「批复结案」');
    const st = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/start-investigation`,
      headers: h,
      payload: { leader: '李局长', members: ['王工', '赵工'] },
    });
    expect(st.json().data.investigation).toMatchObject({ level: 'city', due: '2021-05-04T15:59:59.999Z' });
    const ext = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/extend-investigation`,
      headers: h,
      payload: { days: 30, reason: '需补充取证' },
    });
    expect(ext.json().data.investigation.due).toBe('2021-06-03T15:59:59.999Z');
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/extend-investigation`, headers: h, payload: { days: 10, reason: '再延' } })).statusCode,
    ).toBe(409);
    const ap = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/record-appraisal`,
      headers: h,
      payload: { days: 10, comment: '支护材料技术鉴定' },
    });
    expect(ap.json().data.investigation.due).toBe('2021-06-13T15:59:59.999Z');
    const rep = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/submit-report`,
      headers: h,
      payload: {
        causes: '顶板管理不到位',
        nature: 'liability',
        measures: '加强顶板管理',
        accountability: [{ subject: '矿长', subjectKind: 'person', finding: '安全管理职责落实不到位', proposal: '建议撤职' }],
      },
    });
    expect(rep.json().data.status).toBe('reportSubmitted');
    expect(rep.json().data.accountability).toHaveLength(1);
    const reply = await t.app.inject({ method: 'POST', url: `/api/accidents/${id}/reply`, headers: h, payload: { documentNumber: '晋市政函〔2021〕88号' } });
    expect(reply.json().data.status).toBe('closed');
    const pub = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${id}/publish`,
      headers: h,
      payload: { publicSummary: '经调查认定为生产安全责任事故，对相关责任人作出处理。' },
    });
    expect(pub.statusCode).toBe(200);
    const open = await t.app.inject({ url: '/api/public/accidents' });
    expect(open.json().items.map((a: { id: string }) => a.id)).toContain(id);
  });
});

describe('deadlines, windows and statistics', () => {
  it('the overdue sweep flags an unconfirmed link once and tells the county and city', async () => {
    await at('2021-04-01T08:00:00+08:00');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/accidents',
      headers: w.entH,
      payload: kuaibao(w.ent.id, { title: '运输事故', occurredAt: '2021-04-01T07:30:00+08:00', deaths: 0, accidentType: '02' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().data.id;
    await at('2021-04-01T09:00:00+08:00');
    expect(await sweepAccidentChain(t.deps)).toBeGreaterThanOrEqual(1);
    await at('2021-04-01T09:05:00+08:00');
    const again = await sweepAccidentChain(t.deps);
    const d = (await t.app.inject({ url: `/api/accidents/${id}`, headers: w.countyH })).json().data;
    expect(d.chain.find((c: { recipient: string }) => c.recipient === 'county').late).toBe(true);
    expect(d.actions).toEqual([]);
    const inbox = (await t.app.inject({ url: '/api/notifications?pageSize=50', headers: w.countyH })).json().items.map((n: { title: string }) => n.title);
    expect(inbox).toContain('事故报告逾期：运输事故');
    expect(again).toBeLessThan(10);
  });

  it('续报 after the 30-day window is refused with 409', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/accidents',
      headers: w.entH,
      payload: kuaibao(w.ent.id, { title: '窗口测试', occurredAt: '2021-04-01T08:30:00+08:00', deaths: 0 }),
    });
    const d = res.json().data;
    await at('2021-05-02T09:00:00+08:00');
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/accidents/${d.id}/supplement`,
      headers: w.countyH,
      payload: { version: d.version, deaths: 1, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLossYuan: 0, note: '迟报' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'SUPPLEMENT_WINDOW_CLOSED', message: expect.stringContaining('2021-05-01') });
  });

  it('statistics by grade with the year-earlier period, and the item-26 selection', async () => {
    const stats = (await t.app.inject({ url: '/api/accidents/stats?groupBy=grade&from=2021-01-01&to=2021-12-31', headers: w.cityH })).json();
    expect(stats.total.current.accidents).toBe(4);
    expect(stats.total.current.deaths).toBe(6);
    expect(stats.rows.find((r: { key: string }) => r.key === '3').current.accidents).toBe(2);
    const sel = (await t.app.inject({ url: '/api/accidents/special-inspection?from=2021-01-01&to=2021-12-31', headers: w.cityH })).json();
    expect(sel.counties.map((c: { regionCode: string }) => c.regionCode)).toEqual([w.r.countyA.code]);
    expect((await t.app.inject({ url: '/api/accidents/stats?groupBy=bogus&from=2021-01-01&to=2021-12-31', headers: w.cityH })).statusCode).toBe(400);
    const x = await t.app.inject({ url: '/api/accidents/stats/export?groupBy=county&from=2021-01-01&to=2021-12-31', headers: w.cityH });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const list = await t.app.inject({ url: '/api/accidents/export?from=2021-01-01&to=2021-12-31', headers: w.otherH });
    expect(list.statusCode).toBe(200); // another county's export is empty, never theirs
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(list.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(1);
  });

  it('the grade calculator names the deciding criterion and its source', async () => {
    const r = (
      await t.app.inject({
        method: 'POST',
        url: '/api/calculators/accident-grade',
        headers: w.cityH,
        payload: { deaths: 2, seriousInjuries: 12, directLossYuan: 0 },
      })
    ).json();
    expect(r).toMatchObject({ grade: 3, decidedBy: 'seriousInjuries', source: expect.stringContaining('第493号') });
  });
});
