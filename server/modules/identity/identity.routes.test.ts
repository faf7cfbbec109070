import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeDepartment, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await getTestServer();
});
afterAll(() => t.close());

const login = (username: string, password: string, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers: { 'accept-language': lang } });

describe('sign-in', () => {
  it('400 names missing fields; 401 for a wrong password without saying which part was wrong', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['username', 'password']);
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    expect((await login(u.username, 'nope')).json().error.code).toBe('BAD_CREDENTIALS');
    expect((await login('no-such-user', 'nope')).json().error.code).toBe('BAD_CREDENTIALS');
  });

  it('sets an HttpOnly SameSite=Strict cookie that authenticates, plus a bearer token', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    const res = await login(u.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/taihang_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookie.split(';')[0] as string } });
    expect(me.json().user.username).toBe(u.username);
    expect(me.json().permissions).toContain('user.manage');
    const bearer = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${res.json().token}` } });
    expect(bearer.statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${res.json().token}` } });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${res.json().token}` } })).statusCode).toBe(401);
  });

  it('locks the account after 5 failures, even with the right password, until the lockout ends', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    for (let i = 0; i < 4; i++) expect((await login(u.username, 'wrong')).json().error.code).toBe('BAD_CREDENTIALS');
    const fifth = await login(u.username, 'wrong', 'en-US');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toMatch(/locked until/);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    const h = await loginAs(t.app, u.username);
    t.clock.advanceMinutes(29);
    expect((await t.app.inject({ url: '/api/auth/me', headers: h })).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const expired = await t.app.inject({ url: '/api/auth/me', headers: h });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
    const h2 = await loginAs(t.app, u.username);
    for (let i = 0; i < 25; i++) {
      t.clock.advanceMinutes(29);
      await t.app.inject({ url: '/api/auth/me', headers: h2 });
    }
    expect((await t.app.inject({ url: '/api/auth/me', headers: h2 })).statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts per client with 429', async () => {
    const limited = await getTestServer({ env: { TAIHANG_LOGIN_RATE_PER_MIN: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.json()).toMatchObject({ status: 'ok', db: expect.stringMatching(/pglite|postgres/) });
  });
});

describe('三权分立 (separation of duties)', () => {
  it('system admin creates accounts but cannot grant roles or read the audit log', async () => {
    const admin = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['system-admin'])).username);
    const r = await makeCity(t.database.db);
    const dept = await makeDepartment(t.database.db, r.countyA, 'government');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: 'weakpw1', displayName: '甲', kind: 'government', departmentId: dept.id, password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['password.length', 'password.classes']));
    const name = `newuser${Date.now()}`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: name, displayName: '新用户', kind: 'government', departmentId: dept.id, password: 'Good-Pass-2021' },
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    expect((await t.app.inject({ method: 'PUT', url: `/api/users/${id}/roles`, headers: admin, payload: { roles: ['regulator-admin'] } })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: '/api/audit', headers: admin })).statusCode).toBe(403);
  });

  it('security admin grants roles under the rules but cannot create accounts or read the audit log', async () => {
    const sec = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['security-admin'])).username);
    const target = await makeUser(t.database.db, 'platform', []);
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: sec, payload: {} })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit', headers: sec })).statusCode).toBe(403);
    const two = await t.app.inject({ method: 'PUT', url: `/api/users/${target.id}/roles`, headers: sec, payload: { roles: ['system-admin', 'audit-admin'] } });
    expect(two.statusCode).toBe(403);
    expect(two.json().error.code).toBe('SEPARATION_OF_DUTIES');
    const biz = await t.app.inject({ method: 'PUT', url: `/api/users/${target.id}/roles`, headers: sec, payload: { roles: ['regulator-admin'] } });
    expect(biz.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `/api/users/${target.id}/roles`, headers: sec, payload: { roles: ['audit-admin'] } })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'PUT', url: `/api/users/${target.id}/roles`, headers: sec, payload: { roles: ['nope'] } })).statusCode).toBe(400);
  });

  it('audit admin reads and verifies the log but manages nothing', async () => {
    const aud = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['audit-admin'])).username);
    expect((await t.app.inject({ url: '/api/audit', headers: aud })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/users', headers: aud })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/security/settings', headers: aud })).statusCode).toBe(403);
  });

  it('security admin changes the policy; bad values are 400 and change nothing', async () => {
    const sec = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['security-admin'])).username);
    const cur = (await t.app.inject({ url: '/api/security/settings', headers: sec })).json();
    expect(cur.source).toContain('GB/T 22239');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/security/settings',
      headers: sec,
      payload: { ...cur, source: undefined, maxFailedAttempts: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('maxFailedAttempts');
  });
});
