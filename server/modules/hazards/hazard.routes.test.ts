import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../../test/harness.js';
import { flagOverdueStats, sweepHazards } from './index.js';

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const govA = await makeDepartment(db, r.countyA, 'government');
  const chemA = await makeDepartment(db, r.countyA, 'industry', ['hazchem']);
  const chemB = await makeDepartment(db, r.countyB, 'industry', ['hazchem']);
  const ent = await makeEnterprise(db, r.townA, { industry: 'hazchem', name: '甲县化工有限公司' });
  const entB = await makeEnterprise(db, r.townB, { industry: 'hazchem' });
  const coal = await makeEnterprise(db, r.townA, { industry: 'coal' });
  await assign(db, ent.id, chemA.id);
  const users = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    gov: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    chem: await makeUser(db, 'industry', ['regulator'], { departmentId: chemA.id }),
    chemB: await makeUser(db, 'industry', ['regulator'], { departmentId: chemB.id }),
    mgr: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: ent.id }),
    mgr2: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: ent.id }),
    worker: await makeUser(db, 'enterprise', ['enterprise-worker'], { enterpriseId: ent.id }),
    coalMgr: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: coal.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  return { r, cityGov, govA, chemA, chemB, ent, entB, coal, users, h };
}

const at = (time: string) => setClockAndSignIn(t, time, w.users, w.h);

const post = (url: string, h: Record<string, string>, payload: unknown) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string>) => t.app.inject({ url, headers: h });

/** A tiny JPEG with EXIF time and GPS (built by hand: SOI, APP1 Exif with IFD0 → Exif IFD + GPS IFD, EOI). */
function jpegWithExif(): Buffer {
  const entries: Buffer[] = [];
  const le = (n: number, size: number) => {
    const b = Buffer.alloc(size);
    size === 2 ? b.writeUInt16LE(n) : b.writeUInt32LE(n);
    return b;
  };
  // TIFF header (little endian) + IFD0 at offset 8 with two pointers.
  const tiff: Buffer[] = [Buffer.from('II'), le(42, 2), le(8, 4)];
  const ifd0Off = 8;
  const ifd0Size = 2 + 2 * 12 + 4;
  const exifOff = ifd0Off + ifd0Size;
  const exifSize = 2 + 1 * 12 + 4;
  const gpsOff = exifOff + exifSize;
  const gpsSize = 2 + 4 * 12 + 4;
  const dataOff = gpsOff + gpsSize;
  const date = Buffer.from('2021:06:01 09:30:00\0', 'latin1');
  const rational = (vals: [number, number][]) => Buffer.concat(vals.flatMap(([n, d]) => [le(n, 4), le(d, 4)]));
  const lat = rational([
    [35, 1],
    [30, 1],
    [0, 1],
  ]);
  const lng = rational([
    [112, 1],
    [51, 1],
    [0, 1],
  ]);
  const entry = (tag: number, type: number, count: number, value: Buffer) => Buffer.concat([le(tag, 2), le(type, 2), le(count, 4), value]);
  const inline = (s: string) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.alloc(4 - s.length)]);
  tiff.push(le(2, 2), entry(0x8769, 4, 1, le(exifOff, 4)), entry(0x8825, 4, 1, le(gpsOff, 4)), le(0, 4));
  tiff.push(le(1, 2), entry(0x9003, 2, date.length, le(dataOff, 4)), le(0, 4));
  tiff.push(
    le(4, 2),
    entry(0x0001, 2, 2, inline('N')),
    entry(0x0002, 5, 3, le(dataOff + date.length, 4)),
    entry(0x0003, 2, 2, inline('E')),
    entry(0x0004, 5, 3, le(dataOff + date.length + 24, 4)),
    le(0, 4),
  );
  tiff.push(date, lat, lng);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), ...tiff]);
  entries.push(Buffer.from([0xff, 0xd8, 0xff, 0xe1]), Buffer.from([(body.length + 2) >> 8, (body.length + 2) & 0xff]), body, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(entries);
}

async function upload(h: Record<string, string>, buf: Buffer, name = 'photo.jpg') {
  const boundary = '----taihang';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`),
    buf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { ...h, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
  await at('2026-07-06T09:00:00+08:00');
});
afterAll(() => t.close());

const REPORT = (enterpriseId: string, over: Record<string, unknown> = {}) => ({
  enterpriseId,
  title: '液氯储罐区紧急切断阀未投用',
  description: '一级重大危险源液氯储罐区紧急切断阀处于手动旁路状态，未实现紧急切断功能',
  location: '液氯罐区 V-101',
  source: 'worker',
  ...over,
});

describe('hazards: the closed loop of a major hazard', () => {
  let id: string;
  let photo: { id: string; meta: { takenAt: string; lat: number; lng: number } };

  it('401 without a session; 400 names the fields; an enterprise out of scope is a field error', async () => {
    expect((await t.app.inject({ url: '/api/hazards' })).statusCode).toBe(401);
    const bad = await post('/api/hazards', w.h.worker, { enterpriseId: w.ent.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['title', 'description', 'location', 'source']));
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/hazards',
      headers: { ...w.h.worker, 'accept-language': 'en-US' },
      payload: { enterpriseId: w.ent.id },
    });
    expect(en.json().error.details.find((d: { field: string }) => d.field === 'title').message).toMatch(/Title/);
    const other = await post('/api/hazards', w.h.worker, REPORT(w.entB.id));
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].field).toBe('enterpriseId');
  });

  it('a worker reports with a photo: EXIF time and GPS are read on upload', async () => {
    photo = await upload(w.h.worker, jpegWithExif());
    expect(photo.meta).toEqual({ takenAt: '2021-06-01T09:30:00+08:00', lat: 35.5, lng: 112.85 });
    const res = await post('/api/hazards', w.h.worker, {
      ...REPORT(w.ent.id),
      photos: [photo.id],
      foundAt: photo.meta.takenAt,
      lat: photo.meta.lat,
      lng: photo.meta.lng,
    });
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    id = d.id;
    expect(d).toMatchObject({ status: 'reported', grade: null, code: expect.stringMatching(/^YH2026\d{7}$/), photos: [photo.id], lat: 35.5 });
    expect(res.json().duplicates).toEqual([]);
    // The worker cannot confirm; the managers can.
    expect(res.json().abilities.confirm).toBe(false);
    expect((await get(`/api/hazards/${id}`, w.h.mgr)).json().abilities.confirm).toBe(true);
  });

  it('a near-identical second report gets a duplicate hint', async () => {
    const hint = await get(
      `/api/hazards/duplicates?enterpriseId=${w.ent.id}&title=${encodeURIComponent('液氯储罐紧急切断阀未投用')}&location=${encodeURIComponent('液氯罐区')}`,
      w.h.worker,
    );
    expect(hint.json().items[0]).toMatchObject({ id, score: expect.any(Number) });
  });

  it('scope: another county’s department and another enterprise see 404; lists leave it out', async () => {
    expect((await get(`/api/hazards/${id}`, w.h.chemB)).statusCode).toBe(404);
    expect((await get(`/api/hazards/${id}`, w.h.coalMgr)).statusCode).toBe(404);
    expect((await get('/api/hazards?pageSize=200', w.h.chemB)).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await get('/api/hazards?pageSize=200', w.h.chem)).json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect(
      (await post(`/api/hazards/${id}/confirm`, w.h.chemB, { grade: 'general', rectifierName: '某人', deadline: '2026-12-31', comment: '越权确认' }))
        .statusCode,
    ).toBe(404);
  });

  it('confirm as 重大 by a chemical 判定标准 item: 双报告 to the departments and the workers, with receipts', async () => {
    const noReport = await post(`/api/hazards/${id}/confirm`, w.h.mgr, {
      criterion: { catalogue: 'chemical', code: 'H05' },
      rectifierName: '王工',
      deadline: '2026-08-31',
      comment: '确认',
    });
    expect(noReport.statusCode).toBe(400);
    expect(noReport.json().error.details[0].field).toBe('majorReport');
    const res = await post(`/api/hazards/${id}/confirm`, w.h.mgr, {
      criterion: { catalogue: 'chemical', code: 'H05' },
      rectifierName: '王工',
      rectifierUserId: w.users.mgr.id,
      deadline: '2026-08-31',
      comment: '经现场核实，属重大事故隐患',
      majorReport: {
        currentState: '紧急切断阀旁路常开，原因是阀门执行机构故障',
        harmAnalysis: '泄漏时无法切断，可能造成重大中毒事故；需停用罐区并更换执行机构',
      },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    expect(d).toMatchObject({
      status: 'confirmed',
      grade: 'major',
      criterion: { code: 'H05', source: expect.stringContaining('121号') },
      dualReportedAt: expect.any(String),
    });
    const reg = d.receipts.filter((r: { to: string }) => r.to === 'regulator').map((r: { displayName: string }) => r.displayName);
    expect(reg).toEqual(expect.arrayContaining([w.users.chem.displayName, w.users.gov.displayName]));
    expect(reg).not.toContain(w.users.chemB.displayName);
    expect(d.receipts.filter((r: { to: string }) => r.to === 'worker').length).toBe(3);
    // The worker reads the announcement: the receipt records it.
    const inbox = (await get('/api/notifications', w.h.worker)).json().items;
    const note = inbox.find((n: { title: string }) => n.title.startsWith('重大事故隐患告知'));
    expect(note).toBeTruthy();
    expect((await post(`/api/notifications/${note.id}/read`, w.h.worker, {})).statusCode).toBe(200);
    const after = (await get(`/api/hazards/${id}`, w.h.mgr)).json().data.receipts;
    expect(after.find((r: { displayName: string }) => r.displayName === w.users.worker.displayName).readAt).toEqual(expect.any(String));
  });

  it('a major hazard cannot start rectification without the six-element plan (409); with it, it can', async () => {
    const no = await post(`/api/hazards/${id}/rectify`, w.h.mgr, { comment: '开始整改' });
    expect(no.statusCode).toBe(409);
    expect(no.json().error.code).toBe('HAZARD_PLAN_REQUIRED');
    const badPlan = await post(`/api/hazards/${id}/plan`, w.h.mgr, { goals: '消除' });
    expect(badPlan.statusCode).toBe(400);
    const plan = await post(`/api/hazards/${id}/plan`, w.h.mgr, {
      goals: '恢复液氯罐区紧急切断功能，消除重大事故隐患',
      measures: '停用 V-101，倒罐后更换紧急切断阀执行机构并联锁测试',
      fundsYuan: 180000,
      materials: '执行机构 2 套，防护器材已到位',
      responsibleUnit: '设备部',
      responsiblePersons: '王工（组长）、李工',
      deadline: '2026-08-20',
      safetyMeasures: '罐区设警戒，倒罐期间专人监护',
      emergencyPlan: '液氯泄漏现场处置方案',
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json().data.deadline).toBe('2026-08-20');
    expect((await post(`/api/hazards/${id}/rectify`, w.h.mgr, { comment: '开始整改' })).json().data.status).toBe('rectifying');
  });

  it('挂牌督办: the department lists it; a second listing by it is 409; the enterprise cannot list', async () => {
    const body = { documentNumber: '甲应急督〔2026〕3号', supervisor: '赵科长', deadline: '2026-08-25', requirements: '8月20日前完成治理，期间停用罐区' };
    expect((await post(`/api/hazards/${id}/list`, w.h.mgr, body)).statusCode).toBe(403);
    const res = await post(`/api/hazards/${id}/list`, w.h.chem, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ listed: true, listings: [{ departmentName: w.chemA.name, level: 'county', status: 'open' }] });
    expect((await post(`/api/hazards/${id}/list`, w.h.chem, body)).json().error.code).toBe('LISTING_EXISTS');
    const listings = (await get('/api/hazards/listings?status=open', w.h.gov)).json();
    expect(listings.items.find((l: { hazard: { id: string } }) => l.hazard.id === id)).toMatchObject({
      supervisor: '赵科长',
      hazard: { status: 'rectifying' },
    });
    expect((await get('/api/hazards?listed=true', w.h.chem)).json().items.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('submit needs after-photos; the verifier must not be the rectifier; the regulator reviews and closes out', async () => {
    const noEvidence = await post(`/api/hazards/${id}/submit`, w.h.mgr, { comment: '已完成' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.details[0].field).toBe('evidence');
    const after = await upload(w.h.mgr, jpegWithExif(), 'after.jpg');
    expect((await post(`/api/hazards/${id}/submit`, w.h.mgr, { comment: '执行机构已更换，联锁测试合格', evidence: [after.id] })).json().data.status).toBe(
      'submitted',
    );
    const self = await post(`/api/hazards/${id}/verify`, w.h.mgr, { comment: '自己验收' });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('VERIFIER_IS_RECTIFIER');
    const v = await post(`/api/hazards/${id}/verify`, w.h.mgr2, { comment: '组织技术人员和专家评估，符合安全条件，申请验收核销' });
    expect(v.json().data).toMatchObject({ status: 'verified', reviewDue: '2026-07-16' });
    // The on-site review is not done within the 10 days: the sweep tells the regulators once.
    await at('2026-07-17T09:00:00+08:00');
    expect((await get(`/api/hazards/${id}`, w.h.chem)).json().data.reviewOverdue).toBe(true);
    expect((await sweepHazards(t.deps)).reviewsFlagged).toBe(1);
    expect((await sweepHazards(t.deps)).reviewsFlagged).toBe(0);
    const titles = (await get('/api/notifications', w.h.chem)).json().items.map((n: { title: string }) => n.title);
    expect(titles.some((x: string) => x.startsWith('重大事故隐患现场审查已逾期'))).toBe(true);
    // Only the regulator closes out (核销).
    expect((await post(`/api/hazards/${id}/close`, w.h.mgr2, { comment: '核销' })).statusCode).toBe(403);
    const c = await post(`/api/hazards/${id}/close`, w.h.chem, { comment: '现场审查合格，同意核销' });
    expect(c.json().data).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    // A closed hazard cannot be closed again: 409 with the states in words.
    const again = await post(`/api/hazards/${id}/close`, w.h.chem, { comment: '再次核销' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已销号');
    const unlist = await post(`/api/hazards/${id}/unlist`, w.h.chem, { comment: '治理完成，摘牌' });
    expect(unlist.json().data.listings[0]).toMatchObject({ status: 'closed', closingComment: '治理完成，摘牌' });
    const actions = unlist.json().data.transitions.map((x: { action: string }) => x.action);
    expect(actions).toEqual(['report', 'confirm', 'dualReport', 'plan', 'rectify', 'list', 'submit', 'verify', 'close', 'unlist']);
  });

  it('the four lists export to Excel with what the caller sees', async () => {
    const m = await post('/api/hazards/lists/measure', w.h.gov, {
      title: '液氯罐区紧急切断专项检查制度',
      content: '每季度对全县涉氯企业紧急切断装置开展专项检查',
      unitName: '甲县应急管理局',
      date: '2026-07-20',
      hazardIds: [id],
    });
    expect(m.statusCode).toBe(200);
    expect((await post('/api/hazards/lists/measure', w.h.mgr, { title: 'x' })).statusCode).toBe(403);
    const list = (await get('/api/hazards/lists/measure', w.h.city)).json();
    expect(list.items[0]).toMatchObject({ title: '液氯罐区紧急切断专项检查制度', hazards: [{ id }], editable: false });
    // The entry is its department's: another department in scope is refused (403), another county does not see it (404).
    const entry = list.items[0].id;
    const edit = (h: Record<string, string>, method: 'PATCH' | 'DELETE') =>
      t.app.inject({
        method,
        url: `/api/hazards/lists/measure/${entry}`,
        headers: h,
        payload: method === 'PATCH' ? { title: '改写', content: '改写', unitName: '乙县应急管理局', date: '2026-07-20', hazardIds: [id] } : undefined,
      });
    const refusedEdit = await edit(w.h.chem, 'PATCH');
    expect(refusedEdit.statusCode, refusedEdit.body).toBe(403);
    expect((await edit(w.h.chem, 'DELETE')).statusCode).toBe(403);
    expect((await edit(w.h.chemB, 'PATCH')).statusCode).toBe(404);
    expect((await get('/api/hazards/lists/measure', w.h.gov)).json().items[0]).toMatchObject({
      id: entry,
      title: '液氯罐区紧急切断专项检查制度',
      editable: true,
    });
    for (const url of [
      '/api/hazards/export',
      '/api/hazards/listings/export',
      '/api/hazards/lists/measure/export',
      '/api/hazards/lists/accountability/export',
    ]) {
      const x = await get(url, w.h.gov);
      expect(x.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]?.rowCount).toBeGreaterThan(1);
    }
    const x = await get('/api/hazards/export?grade=major', w.h.chem);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const codes: string[] = [];
    wb.worksheets[0]?.eachRow((r, n) => n > 2 && codes.push(String(r.getCell(1).value)));
    expect(codes).toEqual([(await get(`/api/hazards/${id}`, w.h.chem)).json().data.code]);
  });
});

describe('hazards: deadlines, escalation and bulk actions on the fake clock', () => {
  const ids: string[] = [];

  it('general hazards are confirmed with deadlines; bulk extend refuses a set with anything out of scope', async () => {
    await at('2026-09-01T09:00:00+08:00');
    for (const title of ['消防通道堆放杂物', '配电室门未关闭']) {
      const r = await post(
        '/api/hazards',
        w.h.mgr,
        REPORT(w.ent.id, { title, description: `${title}，需清理整改`, location: '生产区', source: 'selfInspection' }),
      );
      const hid = r.json().data.id;
      ids.push(hid);
      const c = await post(`/api/hazards/${hid}/confirm`, w.h.mgr, { grade: 'general', rectifierName: '李班长', deadline: '2026-09-03', comment: '一般隐患' });
      expect(c.json().data.status).toBe('confirmed');
    }
    const foreign = (await post('/api/hazards', w.h.coalMgr, REPORT(w.coal.id, { source: 'selfInspection' }))).json().data.id;
    const refused = await post('/api/hazards/bulk', w.h.mgr, { action: 'extend', ids: [...ids, foreign], deadline: '2026-09-10', comment: '备件未到' });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('BULK_OUT_OF_SCOPE');
    expect((await get(`/api/hazards/${ids[0]}`, w.h.mgr)).json().data.deadline).toBe('2026-09-03');
  });

  it('the sweep reminds before the deadline, then escalates enterprise → department → government on working days', async () => {
    await at('2026-09-02T09:00:00+08:00');
    expect((await sweepHazards(t.deps)).reminded).toBeGreaterThanOrEqual(2);
    await at('2026-09-04T09:00:00+08:00');
    await sweepHazards(t.deps);
    let d = (await get(`/api/hazards/${ids[0]}`, w.h.mgr)).json().data;
    expect(d).toMatchObject({ escalation: 1, deadlineState: 'overdue' });
    const entInbox = (await get('/api/notifications', w.h.mgr)).json().items.map((n: { title: string }) => n.title);
    expect(entInbox.some((x: string) => x.startsWith('隐患逾期（企业）：'))).toBe(true);
    expect((await get('/api/hazards?overdue=true', w.h.chem)).json().items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(ids));
    // 3 working days late (Sep 4, 7, 8) → the supervising department hears of it.
    await at('2026-09-08T09:00:00+08:00');
    await sweepHazards(t.deps);
    d = (await get(`/api/hazards/${ids[0]}`, w.h.mgr)).json().data;
    expect(d.escalation).toBe(2);
    const chemInbox = (await get('/api/notifications', w.h.chem)).json().items.map((n: { title: string }) => n.title);
    expect(chemInbox.some((x: string) => x.includes('逾期督办（监管部门）'))).toBe(true);
    // 10 working days late → the region government too (Mid-Autumn 2026 is Sep 25; still before it).
    await at('2026-09-17T09:00:00+08:00');
    await sweepHazards(t.deps);
    expect((await get(`/api/hazards/${ids[0]}`, w.h.mgr)).json().data.escalation).toBe(3);
    const govInbox = (await get('/api/notifications', w.h.gov)).json().items.map((n: { title: string }) => n.title);
    expect(govInbox.some((x: string) => x.includes('逾期通报（属地政府）'))).toBe(true);
    // The sweep does not repeat itself.
    expect((await sweepHazards(t.deps)).escalated).toBe(0);
  });

  it('bulk extend resets the escalation; the verifier may not be the one who handed in', async () => {
    const res = await post('/api/hazards/bulk', w.h.mgr, { action: 'extend', ids, deadline: '2026-09-30', comment: '备件到货延期' });
    expect(res.json()).toEqual({ updated: 2 });
    const d = (await get(`/api/hazards/${ids[0]}`, w.h.mgr)).json().data;
    expect(d).toMatchObject({ deadline: '2026-09-30', escalation: 0, originalDeadline: '2026-09-03' });
    const bulkEscalate = await post('/api/hazards/bulk', w.h.mgr, { action: 'escalate', ids, comment: '企业不能升级' });
    expect(bulkEscalate.statusCode).toBe(409);
    expect((await post('/api/hazards/bulk', w.h.chem, { action: 'escalate', ids, comment: '约谈企业主要负责人' })).json()).toEqual({ updated: 2 });
  });
});

describe('hazards: Art. 14 statistics and the regulator’s overview', () => {
  it('the quarter’s table is generated, refused before the quarter ends, submitted once and signed', async () => {
    await at('2026-09-20T09:00:00+08:00');
    const early = await post('/api/hazards/stats-reports', w.h.mgr, {
      enterpriseId: w.ent.id,
      period: '2026Q3',
      analysis: '本季度排查隐患 3 项',
      principalName: '张三',
    });
    expect(early.json().error.code).toBe('STATS_PERIOD_OPEN');
    await at('2026-10-09T09:00:00+08:00');
    const draft = (await get(`/api/hazards/stats-reports/draft?enterpriseId=${w.ent.id}&period=2026Q3`, w.h.mgr)).json();
    expect(draft).toMatchObject({
      due: '2026-10-15',
      state: 'pending',
      canSubmit: true,
      figures: { found: 3, majorFound: 1, rectified: 1, majorRectified: 1, openAtEnd: 2, majorFundsYuan: 180000 },
    });
    expect((await get(`/api/hazards/stats-reports/draft?enterpriseId=${w.ent.id}&period=2026Q3`, w.h.chem)).json().canSubmit).toBe(false);
    const ok = await post('/api/hazards/stats-reports', w.h.mgr, {
      enterpriseId: w.ent.id,
      period: '2026Q3',
      analysis: '本季度排查隐患 3 项，其中重大隐患 1 项已核销，一般隐患 2 项在整改中',
      principalName: '张三',
    });
    expect(ok.json()).toMatchObject({ state: 'submitted', report: { principalName: '张三', late: false } });
    expect(
      (await post('/api/hazards/stats-reports', w.h.mgr, { enterpriseId: w.ent.id, period: '2026Q3', analysis: '再次报送', principalName: '张三' })).statusCode,
    ).toBe(409);
  });

  it('after the due date the others are overdue and each government unit is told once', async () => {
    await at('2026-10-16T09:00:00+08:00');
    const board = (await get('/api/hazards/stats-reports?period=2026Q3', w.h.gov)).json();
    expect(board.summary).toMatchObject({ submitted: 1, overdue: 1 });
    expect(board.items[0]).toMatchObject({ state: 'overdue', enterpriseName: expect.any(String) });
    const first = await flagOverdueStats(t.deps);
    expect(first.notices).toBeGreaterThanOrEqual(2);
    expect((await flagOverdueStats(t.deps)).notices).toBe(0);
    const inbox = (await get('/api/notifications', w.h.gov)).json().items.map((n: { title: string }) => n.title);
    expect(inbox).toContain('1 家企业逾期未报送 2026年第3季度 隐患统计分析表');
  });

  it('the overview counts by status, region and industry within scope', async () => {
    const o = (await get('/api/hazards/overview', w.h.city)).json();
    expect(o.totals).toMatchObject({ total: 4, major: 1, closed: 1, listedOpen: 0 });
    expect(o.byRegion.map((x: { regionCode: string }) => x.regionCode).sort()).toEqual([w.r.countyA.code]);
    expect(o.byIndustry.map((x: { industry: string }) => x.industry).sort()).toEqual(['coal', 'hazchem']);
    const chem = (await get('/api/hazards/overview', w.h.chem)).json();
    expect(chem.totals.total).toBe(3);
  });
});
