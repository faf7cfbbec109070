import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeDepartment, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { toAppError } from './errors-http.js';

/** Issue 11 item 7: malformed input is a 400 naming its field, in the platform's format, never a 500. */

let t: TestServer;
let gov: Record<string, string>;
let admin: Record<string, string>;
const en = { 'accept-language': 'en-US' };

beforeAll(async () => {
  t = await getTestServer();
  const r = await makeCity(t.database.db);
  const d = await makeDepartment(t.database.db, r.city, 'government');
  const u = await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: d.id });
  gov = await loginAs(t.app, u.username);
  admin = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['system-admin'])).username);
});
afterAll(() => t?.close());

/** POST as the system administrator (calendar.manage; every user may use the calculators). */
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...admin, ...headers } });
const detail = (res: { json(): { error: { details: { field: string; code: string; message: string }[] } } }, field: string) =>
  res.json().error.details.find((d) => d.field === field);

describe('wrong types say what was expected; only a missing field is 必填', () => {
  it('body: a number where text belongs, null, an object, and a missing field', async () => {
    const res = await post('/api/calendar/days', { date: 20260101, kind: null, name: { a: 1 } });
    expect(res.statusCode).toBe(400);
    expect(detail(res, 'date')).toMatchObject({ code: 'invalid_type', message: '日期：类型错误，应为文本' });
    expect(detail(res, 'kind')).toMatchObject({ code: 'invalid_value', message: '类别：取值无效，可选：holiday, workday' });
    expect(detail(res, 'name')?.code).toBe('invalid_type');
    expect(detail(res, 'nameEn')).toMatchObject({ code: 'required', message: '英文名称：必填' });
    const enRes = await post('/api/calendar/days', { date: 20260101 }, en);
    expect(detail(enRes, 'date')?.message).toBe('Date must be text');
  });

  it('query: text where a number belongs', async () => {
    const res = await t.app.inject({ url: '/api/enterprises?page=abc', headers: { ...gov, ...en } });
    expect(res.statusCode).toBe(400);
    expect(detail(res, 'page')).toMatchObject({ code: 'invalid_type', message: 'Page must be a number' });
  });
});

describe('text no field may hold', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone surrogate', 'x\uD800'],
    ['a control character', 'bell\u0007'],
  ])('%s in a body field is a 400 naming the field', async (_, bad) => {
    const res = await post('/api/calendar/days', { date: '2026-10-09', kind: 'holiday', name: bad, nameEn: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'name', code: 'characters', label: '名称' })]);
  });

  it('in the query string, in a path id and in an object key; anonymous sign-in too', async () => {
    const q = await t.app.inject({ url: '/api/enterprises?q=%00', headers: gov });
    expect(q.statusCode).toBe(400);
    expect(detail(q, 'q')?.code).toBe('characters');
    const p = await t.app.inject({ url: '/api/enterprises/%00', headers: gov });
    expect(p.statusCode).toBe(400);
    expect(detail(p, 'id')?.code).toBe('characters');
    const k = await post('/api/calendar/days', { date: '2026-10-09', kind: 'holiday', name: 'x', nameEn: 'x', '\u0000': 1 });
    expect(k.statusCode).toBe(400);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'city\u0000', password: 'x\uDC00' } });
    expect(login.statusCode).toBe(400);
    expect(detail(login, 'username')?.code).toBe('characters');
  });

  it('in an uploaded file name (multipart, which the guard does not see): 400, not a database error', async () => {
    const boundary = 'fz';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004junk\r\n--${boundary}--\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      payload,
      headers: { ...gov, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'file', code: 'characters' });
  });

  it('deeply nested junk is refused before it is walked', async () => {
    let v: unknown = 1;
    for (let i = 0; i < 500; i++) v = [v];
    const res = await post('/api/calendar/days', { date: v });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe('too_deep');
  });
});

describe('dates are real calendar days in 1900–2100', () => {
  it.each(['2026-13-45', '2026-02-30', '2025-02-29', '0001-01-01', '2101-01-01'])('%s is a 400', async (date) => {
    const res = await post('/api/calendar/days', { date, kind: 'holiday', name: '测试', nameEn: 'Test' });
    expect(res.statusCode).toBe(400);
    expect(detail(res, 'date')?.code).toBe('date');
  });

  it('a leap day is a date', async () => {
    const res = await post('/api/calendar/days', { date: '2028-02-29', kind: 'holiday', name: '测试', nameEn: 'Test' });
    expect(res.statusCode).toBe(200);
  });

  it.each(['0001-01-01T00:00:00+08:00', '2026-06-30T08:00:00+15:00', '9999-12-31T23:59:59Z'])('time %s is a 400', async (assignedAt) => {
    const res = await post('/api/calculators/deadline-13710', { assignedAt, complexity: 'general', dayKind: 'calendar' });
    expect(res.statusCode).toBe(400);
    expect(detail(res, 'assignedAt')?.code).toBe('datetime');
  });
});

describe("Fastify's own refusals come in the platform's format, in both languages", () => {
  it('a URL that cannot be decoded', async () => {
    for (const [lang, text] of [
      ['zh-CN', '请求地址格式错误'],
      ['en-US', 'The request URL is malformed'],
    ]) {
      const res = await t.app.inject({ url: '/api/%', headers: { 'accept-language': lang as string } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'BAD_URL', details: [] });
      expect(res.json().error.message).toContain(text);
    }
  });

  it("Node's own refusal of over-long headers (a 1 MB query string) is in the format too, in both languages", async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/api/enterprises?q=${'x'.repeat(1024 * 1024)}`);
    expect(res.status).toBe(431);
    expect(await res.json()).toEqual({
      error: { code: 'HEADERS_TOO_LARGE', message: '请求头或地址过长（上限 16 KB） / The request headers or URL are too long (limit 16 KB)', details: [] },
    });
  });

  it('413 names the limit', async () => {
    const res = await post('/api/calendar/days', { name: 'x'.repeat(3 * 1024 * 1024) }, en);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request or file is too large (limit 2 MB)' });
    const zh = await post('/api/calendar/days', { name: 'x'.repeat(3 * 1024 * 1024) });
    expect(zh.json().error.message).toBe('请求内容或文件过大（上限 2 MB）');
  });

  it('415 names the type sent', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/calendar/days', payload: '<a/>', headers: { ...admin, 'content-type': 'application/xml' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_TYPE', message: '不支持的内容类型：application/xml' });
    const enRes = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      payload: '<a/>',
      headers: { ...admin, ...en, 'content-type': 'application/xml' },
    });
    expect(enRes.json().error.message).toBe('Unsupported content type: application/xml');
  });

  it('a body that is not JSON, and an empty one', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/days',
      payload: '{"a":',
      headers: { ...admin, ...en, 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ field: 'body', code: 'json', message: 'Request body is not valid JSON' })]);
    const empty = await t.app.inject({ method: 'POST', url: '/api/calendar/days', payload: '', headers: { ...admin, 'content-type': 'application/json' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0]).toMatchObject({ field: 'body', code: 'required' });
  });
});

describe('database refusals caused by input are 400/409, not 500 (the safety net behind validation)', () => {
  const dbError = (code: string, column?: string) => Object.assign(new Error('query failed'), { cause: Object.assign(new Error('db'), { code, column }) });
  it.each([
    ['22P02', 400, 'VALIDATION'],
    ['22007', 400, 'VALIDATION'],
    ['22008', 400, 'VALIDATION'],
    ['22001', 400, 'VALIDATION'],
    ['22003', 400, 'VALIDATION'],
    ['22P05', 400, 'VALIDATION'],
    ['54000', 400, 'VALIDATION'],
    ['23503', 400, 'VALIDATION'],
    ['23505', 409, 'DUPLICATE_RECORD'],
  ])('SQLSTATE %s → %i %s', (code, status, appCode) => {
    const e = toAppError(dbError(code, 'name'));
    expect(e.status).toBe(status);
    expect(e.code).toBe(appCode);
  });

  it('anything else stays a 500', () => {
    expect(toAppError(dbError('57P01')).code).toBe('INTERNAL');
    expect(toAppError(new TypeError('x is undefined')).code).toBe('INTERNAL');
  });
});
