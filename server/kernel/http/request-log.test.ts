import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { loggableUrl } from './request-log.js';

/** Issue 11 item 7: one JSON line per request, with who and how it went, and never a secret. */

let t: TestServer;
const lines: string[] = [];
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  t = await getTestServer({ logStream: { write: (line: string) => void lines.push(line) } });
});
afterAll(() => t?.close());

describe('request log', () => {
  it('a sign-in and a call are JSON lines with request id, user, method, URL, status and duration; no password or token', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    lines.length = 0;
    const h = await loginAs(t.app, u.username);
    const token = h.authorization?.slice(7) as string;
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'Wrong-Secret-123' } });
    expect(wrong.statusCode).toBe(401);
    const me = await t.app.inject({ url: '/api/auth/me?lang=en-US&token=abc123secret', headers: h });
    expect(me.statusCode).toBe(200);

    const entries = logged().filter((e) => e.msg === 'request');
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      expect(e).toMatchObject({ level: 30, method: expect.any(String), url: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) });
      expect(e.reqId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(entries[0]).toMatchObject({ method: 'POST', url: '/api/auth/login', status: 200, userId: null });
    expect(entries[1]).toMatchObject({ status: 401 });
    expect(entries[2]).toMatchObject({ method: 'GET', url: '/api/auth/me?lang=en-US&token=[redacted]', status: 200, userId: u.id });
    expect(entries[2]?.reqId).toBe(me.headers['x-request-id']);

    const all = lines.join('\n');
    for (const secret of [TEST_PASSWORD, 'Wrong-Secret-123', token, 'abc123secret']) expect(all).not.toContain(secret);
  });

  it('a 500 is logged at error level with its error', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    const h = await loginAs(t.app, u.username);
    const resolve = t.deps.resolveUnit;
    t.deps.resolveUnit = async () => {
      throw new Error('unit lookup exploded');
    };
    lines.length = 0;
    try {
      const res = await t.app.inject({ url: '/api/auth/me', headers: h });
      expect(res.statusCode).toBe(500);
    } finally {
      t.deps.resolveUnit = resolve;
    }
    const failed = logged().find((e) => e.msg === 'unhandled error') as { level: number; err: { message: string; stack: string } } | undefined;
    expect(failed?.level).toBe(50);
    expect(failed?.err.message).toBe('unit lookup exploded');
    expect(failed?.err.stack).toContain('request-log.test.ts');
    expect(logged().find((e) => e.msg === 'request failed')).toMatchObject({ level: 50, status: 500 });
  });

  it('masks secrets in query strings only', () => {
    expect(loggableUrl('/api/x?password=a&captchaAnswer=1234&q=b&api_key=k')).toBe(
      '/api/x?password=[redacted]&captchaAnswer=[redacted]&q=b&api_key=[redacted]',
    );
    expect(loggableUrl('/api/enterprises/abc')).toBe('/api/enterprises/abc');
  });
});
