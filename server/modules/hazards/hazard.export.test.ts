import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../../test/harness.js';

let t: TestServer;
const users = {} as Record<'chem' | 'worker', { username: string }>;
const h = {} as Record<'chem' | 'worker', Record<string, string>>;
let enterpriseId: string;

beforeAll(async () => {
  t = await getTestServer();
  const db = t.database.db;
  const r = await makeCity(db);
  const chem = await makeDepartment(db, r.countyA, 'industry', ['hazchem']);
  const ent = await makeEnterprise(db, r.townA, { industry: 'hazchem', name: '甲县化工有限公司' });
  await assign(db, ent.id, chem.id);
  enterpriseId = ent.id;
  users.chem = await makeUser(db, 'industry', ['regulator'], { departmentId: chem.id });
  users.worker = await makeUser(db, 'enterprise', ['enterprise-worker'], { enterpriseId: ent.id });
});
afterAll(() => t.close());

async function sheetOf(payload: unknown) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as ArrayBuffer);
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

describe('hazard list export', () => {
  it('dates a hazard reported at 07:30 Beijing (23:30 UTC the day before) on its Beijing day, and names the file in the requester’s language with the date', async () => {
    await setClockAndSignIn(t, '2026-12-08T07:30:00+08:00', users, h);
    const reported = await t.app.inject({
      method: 'POST',
      url: '/api/hazards',
      headers: h.worker,
      payload: { enterpriseId, title: '液氯储罐区紧急切断阀未投用', description: '紧急切断阀处于手动旁路状态', location: '液氯罐区 V-101', source: 'worker' },
    });
    expect(reported.statusCode).toBe(200);

    const zh = await t.app.inject({ url: '/api/hazards/export', headers: { ...h.chem, 'accept-language': 'zh-CN' } });
    expect(zh.statusCode).toBe(200);
    // RFC 6266: an ASCII fallback and the UTF-8 name (RFC 5987), both with the Beijing date.
    expect(zh.headers['content-disposition']).toBe(
      `attachment; filename="hazard-list-2026-12-08.xlsx"; filename*=UTF-8''${encodeURIComponent('隐患清单-2026-12-08.xlsx')}`,
    );
    const ws = await sheetOf(zh.rawPayload);
    const header = ws.getRow(2).values as unknown[];
    const col = header.indexOf('上报时间');
    expect(col).toBeGreaterThan(0);
    const cell = ws.getRow(3).getCell(col);
    // Excel dates carry no zone: the cell holds Beijing wall-clock time, shown as YYYY-MM-DD HH:mm.
    expect(cell.value).toEqual(new Date('2026-12-08T07:30:00Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');

    const en = await t.app.inject({ url: '/api/hazards/export', headers: { ...h.chem, 'accept-language': 'en-US' } });
    expect(en.headers['content-disposition']).toBe(`attachment; filename="hazard-list-2026-12-08.xlsx"; filename*=UTF-8''hazard-list-2026-12-08.xlsx`);
    const enSheet = await sheetOf(en.rawPayload);
    expect((enSheet.getRow(2).values as unknown[]).includes('Reported')).toBe(true);
  });
});
