import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, both, notice } from '../../../common/i18n/notifications.js';
import { loginAs, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer, withTestContext } from '../../test/harness.js';
import { appUser, notification } from '../kernel.schema.js';
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
    await withTestContext(t.deps, (ctx) =>
      ctx.notify.send({ userIds: [u.id], kind: 'test', notice: notice('warning.updated', { headline: '重大隐患双报告' }), link: '/hazards/1' }),
    );
    await waitFor(() => delivered.some((d) => d.userId === u.id));
    const h = await loginAs(t.app, u.username);
    expect((await t.app.inject({ url: '/api/notifications/unread-count', headers: h })).json()).toEqual({ count: 1 });
    const list = (await t.app.inject({ url: '/api/notifications', headers: h })).json();
    expect(list.items[0]).toMatchObject({ title: '预警更新：重大隐患双报告', readAt: null });
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${list.items[0].id}/read`, headers: h })).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(notification).where(eq(notification.id, list.items[0].id));
    expect(row?.readAt).toBeInstanceOf(Date);
    expect((await t.app.inject({ url: '/api/notifications/unread-count', headers: h })).json()).toEqual({ count: 0 });
  });

  it('are stored as key and parameters and read in the reader’s language, times in Beijing time, names not codes', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    await t.database.db.update(appUser).set({ locale: 'en-US' }).where(eq(appUser.id, u.id));
    const text = notice('accident.late', {
      title: '某煤矿透水事故',
      recipient: both({ zh: '陵川县应急管理局', en: 'Lingchuan County Emergency Management Bureau' }),
      due: at('2026-12-07T19:10:00.000Z'),
    });
    await withTestContext(t.deps, (ctx) => ctx.notify.send({ userIds: [u.id], kind: 'accident.late', notice: text }));
    const h = await loginAs(t.app, u.username);
    const zh = (await t.app.inject({ url: '/api/notifications', headers: { ...h, 'accept-language': 'zh-CN' } })).json().items[0];
    expect(zh.title).toBe('事故报告逾期：某煤矿透水事故');
    expect(zh.body).toBe('报送「陵川县应急管理局」应于 2026-12-08 03:10 前完成，至今未确认接收（国务院令第493号第九至十一条）');
    const en = (await t.app.inject({ url: '/api/notifications', headers: { ...h, 'accept-language': 'en-US' } })).json().items[0];
    expect(en.title).toBe('Accident report overdue: 某煤矿透水事故');
    expect(en.body).toContain('The report to Lingchuan County Emergency Management Bureau was due by 2026-12-08 03:10');
    // Channels deliver in the recipient's own language (the user chose en-US).
    await waitFor(() => delivered.some((d) => d.userId === u.id));
    expect(delivered.find((d) => d.userId === u.id)?.title).toBe('Accident report overdue: 某煤矿透水事故');
    // The row keeps the zh-CN text too, for rows read without the catalogue.
    const [row] = await t.database.db.select().from(notification).where(eq(notification.userId, u.id));
    expect(row).toMatchObject({ textKey: 'accident.late', title: '事故报告逾期：某煤矿透水事故' });
  });

  it('a notification stored before text keys existed is shown with its stored text in every language', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    await t.database.db.insert(notification).values({ userId: u.id, kind: 'task', title: '督办交办：旧通知', body: '旧正文', createdAt: new Date() });
    const h = await loginAs(t.app, u.username);
    const en = (await t.app.inject({ url: '/api/notifications', headers: { ...h, 'accept-language': 'en-US' } })).json().items[0];
    expect(en).toMatchObject({ title: '督办交办：旧通知', body: '旧正文' });
  });

  it('a rolled-back change leaves neither the notification nor its job', async () => {
    const u = await makeUser(t.database.db, 'platform', ['system-admin']);
    await withTestContext(t.deps, async (ctx) => {
      await ctx.notify.send({ userIds: [u.id], kind: 'test', notice: notice('warning.updated', { headline: 'x' }) });
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
    const [id] = await withTestContext(t.deps, (ctx) =>
      ctx.notify.send({ userIds: [a.id], kind: 'test', notice: notice('warning.updated', { headline: 'x' }) }),
    );
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
    await withTestContext(t.deps, (ctx) =>
      ctx.notify.send({ userIds: [u.id], kind: 'test', notice: notice('warning.updated', { headline: '实时' }), entityType: 'task', entityId: 't1' }),
    );
    await read('event: notification');
    expect(text).toContain('"entityId":"t1"');
    ctrl.abort();
    const anon = await fetch(`http://127.0.0.1:${address.port}/api/events`);
    expect(anon.status).toBe(401);
  });
});
