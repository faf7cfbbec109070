import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from '../../kernel/access/builtin-roles.js';
import { systemActor } from '../../kernel/actor.js';
import { storeCaptcha } from '../../kernel/auth/captcha.js';
import { appUser, auditLog, loginCaptcha, notification } from '../../kernel/kernel.schema.js';
import { loginAs, makeCity, makeDepartment, makeUser, TEST_PASSWORD, testAddress } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { accountPolicy, ROLE_ACCOUNT_KINDS } from './account.policy.js';

let t: TestServer;
beforeAll(async () => {
  t = await getTestServer();
});
afterAll(() => t.close());

const login = (username: string, password: string, lang = 'zh-CN', remoteAddress = testAddress(), captcha: { captchaId?: string; captcha?: string } = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...captcha }, headers: { 'accept-language': lang }, remoteAddress });

/** A captcha whose answer the test knows (the server keeps only its hash). */
const solved = async () => ({ captchaId: (await storeCaptcha(t.database.db, t.clock.now(), 'K7MX')).id, captcha: 'k7mx' });

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

  it('locks only the (account, address) pair: one answer for unknown, wrong and locked; the owner signs in elsewhere with the captcha', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    const other = await makeUser(t.database.db, 'platform', ['system-admin']);
    // Three attacker addresses, each brought to 5 failures: X on u (its pair locks), Y on unknown names, Z on `other`.
    const [X, Y, Z] = [testAddress(), testAddress(), testAddress()];
    const fail5 = async (ip: string, name: (i: number) => string) => {
      for (let i = 0; i < 5; i++) {
        const captcha = i >= 3 ? await solved() : {};
        expect((await login(name(i), 'Wrong-pass-1', 'zh-CN', ip, captcha)).json().error.code).toBe('BAD_CREDENTIALS');
      }
    };
    await Promise.all([fail5(X as string, () => u.username), fail5(Y as string, (i) => `nobody-${i}`), fail5(Z as string, () => other.username)]);
    // The sixth attempt from each: the right password on the locked pair, an unknown name, a wrong password.
    const timed = async (name: string, password: string, ip: string) => {
      const captcha = await solved();
      const t0 = performance.now();
      const res = await login(name, password, 'en-US', ip, captcha);
      return { res, ms: performance.now() - t0 };
    };
    const locked = await timed(u.username, TEST_PASSWORD, X as string);
    const unknown = await timed('nobody-6', TEST_PASSWORD, Y as string);
    const wrong = await timed(other.username, 'Wrong-pass-1', Z as string);
    for (const r of [locked, unknown, wrong]) expect(r.res.statusCode).toBe(401);
    expect(unknown.res.json()).toEqual(locked.res.json());
    expect(wrong.res.json()).toEqual(locked.res.json());
    expect(locked.res.json().error).toMatchObject({ code: 'BAD_CREDENTIALS', message: 'Wrong username or password', extra: { captcha: true } });
    const ms = [locked.ms, unknown.ms, wrong.ms];
    expect(Math.min(...ms)).toBeGreaterThan(900); // the address's progressive delay (6th failure: 1 s)
    expect(Math.max(...ms) - Math.min(...ms)).toBeLessThan(400);
    // The owner, from another address: the account needs the captcha, then signs in.
    const home = testAddress();
    const noCaptcha = await login(u.username, TEST_PASSWORD, 'zh-CN', home);
    expect(noCaptcha.statusCode).toBe(401);
    expect(noCaptcha.json().error).toMatchObject({ code: 'CAPTCHA_REQUIRED', message: '请输入图形验证码后再登录', extra: { captcha: true } });
    expect((await login(u.username, TEST_PASSWORD, 'zh-CN', home, await solved())).statusCode).toBe(200);
    // The attacker's address stays locked for this account until the lockout ends, then may try again.
    expect((await login(u.username, TEST_PASSWORD, 'zh-CN', X as string, await solved())).json().error.code).toBe('BAD_CREDENTIALS');
    t.clock.advanceMinutes(16);
    expect((await login(u.username, TEST_PASSWORD, 'zh-CN', X as string)).statusCode).toBe(200);
  });

  it('the captcha is an SVG drawn by the server, one use, expiring; a wrong one is refused without trying the password', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    const ip = testAddress();
    for (let i = 0; i < 3; i++) await login(u.username, 'Wrong-pass-1', 'zh-CN', ip);
    const res = await t.app.inject({ url: '/api/auth/captcha' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { id, image } = res.json();
    expect(image).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(image.split(',')[1], 'base64').toString()).toMatch(/^<svg[^>]*>.*<path/);
    const [row] = await t.database.db.select().from(loginCaptcha).where(eq(loginCaptcha.id, id));
    expect(row?.answerHash).toMatch(/^[0-9a-f]{64}$/);
    const bad = await login(u.username, TEST_PASSWORD, 'en-US', ip, { captchaId: id, captcha: 'XXXX' });
    expect(bad.json().error).toMatchObject({ code: 'CAPTCHA_INVALID', message: expect.stringMatching(/image code/) });
    const good = await solved();
    expect((await login(u.username, TEST_PASSWORD, 'zh-CN', ip, good)).statusCode).toBe(200);
    expect((await login(u.username, TEST_PASSWORD, 'zh-CN', ip, good)).json().error.code).toBe('CAPTCHA_INVALID'); // used once
    const late = await solved();
    t.clock.advanceMinutes(4); // the address still needs a captcha (15-minute window); this one has expired
    expect((await login(u.username, TEST_PASSWORD, 'zh-CN', ip, late)).json().error.code).toBe('CAPTCHA_INVALID');
  });

  it('successful sign-ins are never counted, slowed or asked for a captcha', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    const addr = testAddress();
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      expect((await login(u.username, TEST_PASSWORD, 'zh-CN', addr)).statusCode).toBe(200);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
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
      const remoteAddress = testAddress();
      for (let i = 0; i < 5; i++)
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' }, remoteAddress })).statusCode);
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
    // The creator does not choose the first password (it would sign in first and keep the account).
    const chosen = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: 'chosenpw1', displayName: '甲', kind: 'government', departmentId: dept.id, password: 'Good-Pass-2021' },
    });
    expect(chosen.statusCode).toBe(400);
    expect(chosen.json().error.details).toMatchObject([{ field: 'password', message: expect.stringMatching(/^密码：三权分立/) }]);
    const name = `newuser${Date.now()}`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { username: name, displayName: '新用户', kind: 'government', departmentId: dept.id },
    });
    expect(created.statusCode).toBe(200);
    const { id, halfA } = created.json();
    expect(halfA).toMatch(/^[A-Za-z2-9]{8}$/);
    expect((await login(name, halfA)).statusCode).toBe(401);
    // The security admin releases half B; the two halves together sign in, into a forced change.
    const sec = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['security-admin'])).username);
    const released = await t.app.inject({ method: 'POST', url: `/api/users/${id}/reset-password/release`, headers: sec });
    expect(released.statusCode).toBe(200);
    const first = await login(name, halfA + released.json().halfB);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
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
    expect((await t.app.inject({ method: 'PUT', url: `/api/users/${target.id}/roles`, headers: sec, payload: { roles: ['nope'] } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PUT', url: `/api/users/${target.id}/roles`, headers: sec, payload: { roles: ['audit-admin'] } })).statusCode).toBe(
      200,
    );
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

describe('三权分立 holds against every account', () => {
  const post = (url: string, headers: Record<string, string>, payload?: object) => t.app.inject({ method: 'POST', url, headers, payload });
  const put = (url: string, headers: Record<string, string>, payload: object) => t.app.inject({ method: 'PUT', url, headers, payload });

  it('no administrator resets, disables, enables, unlocks or re-roles a duty account (a peer, the same duty, or itself)', async () => {
    const sys = await makeUser(t.database.db, 'platform', ['system-admin']);
    const sys2 = await makeUser(t.database.db, 'platform', ['system-admin']);
    const sec = await makeUser(t.database.db, 'platform', ['security-admin']);
    const sec2 = await makeUser(t.database.db, 'platform', ['security-admin']);
    const aud = await makeUser(t.database.db, 'platform', ['audit-admin']);
    const hs = await loginAs(t.app, sys.username);
    const hsec = await loginAs(t.app, sec.username);
    // Its own account: OWN_ACCOUNT; any other duty account: ADMIN_ACCOUNT (both 403, messages say 三权分立).
    const refused = async (res: Awaited<ReturnType<typeof post>>, own: boolean) => {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe(own ? 'OWN_ACCOUNT' : 'ADMIN_ACCOUNT');
      expect(res.json().error.message).toMatch(/^三权分立：/);
    };
    for (const target of [sys, sys2, sec, aud]) {
      await refused(await post(`/api/users/${target.id}/reset-password`, hs), target === sys);
      await refused(await post(`/api/users/${target.id}/disable`, hs), target === sys);
      await refused(await post(`/api/users/${target.id}/enable`, hs), target === sys);
    }
    for (const target of [sys, sec2, aud, sec]) {
      await refused(await put(`/api/users/${target.id}/roles`, hsec, { roles: [] }), target === sec);
      await refused(await post(`/api/users/${target.id}/unlock`, hsec), target === sec);
      await refused(await post(`/api/users/${target.id}/reset-password/release`, hsec), target === sec);
    }
    // Nothing changed: every duty account still signs in with its own password and holds its duty.
    for (const u of [sys2, sec2, aud]) expect((await login(u.username, TEST_PASSWORD, 'zh-CN', testAddress())).json().user.roles).toHaveLength(1);
    // The user list offers exactly what the policy allows.
    const list = (await t.app.inject({ url: `/api/users?pageSize=200&q=${sec2.username}`, headers: hs })).json().items;
    expect(list[0].abilities).toEqual({ disable: false, enable: false, resetPassword: false, releasePassword: false, unlock: false, setRoles: false });
  });

  it('the security admin still grants a duty to a new platform account and roles to business accounts', async () => {
    const sec = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['security-admin'])).username);
    const fresh = await makeUser(t.database.db, 'platform', []);
    const r = await makeCity(t.database.db);
    const dept = await makeDepartment(t.database.db, r.countyA, 'government');
    const biz = await makeUser(t.database.db, 'government', ['regulator'], { departmentId: dept.id });
    expect((await put(`/api/users/${fresh.id}/roles`, sec, { roles: ['system-admin'] })).statusCode).toBe(200);
    expect((await put(`/api/users/${biz.id}/roles`, sec, { roles: ['regulator-admin'] })).statusCode).toBe(200);
  });

  it('roles fit the kind of account: no regulator role on an enterprise account, no enterprise role on a government one', async () => {
    const sec = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['security-admin'])).username);
    const r = await makeCity(t.database.db);
    const dept = await makeDepartment(t.database.db, r.countyA, 'government');
    const gov = await makeUser(t.database.db, 'government', [], { departmentId: dept.id });
    const ent = await makeUser(t.database.db, 'enterprise', ['enterprise-worker']);
    for (const [u, roles] of [
      [ent, ['regulator-admin']],
      [ent, ['enterprise-manager', 'regulator']],
      [ent, ['group-manager']],
      [gov, ['enterprise-manager']],
    ] as const) {
      const res = await put(`/api/users/${u.id}/roles`, { ...sec, 'accept-language': 'en-US' }, { roles });
      expect(res.statusCode, roles.join()).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ field: 'roles', message: expect.stringContaining('does not fit') });
    }
    const zh = await put(`/api/users/${ent.id}/roles`, sec, { roles: ['regulator-admin'] });
    expect(zh.json().error.details[0].message).toMatch(/角色「regulator-admin」不适用于该类账号/);
    // Nothing changed; the fitting roles are still granted.
    expect((await t.app.inject({ url: `/api/users?q=${ent.username}`, headers: sec })).json().items[0].roles).toEqual(['enterprise-worker']);
    expect((await put(`/api/users/${ent.id}/roles`, sec, { roles: ['enterprise-manager'] })).statusCode).toBe(200);
    expect((await put(`/api/users/${gov.id}/roles`, sec, { roles: ['regulator'] })).statusCode).toBe(200);
  });

  it('every built-in role names the kinds of account it fits', () => {
    for (const r of BUILTIN_ROLES) expect(ROLE_ACCOUNT_KINDS[r.key], r.key).toBeDefined();
  });

  it('a reset is split between two people: the system admin gets half A, the security admin half B; neither signs in alone', async () => {
    // Failed sign-ins of the account bring the captcha (0005): every attempt here answers one.
    const signIn = async (username: string, password: string) => login(username, password, 'zh-CN', testAddress(), await solved());
    const bearer = (res: Awaited<ReturnType<typeof login>>) => ({ authorization: `Bearer ${res.json().token}` });
    const sysUser = await makeUser(t.database.db, 'platform', ['system-admin']);
    const secUser = await makeUser(t.database.db, 'platform', ['security-admin']);
    const sys = await loginAs(t.app, sysUser.username);
    const sec = await loginAs(t.app, secUser.username);
    const r = await makeCity(t.database.db);
    const dept = await makeDepartment(t.database.db, r.city, 'government');
    const city = await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: dept.id });
    const before = await loginAs(t.app, city.username);
    expect((await t.app.inject({ url: '/api/enterprises', headers: before })).statusCode).toBe(200);
    await refusedSelf(sys, sysUser.id);
    // The old body that chose the password is refused, naming the field, and changes nothing.
    const chosen = await post(`/api/users/${city.id}/reset-password`, { ...sys, 'accept-language': 'en-US' }, { newPassword: 'Temp-Pass-2021!' });
    expect(chosen.statusCode).toBe(400);
    expect(chosen.json().error.details[0]).toMatchObject({ field: 'newPassword', message: expect.stringMatching(/no administrator chooses/) });
    expect((await signIn(city.username, 'Temp-Pass-2021!')).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: before })).statusCode).toBe(200);
    // No reset waits yet: nothing to release.
    const early = await post(`/api/users/${city.id}/reset-password/release`, sec);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NO_PASSWORD_RESET_PENDING');
    // The system admin's reset: half A; the old password and every session end at once.
    const reset = await post(`/api/users/${city.id}/reset-password`, sys);
    expect(reset.statusCode).toBe(200);
    const { halfA } = reset.json();
    expect(halfA).toMatch(/^[A-Za-z2-9]{8}$/);
    expect((await t.app.inject({ url: '/api/auth/me', headers: before })).statusCode).toBe(401);
    expect((await signIn(city.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(city.username, halfA)).statusCode).toBe(401);
    const pending = (await t.app.inject({ url: `/api/users?q=${city.username}`, headers: sec })).json().items[0];
    expect(pending).toMatchObject({ resetPending: true, abilities: { releasePassword: true } });
    // The system admin cannot release half B (403: security.manage), and nothing was released.
    expect((await post(`/api/users/${city.id}/reset-password/release`, sys)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/users?q=${city.username}`, headers: sys })).json().items[0]).toMatchObject({
      resetPending: true,
      abilities: { releasePassword: false },
    });
    // Nothing stored holds a half in clear.
    const [row] = await t.database.db.select().from(appUser).where(eq(appUser.id, city.id));
    expect(row?.passwordHash).not.toContain(halfA);
    const released = await post(`/api/users/${city.id}/reset-password/release`, sec);
    expect(released.statusCode).toBe(200);
    const { halfB } = released.json();
    expect(halfB).toMatch(/^[A-Za-z2-9]{8}$/);
    const [after] = await t.database.db.select().from(appUser).where(eq(appUser.id, city.id));
    expect(after?.passwordHash).not.toContain(halfA);
    expect(after?.passwordHash).not.toContain(halfB);
    // Released once: a second release is refused; each half alone, or in the wrong order, does not sign in.
    expect((await post(`/api/users/${city.id}/reset-password/release`, sec)).statusCode).toBe(409);
    for (const wrong of [halfA, halfB, halfB + halfA]) expect((await signIn(city.username, wrong)).statusCode, wrong).toBe(401);
    const temporary = halfA + halfB;
    const asUser = bearer(await signIn(city.username, temporary));
    const me = await t.app.inject({ url: '/api/auth/me', headers: asUser });
    expect(me.json().user.mustChangePassword).toBe(true);
    for (const [method, url] of [
      ['GET', '/api/enterprises'],
      ['GET', '/api/notifications'],
      ['GET', '/api/events'],
      ['GET', `/api/users`],
      ['POST', '/api/enterprises'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { ...asUser, 'accept-language': 'en-US' } });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringMatching(/^Change your password first/) });
    }
    const zh = await t.app.inject({ url: '/api/enterprises', headers: asUser });
    expect(zh.json().error.message).toMatch(/^请先修改密码/);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: asUser, payload: { locale: 'zh-CN' } })).statusCode).toBe(200);
    // A second session with the temporary password, then the change from the first: only the changing session survives.
    const second = bearer(await signIn(city.username, temporary));
    const changed = await post('/api/auth/password', asUser, { currentPassword: temporary, newPassword: 'Own-Pass-2022!' });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: second })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/enterprises', headers: asUser })).statusCode).toBe(200);
    expect((await signIn(city.username, temporary)).statusCode).toBe(401);
    // Audited, and the user and the security administrators were told of the reset, the release and the change.
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, city.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.passwordReset', 'user.passwordReleased', 'user.passwordChanged']));
    expect(audit.find((a) => a.action === 'user.passwordReleased')).toMatchObject({ actorId: secUser.id, after: { half: 'B', resetBy: sysUser.id } });
    expect(audit.find((a) => a.action === 'user.passwordChanged')?.after).toEqual({ forced: true });
    const told = await t.database.db.select().from(notification).where(eq(notification.entityId, city.id));
    const kinds = (userId: string) => told.filter((n) => n.userId === userId).map((n) => n.kind);
    const expected = ['user.password.forcedChange', 'user.password.released', 'user.password.reset'];
    expect(kinds(city.id).sort()).toEqual(expected);
    expect(kinds(secUser.id).sort()).toEqual(expected);
    expect(told.find((n) => n.kind === 'user.password.reset')?.body).toMatch(/请分别从系统管理员和安全管理员处获取两段临时密码，合并后登录并立即修改/);
  });

  it('whoever drew half A never draws half B, whatever permissions they hold (policy, defence in depth)', () => {
    const actor = { ...systemActor('both'), id: 'a1', scope: { kind: 'platform' as const }, permissions: new Set(['user.manage', 'security.manage'] as const) };
    const target = { id: 'u1', duty: null, resetPendingBy: 'a1' };
    expect(accountPolicy.check(actor, target, 'releasePassword')).toBe('PASSWORD_HALVES_ONE_PERSON');
    expect(accountPolicy.check({ ...actor, id: 'a2' }, target, 'releasePassword')).toBeNull();
    expect(accountPolicy.check({ ...actor, id: 'a2' }, { ...target, resetPendingBy: null }, 'releasePassword')).toBe('NO_PASSWORD_RESET_PENDING');
    // Choosing a whole password is the host operator's alone.
    expect(accountPolicy.check(actor, target, 'setPassword')).toBe('FORBIDDEN');
    expect(accountPolicy.check(systemActor('cli'), target, 'setPassword')).toBeNull();
  });

  it("changing one's own password ends every other session of the user", async () => {
    const u = await makeUser(t.database.db, 'platform', ['audit-admin']);
    const a = await loginAs(t.app, u.username);
    const b = await loginAs(t.app, u.username);
    expect((await post('/api/auth/password', a, { currentPassword: TEST_PASSWORD, newPassword: 'Next-Pass-2022!' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: b })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/auth/me', headers: a })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/audit', headers: a })).statusCode).toBe(200);
  });

  async function refusedSelf(headers: Record<string, string>, selfId: string) {
    const res = await post(`/api/users/${selfId}/reset-password`, headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OWN_ACCOUNT');
  }
});

describe('HSTS', () => {
  it('is sent on every HTTPS response in auto (x-forwarded-proto counts only behind a trusted proxy), never on plain HTTP', async () => {
    const proxied = await getTestServer({ env: { TAIHANG_TRUST_PROXY: 'on' } });
    try {
      for (const url of ['/api/health', '/api/auth/me', '/api/nope']) {
        const https = await proxied.app.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
        expect(https.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
        expect((await proxied.app.inject({ url })).headers['strict-transport-security'], url).toBeUndefined();
        expect((await proxied.app.inject({ url, headers: { 'x-forwarded-proto': 'http' } })).headers['strict-transport-security']).toBeUndefined();
      }
    } finally {
      await proxied.close();
    }
    // Without a trusted proxy a client's header proves nothing.
    expect((await t.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    const off = await getTestServer({ env: { TAIHANG_TRUST_PROXY: 'on', TAIHANG_SECURE_COOKIES: 'off' } });
    try {
      expect((await off.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await off.close();
    }
  }, 120_000);
});
