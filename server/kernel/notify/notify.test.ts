import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer, withTestContext } from '../../test/harness.js';
import { notification } from '../kernel.schema.js';
import type { OutboundMessage } from './notify.js';

let t: TestServer;
const delivered: OutboundMessage[] = [];
beforeAll(async () => {
  t = await getTestServer({ work: true, channels: [{ name: 'capture', deliver: async (m) => void delivered.push(m) }] });
});
afterAll(() => t.close());

async function waitFor(cond: () => boolean, ms = 15_000) {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('notifications', () => {
  it('land in the inbox, are delivered to channels by a job after commit, and record read receipts', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    await withTestContext(t.deps, (ctx) => ctx.notify.send({ userIds: [u.id], kind: 'test', title: '重大隐患双报告', body: '请查阅', link: '/hazards/1' }));
    await waitFor(() => delivered.some((d) => d.userId === u.id));
    const h = await loginAs(t.app, u.username);
    expect((await t.app.inject({ url: '/api/notifications/unread-count', headers: h })).json()).toEqual({ count: 1 });
    const list = (await t.app.inject({ url: '/api/notifications', headers: h })).json();
    expect(list.items[0]).toMatchObject({ title: '重大隐患双报告', readAt: null });
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${list.items[0].id}/read`, headers: h })).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(notification).where(eq(notification.id, list.items[0].id));
    expect(row?.readAt).toBeInstanceOf(Date);
    expect((await t.app.inject({ url: '/api/notifications/unread-count', headers: h })).json()).toEqual({ count: 0 });
  });

  it('a rolled-back change leaves neither the notification nor its job', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    await withTestContext(t.deps, async (ctx) => {
      await ctx.notify.send({ userIds: [u.id], kind: 'test', title: 'x', body: 'y' });
      throw new Error('crash mid-write');
    }).catch(() => {});
    await new Promise((r) => setTimeout(r, 2500));
    expect(delivered.some((d) => d.userId === u.id)).toBe(false);
    const rows = await t.database.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, u.id), isNull(notification.readAt)));
    expect(rows).toEqual([]);
  });

  it('one user cannot mark another user’s notification read (404)', async () => {
    const a = await makeUser(t.database.db, 'platform', ['system-admin']);
    const b = await makeUser(t.database.db, 'platform', ['system-admin']);
    const [id] = await withTestContext(t.deps, (ctx) => ctx.notify.send({ userIds: [a.id], kind: 'test', title: 'x', body: 'y' }));
    const res = await t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: await loginAs(t.app, b.username) });
    expect(res.statusCode).toBe(404);
  });
});

describe('live events', () => {
  it('GET /api/events streams a notification event to its user when the change commits', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    const h = await loginAs(t.app, u.username);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const ctrl = new AbortController();
    const res = await fetch(`http://127.0.0.1:${address.port}/api/events`, { headers: h, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const read = async (until: string) => {
      const t0 = Date.now();
      while (!text.includes(until) && Date.now() - t0 < 10_000) text += new TextDecoder().decode((await reader.read()).value);
    };
    await read('event: ready');
    await withTestContext(t.deps, (ctx) => ctx.notify.send({ userIds: [u.id], kind: 'test', title: '实时', body: 'x', entityType: 'task', entityId: 't1' }));
    await read('event: notification');
    expect(text).toContain('"entityId":"t1"');
    ctrl.abort();
    const anon = await fetch(`http://127.0.0.1:${address.port}/api/events`);
    expect(anon.status).toBe(401);
  });
});
