import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, loginAs, makeCity, makeDepartment, makeEnterprise, makeUser, randomUscc } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
let world: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const govA = await makeDepartment(db, r.countyA, 'government');
  const govB = await makeDepartment(db, r.countyB, 'government');
  const coalA = await makeDepartment(db, r.countyA, 'industry', ['coal']);
  const entA = await makeEnterprise(db, r.townA, { industry: 'coal' });
  const entA2 = await makeEnterprise(db, r.townA, { industry: 'construction' });
  const entB = await makeEnterprise(db, r.townB);
  await assign(db, entA.id, coalA.id);
  await assign(db, entA2.id, govA.id, null);
  const userA = await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id });
  const userB = await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id });
  const coalUser = await makeUser(db, 'industry', ['regulator'], { departmentId: coalA.id });
  const entUser = await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: entA.id });
  return {
    r,
    govA,
    coalA,
    entA,
    entA2,
    entB,
    a: await loginAs(s.app, userA.username),
    b: await loginAs(s.app, userB.username),
    coal: await loginAs(s.app, coalUser.username),
    ent: await loginAs(s.app, entUser.username),
  };
}

function validBody(regionCode: string) {
  return {
    uscc: randomUscc(),
    name: '新建测试煤业有限公司',
    regionCode,
    address: '测试镇1号',
    lng: 112.9,
    lat: 35.6,
    industry: 'coal',
    supervisionClass: 'B',
    legalRepresentative: '王五',
    principal: '王五',
    phone: '13903560000',
    employees: 120,
    standardizationGrade: 2,
    insuranceStatus: 'insured',
    licences: [
      { kind: '安全生产许可证', number: '（晋）MK安许证字〔2021〕0001', issuedBy: '山西省应急管理厅', validFrom: '2021-01-01', validTo: '2024-01-01' },
    ],
  };
}

beforeAll(async () => {
  t = await getTestServer();
  world = await setup(t);
});
afterAll(() => t.close());

describe('GET /api/enterprises', () => {
  it('401 without a session, in the requested language', async () => {
    const res = await t.app.inject({ url: '/api/enterprises', headers: { 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Please sign in' });
  });

  it('403 for a role without the permission', async () => {
    const admin = await makeUser(t.database.db, 'platform', ['audit-admin']);
    const res = await t.app.inject({ url: '/api/enterprises', headers: await loginAs(t.app, admin.username) });
    expect(res.statusCode).toBe(403);
  });

  it('400 names the bad filter', async () => {
    const res = await t.app.inject({ url: '/api/enterprises?pageSize=9999&sort=bogus', headers: world.a });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['pageSize', 'sort']));
  });

  it('a county sees only its county; counts agree', async () => {
    const res = await t.app.inject({ url: `/api/enterprises?regionCode=${world.r.city.code}`, headers: world.a });
    const ids = res
      .json()
      .items.map((e: { id: string }) => e.id)
      .sort();
    expect(ids).toEqual([world.entA.id, world.entA2.id].sort());
    expect(res.json().total).toBe(2);
  });

  it('an industry department sees its industry in its region; an enterprise sees itself', async () => {
    const coal = await t.app.inject({ url: `/api/enterprises?regionCode=${world.r.city.code}`, headers: world.coal });
    expect(coal.json().items.map((e: { id: string }) => e.id)).toEqual([world.entA.id]);
    const ent = await t.app.inject({ url: '/api/enterprises', headers: world.ent });
    expect(ent.json().items.map((e: { id: string }) => e.id)).toEqual([world.entA.id]);
  });

  it('filters, searches and sorts', async () => {
    const res = await t.app.inject({ url: `/api/enterprises?industry=construction&regionCode=${world.r.townA.code}`, headers: world.a });
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([world.entA2.id]);
    const q = await t.app.inject({ url: `/api/enterprises?q=${encodeURIComponent(world.entA.uscc)}`, headers: world.a });
    expect(q.json().total).toBe(1);
    const sorted = await t.app.inject({ url: '/api/enterprises?sort=name:desc', headers: world.a });
    const names = sorted.json().items.map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort().reverse());
  });
});

describe('GET /api/enterprises/:id', () => {
  it('404 out of scope, 404 unknown, 400 malformed id', async () => {
    expect((await t.app.inject({ url: `/api/enterprises/${world.entB.id}`, headers: world.a })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/enterprises/00000000-0000-4000-8000-000000000000', headers: world.a })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/enterprises/abc', headers: world.a })).statusCode).toBe(400);
  });

  it('returns detail with abilities', async () => {
    const res = await t.app.inject({ url: `/api/enterprises/${world.entA.id}`, headers: world.a });
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ update: true, suspend: true, resume: false, close: true, assign: true });
    expect(res.json().data.assignments[0].responsiblePerson).toBe('李四');
    const ent = await t.app.inject({ url: `/api/enterprises/${world.entA.id}`, headers: world.ent });
    expect(ent.json().abilities).toMatchObject({ update: true, suspend: false, assign: false });
  });
});

describe('POST /api/enterprises', () => {
  it('400 names every bad field in zh-CN and en-US and stores nothing', async () => {
    const body = { ...validBody(world.r.townA.code), uscc: '91350100M000100Y44', phone: '123', lng: 0, lat: 0 };
    const zh = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: world.a, payload: body });
    expect(zh.statusCode).toBe(400);
    const details = zh.json().error.details as { field: string; message: string }[];
    expect(details.map((d) => d.field)).toEqual(expect.arrayContaining(['uscc', 'phone', 'lng']));
    expect(details.find((d) => d.field === 'uscc')?.message).toBe('统一社会信用代码：校验码错误（应为 3）');
    const en = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: { ...world.a, 'accept-language': 'en-US' }, payload: body });
    expect(en.json().error.details.find((d: { field: string }) => d.field === 'uscc').message).toBe(
      'Unified social credit code check character is wrong (expected 3)',
    );
    const count = await t.app.inject({ url: '/api/enterprises?q=新建测试煤业', headers: world.a });
    expect(count.json().total).toBe(0);
  });

  it('400 for a region outside the caller’s county', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: world.a, payload: validBody(world.r.townB.code) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('regionCode');
  });

  it('creates, audits, and refuses the same USCC twice with 409', async () => {
    const body = validBody(world.r.townA.code);
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: world.a, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ name: body.name, status: 'operating', version: 1 });
    expect(res.json().data.licences[0].expired).toBe(true);
    const again = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: world.a, payload: { ...body, name: '另一家公司' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].field).toBe('uscc');
  });
});

describe('PATCH /api/enterprises/:id and status actions', () => {
  it('edits with optimistic concurrency (stale version is 409)', async () => {
    const e = await makeEnterprise(t.database.db, world.r.townA);
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, headers: world.a, payload: { version: 1, employees: 321 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data).toMatchObject({ employees: 321, version: 2 });
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, headers: world.a, payload: { version: 1, employees: 5 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('an enterprise user cannot change its supervision class', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/enterprises/${world.entA.id}`,
      headers: world.ent,
      payload: { version: world.entA.version, supervisionClass: 'A' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('suspend → resume → close as recorded actions; invalid transition is 409', async () => {
    const e = await makeEnterprise(t.database.db, world.r.townA);
    const url = (a: string) => `/api/enterprises/${e.id}/${a}`;
    expect((await t.app.inject({ method: 'POST', url: url('suspend'), headers: world.a, payload: {} })).statusCode).toBe(400);
    const s = await t.app.inject({
      method: 'POST',
      url: url('suspend'),
      headers: world.a,
      payload: { comment: '重大隐患未整改', documentNumber: '（泽）应急责改〔2021〕12号' },
    });
    expect(s.json().data.status).toBe('suspended');
    expect((await t.app.inject({ method: 'POST', url: url('suspend'), headers: world.a, payload: { comment: '再次' } })).statusCode).toBe(409);
    await t.app.inject({ method: 'POST', url: url('resume'), headers: world.a, payload: { comment: '验收合格' } });
    const c = await t.app.inject({ method: 'POST', url: url('close'), headers: world.a, payload: { comment: '依法关闭' } });
    expect(c.json().data.status).toBe('closed');
    expect(c.json().data.transitions.map((x: { action: string }) => x.action)).toEqual(['close', 'resume', 'suspend']);
    expect(c.json().abilities).toMatchObject({ update: false, suspend: false, resume: false, close: false });
    const other = await t.app.inject({ method: 'POST', url: `/api/enterprises/${world.entB.id}/suspend`, headers: world.a, payload: { comment: '越权' } });
    expect(other.statusCode).toBe(404);
  });
});

describe('监管一张表', () => {
  it('flags gaps and assigns departments on the enterprise’s own path only', async () => {
    const e = await makeEnterprise(t.database.db, world.r.townA, { name: '一张表测试企业' });
    const row = async () => (await t.app.inject({ url: '/api/supervision-table?q=一张表测试企业', headers: world.a })).json();
    expect((await row()).items[0].gaps).toEqual(['noDepartment']);
    const foreign = await makeDepartment(t.database.db, world.r.countyB, 'industry', ['coal']);
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${e.id}/assignments`,
      headers: world.a,
      payload: { assignments: [{ departmentId: foreign.id, responsiblePerson: '赵六' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('assignments.0.departmentId');
    await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${e.id}/assignments`,
      headers: world.a,
      payload: { assignments: [{ departmentId: world.coalA.id, responsiblePerson: null }] },
    });
    expect((await row()).items[0].gaps).toEqual(['noPerson']);
    await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${e.id}/assignments`,
      headers: world.a,
      payload: { assignments: [{ departmentId: world.coalA.id, responsiblePerson: '赵六', responsiblePhone: '13903567777' }] },
    });
    const done = await row();
    expect(done.items[0].gaps).toEqual([]);
    expect(done.items[0].assignments[0]).toMatchObject({ responsiblePerson: '赵六', responsiblePhone: '13903567777' });
  });

  it('summary counts and gap filter agree', async () => {
    const res = (await t.app.inject({ url: `/api/supervision-table?regionCode=${world.r.countyA.code}`, headers: world.a })).json();
    const gaps = (await t.app.inject({ url: `/api/supervision-table?regionCode=${world.r.countyA.code}&gap=noPerson&pageSize=500`, headers: world.a })).json();
    expect(gaps.total).toBe(res.summary.noPerson);
    expect(gaps.items.every((r: { gaps: string[] }) => r.gaps.includes('noPerson'))).toBe(true);
  });

  it('exports exactly the filtered, scoped rows to Excel', async () => {
    const res = await t.app.inject({ url: `/api/supervision-table/export?format=xlsx&regionCode=${world.r.city.code}`, headers: world.a });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const usccs: string[] = [];
    ws?.eachRow((r, n) => {
      if (n > 2) usccs.push(String(r.getCell(2).value));
    });
    const list = (await t.app.inject({ url: `/api/supervision-table?regionCode=${world.r.city.code}&pageSize=500`, headers: world.a })).json();
    expect(usccs.sort()).toEqual(list.items.map((r: { uscc: string }) => r.uscc).sort());
    expect(usccs).not.toContain(world.entB.uscc);
  });
});

describe('Excel import', () => {
  async function workbook(rows: (string | number)[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow([
      '统一社会信用代码',
      '企业名称',
      '属地区划代码',
      '地址',
      '经度',
      '纬度',
      '行业',
      '分类分级',
      '法定代表人',
      '主要负责人',
      '安全管理负责人',
      '联系电话',
      '从业人数',
      '标准化等级',
      '安责险状态',
      '安责险到期日',
      '监管部门',
      '监管责任人',
      '责任人电话',
    ]);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  function multipart(buf: Buffer) {
    const boundary = '----taihangtest';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="e.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
    return {
      payload: Buffer.concat([Buffer.from(head), buf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }

  it('rejects the whole file with row-by-row errors and stores nothing', async () => {
    const good = randomUscc();
    const buf = await workbook([
      [
        good,
        '导入测试甲公司',
        world.r.townA.code,
        '地址1',
        112.9,
        35.6,
        '煤矿',
        'B',
        '甲',
        '甲',
        '',
        '13903561111',
        50,
        2,
        '已投保',
        '',
        world.coalA.name,
        '钱七',
        '13903562222',
      ],
      [
        '91350100M000100Y44',
        '导入测试乙公司',
        world.r.townB.code,
        '地址2',
        '',
        '',
        '不存在的行业',
        'Z',
        '乙',
        '乙',
        '',
        '123',
        10,
        '',
        '已投保',
        '',
        '',
        '',
        '',
      ],
    ]);
    const m = multipart(buf);
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises/import', headers: { ...world.a, ...m.headers }, payload: m.payload });
    expect(res.statusCode).toBe(400);
    const rows = res.json().error.extra.rows as { row: number; field: string }[];
    expect(rows.every((r) => r.row === 3)).toBe(true);
    expect(rows.map((r) => r.field)).toEqual(expect.arrayContaining(['uscc', 'industry', 'supervisionClass', 'phone']));
    const check = await t.app.inject({ url: `/api/enterprises?q=${good}`, headers: world.a });
    expect(check.json().total).toBe(0);
  });

  it('an import cannot rewrite an enterprise the policy keeps closed (the gate, not just scope): row error, nothing changed', async () => {
    const closed = await makeEnterprise(t.database.db, world.r.townA, { status: 'closed', name: '已关闭测试企业' });
    const row = [
      closed.uscc,
      '改名企图',
      world.r.townA.code,
      '地址9',
      112.9,
      35.6,
      '煤矿',
      'A',
      '丁',
      '丁',
      '',
      '13903569999',
      10,
      1,
      '已投保',
      '',
      '',
      '',
      '',
    ];
    const m = multipart(await workbook([row]));
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises/import', headers: { ...world.a, ...m.headers }, payload: m.payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.extra.rows).toEqual([expect.objectContaining({ row: 2, field: 'uscc' })]);
    const after = (await t.app.inject({ url: `/api/enterprises/${closed.id}`, headers: world.a })).json().data;
    expect(after).toMatchObject({ name: '已关闭测试企业', status: 'closed', version: closed.version });
  });

  it('imports valid rows with their assignments in one go', async () => {
    const u1 = randomUscc();
    const buf = await workbook([
      [
        u1,
        '导入测试丙公司',
        world.r.townA.code,
        '地址3',
        112.9,
        35.6,
        '煤矿',
        'A',
        '丙',
        '丙',
        '',
        '13903563333',
        80,
        1,
        '已投保',
        '2027-01-01',
        world.coalA.name,
        '孙八',
        '13903564444',
      ],
    ]);
    const m = multipart(buf);
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises/import', headers: { ...world.a, ...m.headers }, payload: m.payload });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 0, assignments: 1 });
    const row = (await t.app.inject({ url: `/api/supervision-table?q=${u1}`, headers: world.a })).json().items[0];
    expect(row.assignments[0]).toMatchObject({ departmentId: world.coalA.id, responsiblePerson: '孙八' });
  });
});
