import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const govA = await makeDepartment(db, r.countyA, 'government');
  const coal1 = await makeEnterprise(db, r.townA, { industry: 'coal', standardizationGrade: 1, insuranceStatus: 'insured' });
  const coal2 = await makeEnterprise(db, r.townA, { industry: 'coal', standardizationGrade: 3, insuranceStatus: 'uninsured' });
  const school = await makeEnterprise(db, r.townA, { industry: 'education', standardizationGrade: null });
  await assign(db, coal1.id, govA.id);
  const group = await makeEnterprise(db, r.townA, { industry: 'coal', isGroup: true });
  const sub = await makeEnterprise(db, r.townA, { industry: 'coal', groupId: group.id, standardizationGrade: 2 });
  const users = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    a: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    group: await makeUser(db, 'group', ['group-manager'], { enterpriseId: group.id }),
  };
  return { r, cityGov, govA, coal1, coal2, school, group, sub, users };
}

let h: Record<'city' | 'a' | 'group', Record<string, string>>;
let planId: string;

beforeAll(async () => {
  t = await getTestServer();
  t.clock.set('2021-05-10T10:00:00+08:00');
  w = await setup(t);
  h = { city: await loginAs(t.app, w.users.city.username), a: await loginAs(t.app, w.users.a.username), group: await loginAs(t.app, w.users.group.username) };
  planId = (await t.app.inject({ url: '/api/plans', headers: h.a })).json().items.find((p: { document: string }) => p.document === '晋市政发〔2021〕1号').id;
});
afterAll(() => t.close());

const item = async (n: number, who = h.a) => {
  const o = (await t.app.inject({ url: `/api/plans/${planId}`, headers: who })).json();
  return o.items.find((i: { number: number }) => i.number === n);
};
const indicator = async (n: number, key: string, who = h.a) => (await item(n, who)).indicators.find((i: { key: string }) => i.key === key);

describe('the 2021 notice as the year’s work plan', () => {
  it('loads all 27 items with their texts and responsible units', async () => {
    const o = (await t.app.inject({ url: `/api/plans/${planId}`, headers: h.a })).json();
    expect(o.items).toHaveLength(27);
    expect(o.items[2].text).toContain('一张表');
    expect(o.items[19].indicators.map((i: { key: string }) => i.key)).toEqual(expect.arrayContaining(['standardizationCoal', 'liabilityInsurance']));
  });

  it('item 20 computes standardization and insurance from the registry, with drill-down', async () => {
    const coal = await indicator(20, 'standardizationCoal');
    // county A: coal1 (grade 1), coal2 (grade 3) and the subsidiary (grade 2) are producing coal mines
    expect(coal).toMatchObject({ value: 66.7, status: 'red', shortfallCount: 1 });
    const ins = await indicator(20, 'liabilityInsurance');
    expect(ins.shortfallCount).toBeGreaterThanOrEqual(1);
    const it20 = (await item(20)).id;
    const d = (await t.app.inject({ url: `/api/plans/${planId}/items/${it20}`, headers: h.a })).json();
    const short = d.item.indicators.find((i: { key: string }) => i.key === 'standardizationCoal').shortfalls;
    expect(short.map((s: { id: string }) => s.id)).toEqual([w.coal2.id]);
  });

  it('item 3 reflects the 一张表: enterprises without a department or named official fall short', async () => {
    const ind = await indicator(3, 'supervisionTableComplete');
    expect(ind.shortfallCount).toBe(4); // all but coal1
  });

  it('item 2 monthly meetings are real register entries, checked month by month', async () => {
    const before = await indicator(2, 'monthlySafetyMeeting');
    expect(before.value).toBe(0); // Jan–Apr have passed with no meeting recorded
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/registers',
      headers: h.a,
      payload: { kind: 'safetyMeeting', date: '2021-01-20', title: '一月安全生产专题会', detail: { chair: '' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['detail.chair', 'detail.topics']));
    for (const m of ['01', '02', '03', '04']) {
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/registers',
        headers: h.a,
        payload: { kind: 'safetyMeeting', date: `2021-${m}-15`, title: `${m}月安全生产专题会`, detail: { chair: '县长', topics: '研究煤矿安全' } },
      });
      expect(ok.statusCode).toBe(200);
    }
    const after = await indicator(2, 'monthlySafetyMeeting');
    expect(after).toMatchObject({ value: 100, status: 'green' });
    const future = await t.app.inject({
      method: 'POST',
      url: '/api/registers',
      headers: h.a,
      payload: { kind: 'safetyMeeting', date: '2021-12-15', title: '未来会议', detail: { chair: '县长', topics: '研究' } },
    });
    expect(future.statusCode).toBe(400);
  });

  it('item 4 group inspections: a subsidiary must belong to the group; missing months are listed', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/registers',
      headers: h.group,
      payload: {
        kind: 'groupInspection',
        date: '2021-01-10',
        title: '检查',
        detail: { role: 'generalManager', inspector: '总经理', subsidiaryId: w.coal1.id, findings: '无' },
      },
    });
    expect(wrong.statusCode).toBe(400);
    await t.app.inject({
      method: 'POST',
      url: '/api/registers',
      headers: h.group,
      payload: {
        kind: 'groupInspection',
        date: '2021-01-10',
        title: '一月检查',
        detail: { role: 'generalManager', inspector: '总经理', subsidiaryId: w.sub.id, findings: '发现 3 项问题' },
      },
    });
    const d = (await t.app.inject({ url: `/api/plans/${planId}/items/${(await item(4)).id}`, headers: h.a })).json();
    const g = d.item.indicators.find((i: { key: string }) => i.key === 'groupInspections').shortfalls[0];
    expect(g.detail).toContain('2021-02');
    expect(g.detail).not.toContain('2021-01、');
  });

  it('a 督办 task issued for an item counts in its taskOnTime indicator', async () => {
    const it9 = (await item(9, h.city)).id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/items/${it9}/tasks`,
      headers: h.city,
      payload: {
        title: '危化品重大危险源四个系统排查',
        content: '逐企核查四个系统投用情况',
        source: 'noticeItem',
        complexity: 'general',
        lead: { departmentId: w.govA.id },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.sourceRef).toBe('晋市政发〔2021〕1号 第9条');
    const o = await item(9, h.city);
    expect(o.taskCount).toBe(1);
    const x = await t.app.inject({ url: `/api/plans/${planId}/export`, headers: h.city });
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('entering another year’s notice', () => {
  it('via JSON: 400 names fields, duplicates are refused, and a good plan is computed like 2021', async () => {
    const admin = await loginAs(t.app, (await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: w.cityGov.id })).username);
    const bad = await t.app.inject({ method: 'POST', url: '/api/plans', headers: admin, payload: { year: 2022, items: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['issuer', 'document', 'title', 'regionCode', 'items']),
    );
    const body = {
      year: 2022,
      issuer: '晋城市人民政府',
      document: `晋市政发〔2022〕${Date.now() % 100000}号`,
      title: '关于做好2022年安全生产和应急管理工作的通知',
      regionCode: w.r.city.code,
      items: [
        {
          number: 1,
          section: '一、压实责任',
          title: '一张表',
          text: '将每一个生产经营单位的监管责任明确到相关行业部门及责任人员',
          indicators: [{ key: 'supervisionTableComplete', name: '一张表', target: '100%' }],
        },
      ],
    };
    const ok = await t.app.inject({ method: 'POST', url: '/api/plans', headers: admin, payload: body });
    expect(ok.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: '/api/plans', headers: admin, payload: body });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].field).toBe('document');
    const o = (await t.app.inject({ url: `/api/plans/${ok.json().id}`, headers: admin })).json();
    expect(o.items[0].indicators[0].key).toBe('supervisionTableComplete');
  });

  it('via the Excel template: a bad row is reported and nothing is stored', async () => {
    const admin = await loginAs(t.app, (await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: w.cityGov.id })).username);
    const tpl = await t.app.inject({ url: '/api/plans/import-template', headers: admin });
    expect(tpl.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const head = wb.getWorksheet('文件');
    if (!head) throw new Error('template has no 文件 sheet');
    const document = `晋市政发〔2023〕${Date.now() % 100000}号`;
    head.getRow(3).getCell(2).value = document;
    head.getRow(5).getCell(2).value = w.r.city.code;
    wb.getWorksheet('任务')?.addRow([2, '二、', '', '', '', 'noSuchIndicator', 'x', 'y']);
    const upload = async (buf: Buffer) => {
      const b = '----plan';
      const payload = Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        buf,
        Buffer.from(`\r\n--${b}--\r\n`),
      ]);
      return t.app.inject({ method: 'POST', url: '/api/plans/import', headers: { ...admin, 'content-type': `multipart/form-data; boundary=${b}` }, payload });
    };
    const rejected = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rejected.statusCode).toBe(400);
    const rows = rejected.json().error.extra.rows as { row: number; field: string }[];
    expect(rows.every((r) => r.row === 3)).toBe(true);
    const plans = (await t.app.inject({ url: '/api/plans', headers: admin })).json().items.map((p: { document: string }) => p.document);
    expect(plans).not.toContain(document);
    wb.getWorksheet('任务')?.spliceRows(3, 1);
    head.getRow(1).getCell(2).value = 2023;
    const accepted = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
});

describe('register-based indicators', () => {
  const rec = (who: Record<string, string>, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/registers', headers: who, payload });

  it('item 1 lectures, items 12 and 14 training and equipment per officer, item 18 mining faces', async () => {
    const lecture = await indicator(1, 'leaderLecture');
    expect(lecture.shortfallCount).toBeGreaterThanOrEqual(1);
    await rec(h.a, { kind: 'leaderLecture', date: '2021-04-01', title: '县长讲安全课', detail: { lecturer: '县长', audience: 120 } });
    const afterLecture = await indicator(1, 'leaderLecture');
    expect(afterLecture.shortfallCount).toBe(lecture.shortfallCount - 1);

    await rec(h.a, { kind: 'enforcementEquipment', date: '2021-04-01', title: '装备盘点', detail: { officers: 2, equipmentSets: 1 } });
    expect(await indicator(14, 'equipmentPerOfficer')).toMatchObject({ value: 50, status: 'red' });
    await rec(h.a, { kind: 'officerTraining', date: '2021-03-01', title: '轮训', detail: { officer: '张三', days: 10, course: '执法规范' } });
    await rec(h.a, { kind: 'officerTraining', date: '2021-04-01', title: '轮训', detail: { officer: '张三', days: 4, course: '执法规范' } });
    // 10 + 4 days = two weeks for 张三; the second officer is untrained
    expect(await indicator(12, 'officerTraining')).toMatchObject({ value: 50 });

    const face = await rec(h.a, {
      kind: 'miningFace',
      date: '2021-04-02',
      title: '智能化工作面',
      enterpriseId: w.coal1.id,
      detail: { face: '15301', kind: 'coalFace' },
    });
    expect(face.statusCode).toBe(200);
    expect(
      (await rec(h.a, { kind: 'miningFace', date: '2021-04-02', title: '学校', enterpriseId: w.school.id, detail: { face: 'x', kind: 'coalFace' } }))
        .statusCode,
    ).toBe(400);
    expect(await indicator(18, 'intelligentMiningFaces')).toMatchObject({ value: 1, targetValue: 151, status: 'red' });
  });

  it('item 9 flags a major-hazard chemical enterprise lacking one of the four systems', async () => {
    const chem = await makeEnterprise(t.database.db, w.r.townA, { industry: 'hazchem' });
    const before = await indicator(9, 'hazchemFourSystems');
    expect(before.shortfallCount).toBeGreaterThanOrEqual(1); // not yet reported
    await rec(h.a, {
      kind: 'hazchemSystems',
      date: '2021-04-03',
      title: '四个系统核查',
      enterpriseId: chem.id,
      detail: { majorHazard: true, automaticControl: true, safetyInstrumented: false, emergencyShutdown: true, gasLeakDetection: true },
    });
    const it9 = (await item(9)).id;
    const d = (await t.app.inject({ url: `/api/plans/${planId}/items/${it9}`, headers: h.a })).json();
    const row = d.item.indicators.find((i: { key: string }) => i.key === 'hazchemFourSystems').shortfalls.find((s: { id: string }) => s.id === chem.id);
    expect(row.detail).toContain('安全仪表');
  });

  it('item 27 counts fatal-accident actions still open', async () => {
    const ind = await indicator(27, 'fatalAccidentActions');
    expect(ind.status).toBe('grey'); // no fatal accident in this county this year
  });
});
