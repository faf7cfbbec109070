import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentOwnerKinds } from '../../kernel/files/files.js';
import { assign, loginAs, makeCity, makeDepartment, makeEnterprise, makeUser, uploadFile } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

/**
 * Issue 11 item 5: an attachment is readable exactly by those who can read the object it is attached to; until
 * attached, only by its uploader. On the old code `energy` downloaded a 高平 chemical plant's hazard photo and an
 * enterprise downloaded the city's files, given their ids.
 */
let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const govA = await makeDepartment(db, r.countyA, 'government');
  const govB = await makeDepartment(db, r.countyB, 'government');
  // 能源局: the city's coal department; it supervises coal, not chemicals.
  const energy = await makeDepartment(db, r.city, 'industry', ['coal']);
  const chemA = await makeDepartment(db, r.countyA, 'industry', ['hazchem']);
  const plant = await makeEnterprise(db, r.townA, { industry: 'hazchem', name: '高平某化工有限公司' });
  const group = await makeEnterprise(db, r.townA, { industry: 'coal', isGroup: true });
  const mine = await makeEnterprise(db, r.townA, { industry: 'coal', groupId: group.id });
  await assign(db, plant.id, chemA.id);
  const u = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    city2: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    a: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    b: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id }),
    energy: await makeUser(db, 'industry', ['regulator'], { departmentId: energy.id }),
    chemA: await makeUser(db, 'industry', ['regulator'], { departmentId: chemA.id }),
    plant: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: plant.id }),
    mine: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: mine.id }),
    // A group manager sees its subsidiaries' records but holds no task.read: a task's file is not its to read.
    group: await makeUser(db, 'group', ['group-manager'], { enterpriseId: group.id }),
  };
  const h = {} as Record<keyof typeof u, Record<string, string>>;
  for (const [k, v] of Object.entries(u)) h[k as keyof typeof u] = await loginAs(s.app, v.username);
  return { r, govA, govB, plant, mine, h };
}

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
});
afterAll(() => t.close());

async function upload(h: Record<string, string>, name = '现场照片.png'): Promise<string> {
  const res = await uploadFile(t.app, h, name);
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

const download = async (id: string, h: Record<string, string>) => (await t.app.inject({ url: `/api/attachments/${id}`, headers: h })).statusCode;
const listOf = (kind: string, id: string, h: Record<string, string>) => t.app.inject({ url: `/api/attachments?ownerKind=${kind}&ownerId=${id}`, headers: h });
const post = (url: string, h: Record<string, string>, payload: object) => t.app.inject({ method: 'POST', url, headers: h, payload });

const HAZARD = {
  title: '液氯储罐区紧急切断阀未投用',
  description: '紧急切断阀处于手动旁路状态',
  location: '液氯罐区 V-101',
  source: 'selfInspection',
};

describe('attachments follow the object they are attached to', () => {
  it('every module that attaches files registers its reader', () => {
    expect(attachmentOwnerKinds()).toEqual(expect.arrayContaining(['accident', 'alarm', 'hazard', 'task']));
  });

  it('a chemical plant’s hazard photo: the plant and its regulators read it; 能源局, another county and another enterprise get 404', async () => {
    const photo = await upload(w.h.plant);
    const res = await post('/api/hazards', w.h.plant, { ...HAZARD, enterpriseId: w.plant.id, photos: [photo] });
    expect(res.statusCode).toBe(200);
    const hazardId = res.json().data.id;
    for (const k of ['plant', 'a', 'city', 'chemA'] as const) expect(await download(photo, w.h[k]), k).toBe(200);
    for (const k of ['energy', 'b', 'mine'] as const) expect(await download(photo, w.h[k]), k).toBe(404);
    // The meta form goes through the same rule.
    expect((await t.app.inject({ url: `/api/attachments/${photo}?meta=true`, headers: w.h.energy })).statusCode).toBe(404);
    // The object's list of attachments: the same rule.
    const list = await listOf('hazard', hazardId, w.h.a);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([photo]);
    expect((await listOf('hazard', hazardId, w.h.energy)).statusCode).toBe(404);
    expect((await listOf('hazard', hazardId, w.h.mine)).statusCode).toBe(404);
    expect((await listOf('nothing', hazardId, w.h.city)).statusCode).toBe(404);
  });

  it('someone else’s file cannot be attached to one’s own object to read it (400 names the field, nothing attached)', async () => {
    const photo = await upload(w.h.plant);
    await post('/api/hazards', w.h.plant, { ...HAZARD, enterpriseId: w.plant.id, photos: [photo] });
    const stolen = await post('/api/hazards', w.h.mine, { ...HAZARD, enterpriseId: w.mine.id, photos: [photo] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.details[0]).toMatchObject({ field: 'photos.0' });
    expect(await download(photo, w.h.mine)).toBe(404);
    // An unattached file of another user: the same refusal; it stays the uploader's alone.
    const loose = await upload(w.h.plant);
    const borrowed = await post('/api/hazards', w.h.mine, { ...HAZARD, enterpriseId: w.mine.id, photos: [loose] });
    expect(borrowed.statusCode).toBe(400);
    expect(await download(loose, w.h.mine)).toBe(404);
    expect(await download(loose, w.h.plant)).toBe(200);
  });

  it('a file not yet attached is its uploader’s alone, even for a colleague of the same unit', async () => {
    const f = await upload(w.h.city, '通知.png');
    expect(await download(f, w.h.city)).toBe(200);
    for (const k of ['city2', 'a', 'plant'] as const) expect(await download(f, w.h[k]), k).toBe(404);
  });

  it('a file of a task addressed to a subsidiary: the subsidiary reads it, its group (no task.read) does not', async () => {
    const f = await upload(w.h.city, '通知.png');
    const res = await post('/api/tasks', w.h.city, {
      title: '督办',
      content: '整改',
      source: 'meeting',
      complexity: 'general',
      lead: { enterpriseId: w.mine.id },
      attachments: [f],
    });
    expect(res.statusCode).toBe(200);
    expect(await download(f, w.h.mine)).toBe(200);
    expect((await t.app.inject({ url: `/api/tasks/${res.json().data.id}`, headers: w.h.group })).statusCode).toBe(403);
    expect(await download(f, w.h.group)).toBe(404);
    expect((await listOf('task', res.json().data.id, w.h.group)).statusCode).toBe(404);
  });

  it('the city’s task file: the assigned county reads it, another county and enterprises do not', async () => {
    const f = await upload(w.h.city, '方案.png');
    const res = await post('/api/tasks', w.h.city, {
      title: '开展汛前安全隐患排查',
      content: '全面排查',
      source: 'meeting',
      complexity: 'general',
      lead: { departmentId: w.govA.id },
      attachments: [f],
    });
    expect(res.statusCode).toBe(200);
    const task = res.json().data;
    for (const k of ['city', 'city2', 'a'] as const) expect(await download(f, w.h[k]), k).toBe(200);
    for (const k of ['b', 'plant', 'mine'] as const) expect(await download(f, w.h[k]), k).toBe(404);
    // The county's feedback evidence belongs to the task too: the city reads it.
    const ev = await upload(w.h.a, '落实情况.png');
    const step = await post(`/api/tasks/${task.id}/assignees/${task.assignees[0].id}/deploy`, w.h.a, { comment: '已部署', evidence: [ev] });
    expect(step.statusCode).toBe(200);
    expect(await download(ev, w.h.city)).toBe(200);
    expect(await download(ev, w.h.b)).toBe(404);
    expect(
      (await listOf('task', task.id, w.h.a))
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([f, ev].sort());
  });
});
