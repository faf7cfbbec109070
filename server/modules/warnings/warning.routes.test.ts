import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundError } from '../../kernel/net/outbound.js';
import { Scope } from '../../kernel/scope/scope.js';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { validateCap } from './cap/cap-validate.js';
import { type Fetcher, fetchFeed } from './commands/feeds.js';
import { getFeed } from './warning.repository.js';

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

// A box around (112.9, 35.5); the enterprises are placed inside or outside it.
const RING = [
  [112.85, 35.45],
  [112.95, 35.45],
  [112.95, 35.55],
  [112.85, 35.55],
  [112.85, 35.45],
];

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const govA = await makeDepartment(db, r.countyA, 'government');
  const govB = await makeDepartment(db, r.countyB, 'government');
  const coal = await makeEnterprise(db, r.townA, { industry: 'coal', lng: 112.9, lat: 35.5, name: '甲县煤矿' });
  const chem = await makeEnterprise(db, r.townA, { industry: 'hazchem', lng: 112.93, lat: 35.52, name: '甲县化工' });
  const outside = await makeEnterprise(db, r.townA, { industry: 'construction', lng: 113.2, lat: 35.8, name: '甲县建筑' });
  const other = await makeEnterprise(db, r.townB, { industry: 'coal', lng: 112.9, lat: 35.5, name: '乙县煤矿' });
  const users = {
    gov: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    govB: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id }),
    coal: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: coal.id }),
    chem: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: chem.id }),
    outside: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: outside.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  for (const [k, u] of Object.entries(users)) h[k as keyof typeof users] = await loginAs(s.app, u.username);
  return { r, govA, coal, chem, outside, other, users, h };
}

const post = (url: string, h: Record<string, string>, payload: unknown) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string> = {}) => t.app.inject({ url, headers: h });

function issueBody(over: Record<string, unknown> = {}) {
  const now = t.clock.now();
  return {
    eventType: '暴雨',
    level: 'orange',
    description: '预计未来12小时累计降雨量60毫米以上',
    areaDesc: '甲县北部',
    expires: new Date(now.getTime() + 24 * 3600_000).toISOString(),
    polygons: [RING],
    ...over,
  };
}

function multipart(name: string, content: string) {
  const boundary = '----taihangwarn';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/xml\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const importFile = (h: Record<string, string>, name: string, content: string) => {
  const m = multipart(name, content);
  return t.app.inject({ method: 'POST', url: '/api/warnings/import', headers: { ...h, ...m.headers }, payload: m.payload });
};
const sample = (f: string) => readFileSync(new URL(`./cap/samples/${f}`, import.meta.url), 'utf8');

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
}, 60_000);
afterAll(() => t?.close());

describe('issue', () => {
  it('401 without a session, 403 for an enterprise, 400 for an open or short polygon or no area', async () => {
    expect((await post('/api/warnings', {}, issueBody())).statusCode).toBe(401);
    expect((await post('/api/warnings', w.h.coal, issueBody())).statusCode).toBe(403);
    const open = await post('/api/warnings', w.h.gov, issueBody({ polygons: [RING.slice(0, 4)] }));
    expect(open.statusCode).toBe(400);
    expect(open.json().error.details[0].field).toMatch(/^polygons\.0/);
    expect((await post('/api/warnings', w.h.gov, issueBody({ polygons: [[RING[0], RING[1], RING[0]]] }))).statusCode).toBe(400);
    const abroad = await post('/api/warnings', w.h.gov, issueBody({ polygons: [RING.map(([x, y]) => [(x as number) - 100, y])] }));
    expect(abroad.statusCode).toBe(400);
    expect((await post('/api/warnings', w.h.gov, issueBody({ polygons: [] }))).statusCode).toBe(400);
    // A region outside the issuer's subtree.
    expect((await post('/api/warnings', w.h.gov, issueBody({ polygons: [], regionCodes: [w.r.countyB.code] }))).statusCode).toBe(400);
  });

  let id: string;
  it('a heavy-rain warning reaches the enterprises in its polygon within the issuer scope, with notifications', async () => {
    const preview = await post('/api/warnings/preview', w.h.gov, { polygons: [RING] });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().count).toBe(2);

    const res = await post('/api/warnings', w.h.gov, issueBody());
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    id = d.id;
    expect(d.identifier).toMatch(/^\d{14}_\d{14}_0$/);
    expect(d.identifier.slice(0, 6)).toBe(w.r.countyA.code.slice(0, 6));
    expect(d.severity).toBe('Severe');
    const names = d.targets.map((x: { enterpriseName: string }) => x.enterpriseName).sort();
    expect(names).toEqual(['甲县化工', '甲县煤矿']); // not the one outside, not the other county's
    const coalT = d.targets.find((x: { enterpriseName: string }) => x.enterpriseName === '甲县煤矿');
    expect(coalT.matchedBecause).toEqual(['polygon', 'mine']);
    expect(coalT.taskText).toMatch(/三查三避让/);
    expect(res.json().abilities).toMatchObject({ update: true, cancel: true, confirm: false });
    // The emitted CAP validates against the OASIS schema.
    expect((await validateCap(d.capXml)).valid).toBe(true);
    expect(d.capXml).toContain('<value>橙色</value>');
    // The enterprise's inbox has the task.
    const inbox = await get('/api/notifications', w.h.coal);
    expect(JSON.stringify(inbox.json())).toContain('预警任务');
  });

  it('enterprises see only warnings that target them; other counties see nothing', async () => {
    expect((await get(`/api/warnings/${id}`, w.h.outside)).statusCode).toBe(404);
    expect((await get(`/api/warnings/${id}`, w.h.govB)).statusCode).toBe(404);
    const list = await get('/api/warnings?active=true', w.h.coal);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await get('/api/warnings', w.h.outside)).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    const mine = (await get(`/api/warnings/${id}`, w.h.coal)).json();
    expect(mine.data.targets).toHaveLength(1);
    expect(mine.abilities.confirm).toBe(true);
    expect(mine.abilities.cancel).toBe(false);
  });

  it('签收 with feedback: the issuer sees who has confirmed; twice is 409; another enterprise’s target is 404', async () => {
    const mine = (await get(`/api/warnings/${id}`, w.h.coal)).json().data;
    expect((await post(`/api/warnings/${id}/targets/${mine.myTargetId}/confirm`, w.h.coal, { feedback: '' })).statusCode).toBe(400);
    expect((await post(`/api/warnings/${id}/targets/${mine.myTargetId}/confirm`, w.h.chem, { feedback: '已落实' })).statusCode).toBe(404);
    const ok = await post(`/api/warnings/${id}/targets/${mine.myTargetId}/confirm`, w.h.coal, { feedback: '三查三避让已完成' });
    expect(ok.statusCode).toBe(200);
    expect((await post(`/api/warnings/${id}/targets/${mine.myTargetId}/confirm`, w.h.coal, { feedback: '再次' })).statusCode).toBe(409);
    const d = (await get(`/api/warnings/${id}`, w.h.gov)).json().data;
    expect(d.targets.find((x: { status: string }) => x.status === 'confirmed').feedback).toBe('三查三避让已完成');
    expect(d.confirmed).toBe(1);
    expect(d.targets).toHaveLength(2);
    const row = (await get('/api/warnings?active=true', w.h.gov)).json().items.find((x: { id: string }) => x.id === id);
    expect(row).toMatchObject({ targets: 2, confirmed: 1, level: 'orange' });
  });

  it('update: a CAP Update referencing the Alert; the new area reaches the outside enterprise; still valid', async () => {
    const big = [
      [112.8, 35.4],
      [113.3, 35.4],
      [113.3, 35.9],
      [112.8, 35.9],
      [112.8, 35.4],
    ];
    const before = (await get(`/api/warnings/${id}`, w.h.gov)).json().data;
    t.clock.advance(60_000);
    const res = await post(`/api/warnings/${id}/update`, w.h.gov, issueBody({ level: 'red', polygons: [big] }));
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    expect(d.msgType).toBe('Update');
    expect(d.identifier).not.toBe(before.identifier);
    expect(d.references).toBe(`${before.sender},${before.identifier},${before.sent}`);
    expect(d.targets).toHaveLength(3);
    expect(d.targets.find((x: { enterpriseName: string }) => x.enterpriseName === '甲县煤矿').status).toBe('confirmed');
    expect((await validateCap(d.capXml)).valid).toBe(true);
  });

  it('public Atom feed and CAP endpoints list active public warnings without a session', async () => {
    const feed = await get('/api/warnings/feed.atom');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/atom\+xml/);
    expect(feed.body).toContain(`/api/warnings/${id}/cap.xml`);
    const cap = await get(`/api/warnings/${id}/cap.xml`);
    expect(cap.statusCode).toBe(200);
    expect((await validateCap(cap.body)).valid).toBe(true);
    const all = await get('/api/warnings/active.xml');
    expect(all.body).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    const restricted = await post('/api/warnings', w.h.gov, issueBody({ capScope: 'Restricted' }));
    expect((await get(`/api/warnings/${restricted.json().data.id}/cap.xml`)).statusCode).toBe(404);
    expect((await get('/api/warnings/feed.atom')).body).not.toContain(restricted.json().data.id);
  });

  it('the Atom feed never builds links from the Host header: relative links unless TAIHANG_PUBLIC_URL is set', async () => {
    const own = (await post('/api/warnings', w.h.gov, issueBody())).json().data.id;
    const forged = await get('/api/warnings/feed.atom', { host: 'evil.example', 'x-forwarded-host': 'evil.example' });
    expect(forged.statusCode).toBe(200);
    expect(forged.body).not.toContain('evil.example');
    expect(forged.body).toContain(`href="/api/warnings/${own}/cap.xml"`);
    expect(forged.body).toContain('rel="self" type="application/atom+xml" href="/api/warnings/feed.atom"');
    const pub = await getTestServer({ env: { TAIHANG_PUBLIC_URL: 'https://aq.example.gov.cn/' } });
    try {
      const body = (await pub.app.inject({ url: '/api/warnings/feed.atom', headers: { host: 'evil.example' } })).body;
      expect(body).toContain('href="https://aq.example.gov.cn/api/warnings/feed.atom"');
      expect(body).not.toContain('evil.example');
    } finally {
      await pub.close();
    }
  });

  it('cancel: a CAP Cancel; cancelling again is 409; the feed drops it', async () => {
    expect((await post(`/api/warnings/${id}/cancel`, w.h.govB, { reason: 'x' })).statusCode).toBe(404);
    const res = await post(`/api/warnings/${id}/cancel`, w.h.gov, { reason: '降雨减弱' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ state: 'cancelled', msgType: 'Cancel' });
    expect(res.json().data.references.split(' ')).toHaveLength(2);
    expect((await validateCap(res.json().data.capXml)).valid).toBe(true);
    const again = await post(`/api/warnings/${id}/cancel`, w.h.gov, { reason: '降雨减弱' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已解除');
    expect((await get('/api/warnings/feed.atom')).body).not.toContain(`/api/warnings/${id}/`);
  });

  it('region codes reach every enterprise under the region path', async () => {
    const res = await post('/api/warnings', w.h.gov, issueBody({ polygons: [], regionCodes: [w.r.townA.code], eventType: '地质灾害' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().data.targets).toHaveLength(3);
    expect(res.json().data.targets[0].matchedBecause[0]).toBe('region');
  });
});

describe('identifiers', () => {
  it('two warnings of one unit in one second get N = 0 and 1 (GB/T 35965.1 Annex A)', async () => {
    const saved = t.clock.now();
    t.clock.set('2021-08-01T00:00:00.000Z');
    w.h.gov = await loginAs(t.app, w.users.gov.username);
    const a = (await post('/api/warnings', w.h.gov, issueBody())).json().data.identifier;
    const b = (await post('/api/warnings', w.h.gov, issueBody())).json().data.identifier;
    expect(a).toMatch(/_20210801080000_0$/);
    expect(b).toMatch(/_20210801080000_1$/);
    t.clock.set(saved);
    w.h.gov = await loginAs(t.app, w.users.gov.username);
  });
});

describe('import', () => {
  it('401/403 and a missing file is 400', async () => {
    expect((await importFile({}, 'a.xml', sample('sample-sc-valid.xml'))).statusCode).toBe(401);
    expect((await importFile(w.h.coal, 'a.xml', sample('sample-sc-valid.xml'))).statusCode).toBe(403);
    expect((await post('/api/warnings/import', w.h.gov, {})).statusCode).toBe(400);
  });

  it.each(['sample-sc-invalid_schema.xml', 'sample-tg-invalid_schema.xml'])('%s: 400 with the schema reason, nothing stored', async (f) => {
    const before = (await get('/api/warnings?source=imported', w.h.gov)).json().total;
    const res = await importFile(w.h.gov, f, sample(f));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CAP_INVALID');
    expect(res.json().error.message).toMatch(/line \d+: Element/);
    expect((await get('/api/warnings?source=imported', w.h.gov)).json().total).toBe(before);
  });

  it('valid national-weather-service messages import; the same identifier again is a no-op', async () => {
    // On the shared PostgreSQL an earlier run may have imported them already: the identifier makes it a no-op.
    const a = await importFile(w.h.gov, 'sc.xml', sample('sample-sc-valid.xml'));
    expect(a.statusCode).toBe(200);
    expect(['created', 'duplicate']).toContain(a.json().status);
    const dup = await importFile(w.h.gov, 'sc2.xml', sample('sample-sc-no_signature.xml'));
    expect(dup.json()).toMatchObject({ status: 'duplicate', id: a.json().id });
    const tg = await importFile(w.h.gov, 'tg.xml', sample('sample-tg-valid.xml'));
    expect(['created', 'duplicate']).toContain(tg.json().status);
    const d = (await get(`/api/warnings/${a.json().id}`, w.h.govB)).json().data;
    expect(d).toMatchObject({ source: 'imported', level: 'yellow', eventType: 'Strong Winds', state: 'expired' });
    expect(d.area.polygons[0][0]).toEqual([46.078276, -9.186965]);
  });

  it('an imported Cancel referencing a stored warning cancels it', async () => {
    const at = new Date(t.clock.now().getTime() + 3600_000);
    const ext = `ext-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const iso = (d: Date) => `${d.toISOString().slice(0, 19)}+00:00`.replace('+00:00', '-00:00');
    const alert = `<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${ext}-1</identifier><sender>qx@example</sender><sent>${iso(t.clock.now())}</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><language>zh-CN</language><category>Met</category><event>暴雨</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty><expires>${iso(at)}</expires><headline>气象台暴雨橙色预警</headline><parameter><valueName>预警级别</valueName><value>橙色</value></parameter><area><areaDesc>甲县</areaDesc><polygon>${RING.map(([x, y]) => `${y},${x}`).join(' ')}</polygon></area></info></alert>`;
    const a = await importFile(w.h.gov, 'a.xml', alert);
    expect(a.json().status).toBe('created');
    // The importing unit's scope: county A's enterprises in the box, not county B's (a county's import tasks only its own).
    expect(a.json().targeted).toBe(2);
    // Each county sees the targets of its own enterprises.
    const names = async (h: Record<string, string>) =>
      (await get(`/api/warnings/${a.json().id}`, h))
        .json()
        .data.targets.map((x: { enterpriseName: string }) => x.enterpriseName)
        .sort();
    expect(await names(w.h.gov)).toEqual(['甲县化工', '甲县煤矿']);
    expect(await names(w.h.govB)).toEqual([]);
    const cancel = alert
      .replace(`<identifier>${ext}-1</identifier>`, `<identifier>${ext}-2</identifier>`)
      .replace('<msgType>Alert</msgType>', '<msgType>Cancel</msgType>')
      .replace('<scope>Public</scope>', `<scope>Public</scope><references>qx@example,${ext}-1,${iso(t.clock.now())}</references>`);
    const c = await importFile(w.h.gov, 'c.xml', cancel);
    expect(c.json()).toMatchObject({ status: 'cancelled', id: a.json().id });
  });
});

describe('feeds', () => {
  it('CRUD needs warning.issue; a fetch imports via the (mocked) fetcher and records the outcome', async () => {
    expect((await post('/api/warnings/feeds', w.h.coal, { name: 'x', kind: 'url', url: 'https://qx.example/cap' })).statusCode).toBe(403);
    expect((await post('/api/warnings/feeds', w.h.gov, { name: 'x', kind: 'url' })).statusCode).toBe(400);
    const f = await post('/api/warnings/feeds', w.h.gov, { name: '市气象台', kind: 'url', url: 'https://qx.example/cap/index.atom', intervalMinutes: 10 });
    expect(f.statusCode).toBe(200);
    const fake: Fetcher = async (url) => {
      const body =
        url === 'https://qx.example/cap/index.atom'
          ? '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link type="application/cap+xml" href="a.xml"/></entry><entry><link type="application/cap+xml" href="b.xml"/></entry></feed>'
          : url.endsWith('a.xml')
            ? sample('sample-tg-no_signature.xml')
            : sample('sample-tg-invalid_schema.xml');
      return Buffer.from(body);
    };
    const feed = await getFeed(t.database.db, Scope.system(), f.json().id);
    const r = await fetchFeed(t.deps, feed as NonNullable<typeof feed>, fake);
    expect(r.counts).toMatchObject({ duplicate: 1, rejected: 1 }); // tg was imported above
    expect(r.problems[0]).toMatch(/b\.xml: line \d+/);
    const list = (await get('/api/warnings/feeds', w.h.gov)).json().items;
    expect(list.find((x: { id: string }) => x.id === f.json().id)).toMatchObject({ lastStatus: 'error' });
    const timeout: Fetcher = async () => {
      throw new OutboundError('timeout');
    };
    expect((await fetchFeed(t.deps, feed as NonNullable<typeof feed>, timeout)).problems[0]).toMatch(/timeout/);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/warnings/feeds/${f.json().id}`, headers: w.h.gov })).statusCode).toBe(200);
  });
});
