import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeUser, TINY_PNG, uploadFile } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await getTestServer();
  admin = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['system-admin'])).username);
});
afterAll(() => t.close());

describe('calculators', () => {
  it('usc-code: 401 anonymous, 400 without code, result with its source', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/calculators/usc-code', payload: { code: 'x' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/calculators/usc-code', headers: admin, payload: {} })).statusCode).toBe(400);
    const ok = (await t.app.inject({ method: 'POST', url: '/api/calculators/usc-code', headers: admin, payload: { code: '91350100M000100Y43' } })).json();
    expect(ok).toMatchObject({ valid: true, source: expect.stringContaining('GB 32100') });
    const bad = (
      await t.app.inject({
        method: 'POST',
        url: '/api/calculators/usc-code',
        headers: { ...admin, 'accept-language': 'en-US' },
        payload: { code: '91350100M000100Y44' },
      })
    ).json();
    expect(bad).toMatchObject({ valid: false, errors: ['checksum'], expectedCheck: '3' });
    expect(bad.messages[0]).toContain('expected 3');
  });
});

describe('13710 and hazard-statistics calculators', () => {
  it('compute dates with +08:00 and their source; bad input is 400', async () => {
    const r = (
      await t.app.inject({
        method: 'POST',
        url: '/api/calculators/deadline-13710',
        headers: admin,
        payload: { assignedAt: '2021-09-30T10:00:00+08:00', complexity: 'general', dayKind: 'working' },
      })
    ).json();
    expect(r.feedbackDue).toMatch(/^2021-10-11T23:59:59\.999\+08:00$/);
    expect(r.source).toContain('13710');
    const cal = (
      await t.app.inject({
        method: 'POST',
        url: '/api/calculators/deadline-13710',
        headers: admin,
        payload: { assignedAt: '2021-01-31T10:00:00+08:00', complexity: 'major' },
      })
    ).json();
    expect(cal.resolveDue.slice(0, 10)).toBe('2021-02-28');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/calculators/deadline-13710', headers: admin, payload: { assignedAt: 'yesterday', complexity: 'x' } }))
        .statusCode,
    ).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/calculators/hazard-stats-due', headers: admin, payload: { period: '2021Q4' } })).json().due).toBe(
      '2022-01-15',
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/calculators/hazard-stats-due', headers: admin, payload: { period: '2021' } })).json().due).toBe(
      '2022-01-31',
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/calculators/hazard-stats-due', headers: admin, payload: { period: '2021Q5' } })).statusCode).toBe(
      400,
    );
  });
});

describe('calendar', () => {
  it('lists a year with its source; admin additions override built-in days and can be removed', async () => {
    const y = (await t.app.inject({ url: '/api/calendar?year=2021', headers: admin })).json();
    expect(y.source).toContain('国办发明电');
    expect(y.days).toContainEqual(expect.objectContaining({ date: '2021-02-07', kind: 'workday', builtin: true }));
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: admin,
      payload: { date: '2027-13-01', kind: 'holiday', name: '元旦', nameEn: "New Year's Day" },
    });
    expect(bad.statusCode).toBe(400);
    const add = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: admin,
      payload: { date: '2027-01-01', kind: 'holiday', name: '元旦', nameEn: "New Year's Day" },
    });
    expect(add.statusCode).toBe(200);
    const y27 = (await t.app.inject({ url: '/api/calendar?year=2027', headers: admin })).json();
    expect(y27.days).toContainEqual(expect.objectContaining({ date: '2027-01-01', builtin: false }));
    expect((await t.app.inject({ method: 'DELETE', url: '/api/calendar/days/2027-01-01', headers: admin })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/calendar/days/2027-01-01', headers: admin })).statusCode).toBe(404);
  });
});

describe('attachments', () => {
  it('stores by content hash, sniffs the type, refuses others, and serves only to those who may see it', async () => {
    const up = await makeUser(t.database.db, 'platform', ['system-admin']);
    const h = await loginAs(t.app, up.username);
    // system-admin has no attachment.upload
    expect((await uploadFile(t.app, h, 'a.png')).statusCode).toBe(403);
    const reg = await makeUser(t.database.db, 'platform', ['regulator']);
    const rh = await loginAs(t.app, reg.username);
    const a = await uploadFile(t.app, rh, '现场照片.png');
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ mime: 'image/png', size: TINY_PNG.length });
    const b = await uploadFile(t.app, rh, '现场照片.png');
    expect(b.json().sha256).toBe(a.json().sha256);
    const refused = await uploadFile(t.app, rh, 'evil.png', Buffer.from('MZ\x90\x00not really'));
    expect(refused.statusCode).toBe(415);
    const got = await t.app.inject({ url: `/api/attachments/${a.json().id}`, headers: rh });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(TINY_PNG)).toBe(true);
    expect((await t.app.inject({ url: `/api/attachments/${a.json().id}`, headers: h })).statusCode).toBe(404);
  });
});

describe('OpenAPI and unknown routes', () => {
  it('serves the OpenAPI document and 404s unknown API paths as JSON', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/enterprises', '/api/supervision-table', '/api/calculators/usc-code', '/api/audit/verify']),
    );
    const res = await t.app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('audit log', () => {
  it('names each row’s entity (an account, an enterprise, a calendar day), not only its id, and lists its changes field by field', async () => {
    const auditor = await makeUser(t.database.db, 'platform', ['audit-admin']);
    const h = await loginAs(t.app, auditor.username);
    const { city } = await makeCity(t.database.db);
    const e = await makeEnterprise(t.database.db, city);
    const bureau = await makeDepartment(t.database.db, city, 'government');
    const regulator = await loginAs(t.app, (await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: bureau.id })).username);
    const suspend = await t.app.inject({ method: 'POST', url: `/api/enterprises/${e.id}/suspend`, headers: regulator, payload: { comment: '停产整顿检查' } });
    expect(suspend.statusCode).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      headers: admin,
      payload: { date: '2031-10-01', kind: 'holiday', name: '国庆节', nameEn: 'National Day' },
    });

    const login = (await t.app.inject({ url: `/api/audit?action=auth.login&q=${auditor.id}`, headers: h })).json();
    expect(login.items[0]).toMatchObject({
      action: 'auth.login',
      entityType: 'user',
      entityId: auditor.id,
      entityLabel: `${auditor.displayName}（${auditor.username}）`,
    });
    const status = (await t.app.inject({ url: `/api/audit?action=enterprise.suspend&q=${e.id}`, headers: h })).json();
    expect(status.items[0]).toMatchObject({ entityType: 'enterprise', entityId: e.id, entityLabel: e.name });
    // Before and after field by field: the status changed, the comment is new (nothing to compare it with).
    expect(status.items[0].changes).toEqual([
      { field: 'comment', before: null, after: '停产整顿检查', changed: true },
      { field: 'documentNumber', before: null, after: null, changed: false },
      { field: 'status', before: 'operating', after: 'suspended', changed: true },
    ]);
    const day = (await t.app.inject({ url: '/api/audit?action=calendar.daySet&q=2031-10-01', headers: { ...h, 'accept-language': 'en-US' } })).json();
    expect(day.items[0].entityLabel).toBe('2031-10-01 National Day');
  });
});
