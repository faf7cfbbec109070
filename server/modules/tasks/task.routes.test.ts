import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, setClockAndSignIn, type TestServer } from '../../test/harness.js';
import { sweepTasks } from './index.js';

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const govA = await makeDepartment(db, r.countyA, 'government');
  const govB = await makeDepartment(db, r.countyB, 'government');
  const ent = await makeEnterprise(db, r.townA);
  const users = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    a: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    b: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id }),
    ent: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: ent.id }),
  };
  const h: Record<keyof typeof users, Record<string, string>> = { city: {}, a: {}, b: {}, ent: {} };
  return { r, cityGov, govA, govB, ent, users, h };
}

const at = (time: string) => setClockAndSignIn(t, time, w.users, w.h);

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
  await at('2021-03-01T09:00:00+08:00');
});
afterAll(() => t.close());

const step = (taskId: string, assigneeId: string, action: string, h: Record<string, string>, payload: Record<string, unknown> = { comment: '已部署落实' }) =>
  t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/assignees/${assigneeId}/${action}`, headers: h, payload });

describe('督办 tasks (13710)', () => {
  let taskId: string;
  let aId: string;
  let bId: string;

  it('400 names missing fields; a unit outside the issuer’s region is refused', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/tasks', headers: w.h.city, payload: { title: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining(['title', 'content', 'source', 'complexity', 'lead']),
    );
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: w.h.a,
      payload: { title: '跨县交办', content: '不应允许', source: 'meeting', complexity: 'general', lead: { departmentId: w.govB.id } },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('lead.departmentId');
  });

  it('the city issues a task to two counties with 1/3/7 due dates', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: w.h.city,
      payload: {
        title: '开展汛前安全隐患排查',
        content: '全面排查尾矿库、地质灾害隐患点',
        source: 'noticeItem',
        sourceRef: '晋市政发〔2021〕1号 第17条',
        complexity: 'general',
        lead: { departmentId: w.govA.id },
        cooperating: [{ departmentId: w.govB.id }],
      },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    taskId = d.id;
    expect(d.code).toMatch(/^DB-2021-\d{4}$/);
    const [a, b] = d.assignees;
    aId = a.id;
    bId = b.id;
    expect(a).toMatchObject({
      role: 'lead',
      status: 'received',
      deployDue: '2021-03-01T15:59:59.999Z',
      feedbackDue: '2021-03-04T15:59:59.999Z',
      resolveDue: '2021-03-08T15:59:59.999Z',
    });
    expect(b.role).toBe('cooperate');
  });

  it('scope: the enterprise sees nothing; county B cannot act for county A (403); wrong order is 409', async () => {
    expect((await t.app.inject({ url: `/api/tasks/${taskId}`, headers: w.h.ent })).statusCode).toBe(404);
    expect((await step(taskId, aId, 'deploy', w.h.b)).statusCode).toBe(403);
    expect((await step(taskId, aId, 'resolve', w.h.a)).statusCode).toBe(409);
    expect((await step(taskId, aId, 'accept', w.h.a)).statusCode).toBe(409);
  });

  it('every write on an assignee asks the gate: out of scope 404, the other side 403, an illegal step 409; nothing changes', async () => {
    const ext = (h: Record<string, string>, what: string, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/assignees/${aId}/${what}`, headers: h, payload });
    expect((await step(taskId, aId, 'deploy', w.h.ent)).statusCode).toBe(404);
    expect((await ext(w.h.ent, 'request-extension', { requestedDue: '2021-03-20', reason: '越权' })).statusCode).toBe(404);
    // Deciding needs task.issue, which an enterprise does not hold: the route's permission answers first.
    expect((await ext(w.h.ent, 'refuse-extension', {})).statusCode).toBe(403);
    // An assignee of another task is not loaded through this one.
    expect((await step(taskId, '00000000-0000-4000-8000-000000000000', 'deploy', w.h.a)).statusCode).toBe(404);
    expect((await ext(w.h.b, 'request-extension', { requestedDue: '2021-03-20', reason: '替他人申请' })).statusCode).toBe(403);
    expect((await ext(w.h.city, 'approve-extension', {})).statusCode).toBe(409);
    const a = (await t.app.inject({ url: `/api/tasks/${taskId}`, headers: w.h.city })).json().data.assignees[0];
    expect(a).toMatchObject({ id: aId, status: 'received', extensions: [] });
    expect(a.events.map((e: { action: string }) => e.action)).toEqual(['assign']);
    expect(a.abilities).toMatchObject({ deploy: false, accept: false, requestExtension: false, decideExtension: false });
  });

  it('county A deploys the same day and reports within 3 days', async () => {
    expect((await step(taskId, aId, 'deploy', w.h.a, { comment: '当日召开专题会议部署' })).statusCode).toBe(200);
    await at('2021-03-03T10:00:00+08:00');
    const fb = await step(taskId, aId, 'feedback', w.h.a, { comment: '已排查尾矿库 12 座', progress: 50 });
    expect(fb.json().data.assignees[0]).toMatchObject({ status: 'inProgress', state: 'onTrack' });
  });

  it('county B goes overdue: the sweep escalates reminder → warning → 通报 and the board shows it red', async () => {
    await at('2021-03-02T08:00:00+08:00');
    await sweepTasks(t.deps);
    await at('2021-03-03T09:00:00+08:00');
    await sweepTasks(t.deps);
    let d = (await t.app.inject({ url: `/api/tasks/${taskId}`, headers: w.h.city })).json().data;
    expect(d.assignees[1]).toMatchObject({ state: 'overdue', escalation: 2 });
    await at('2021-03-05T10:00:00+08:00');
    await sweepTasks(t.deps);
    d = (await t.app.inject({ url: `/api/tasks/${taskId}`, headers: w.h.city })).json().data;
    expect(d.assignees[1].escalation).toBe(3);
    expect(d.assignees[1].events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['escalate2', 'escalate3']));
    const overdueOnly = (await t.app.inject({ url: '/api/tasks?overdue=true&side=all', headers: w.h.city })).json();
    expect(overdueOnly.items.map((x: { id: string }) => x.id)).toContain(taskId);
    const board = (await t.app.inject({ url: '/api/tasks/board', headers: w.h.city })).json();
    const unitB = board.units.find((u: { unitName: string }) => u.unitName === w.govB.name);
    expect(unitB).toMatchObject({ open: 1, overdue: 1, noticed: 1 });
    const inbox = (await t.app.inject({ url: '/api/notifications?pageSize=50', headers: w.h.city })).json().items.map((n: { title: string }) => n.title);
    expect(inbox.some((x: string) => x.startsWith('督办逾期通报'))).toBe(true);
  });

  it('extension: asked by the assignee, approved by the issuer; a second pending request is refused', async () => {
    const req = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/assignees/${aId}/request-extension`,
      headers: w.h.a,
      payload: { requestedDue: '2021-03-15', reason: '部分隐患点需汛前专业评估' },
    });
    expect(req.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${taskId}/assignees/${aId}/request-extension`,
          headers: w.h.a,
          payload: { requestedDue: '2021-03-20', reason: '再次申请延期' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/assignees/${aId}/approve-extension`, headers: w.h.a, payload: {} })).statusCode,
    ).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/assignees/${aId}/approve-extension`,
      headers: w.h.city,
      payload: { comment: '同意' },
    });
    expect(ok.json().data.assignees[0].resolveDue).toBe('2021-03-15T15:59:59.999Z');
  });

  it('resolve → return → resolve → accept (销号); the task closes when every unit is closed', async () => {
    await step(taskId, aId, 'resolve', w.h.a, { comment: '隐患已全部整改' });
    const ret = await step(taskId, aId, 'return', w.h.city, { comment: '缺少整改照片' });
    expect(ret.json().data.assignees[0].status).toBe('inProgress');
    await step(taskId, aId, 'resolve', w.h.a, { comment: '已补充照片', evidence: [] });
    const acc = await step(taskId, aId, 'accept', w.h.city, { comment: '同意销号' });
    expect(acc.json().data.assignees[0].status).toBe('closed');
    expect(acc.json().data.status).toBe('open');
    await step(taskId, bId, 'deploy', w.h.b, { comment: '补部署' });
    await step(taskId, bId, 'resolve', w.h.b, { comment: '已落实' });
    const done = await step(taskId, bId, 'accept', w.h.city, { comment: '销号' });
    expect(done.json().data.status).toBe('closed');
  });

  it('statistics: on-time rates per unit and stage', async () => {
    const s = (await t.app.inject({ url: '/api/tasks/stats?from=2021-03-01&to=2021-03-31', headers: w.h.city })).json();
    const a = s.units.find((u: { unitName: string }) => u.unitName === w.govA.name);
    const b = s.units.find((u: { unitName: string }) => u.unitName === w.govB.name);
    // Both resolved on 03-05, before the original 03-08 due date; B deployed and reported late.
    expect(a).toMatchObject({ deployOnTimeRate: 100, feedbackOnTimeRate: 100, resolve7OnTimeRate: 100, extended: 1, closed: 1 });
    expect(b).toMatchObject({ deployOnTimeRate: 0, feedbackOnTimeRate: 0, resolve7OnTimeRate: 100, extended: 0 });
    const x = await t.app.inject({ url: '/api/tasks/stats/export?from=2021-03-01&to=2021-03-31', headers: w.h.city });
    expect(x.headers['content-type']).toContain('spreadsheetml');
  });
});
