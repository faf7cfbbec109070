import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOutbound, OutboundError } from '../../kernel/net/outbound.js';
import { Scope } from '../../kernel/scope/scope.js';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { capTime } from './cap/cap.js';
import { validateCap } from './cap/cap-validate.js';
import { type Fetcher, fetchFeed } from './commands/feeds.js';
import { FETCH_FEED_JOB, warningJobs } from './warning.jobs.js';
import { getFeed, insertWarning } from './warning.repository.js';

/**
 * The findings of the outside test (issue 11, warnings and CAP), each as it was reproduced: a county or an industry
 * department changing the city's warning, forged CAP Update/Cancel messages, feeds without an owner, the feed fetcher
 * as a port scanner, encodings, DTDs in public outputs, imported alerts that never expire, and polygons outside the
 * issuer's region. Every write that is refused is read back unchanged.
 */

let t: TestServer;
let w: Awaited<ReturnType<typeof setup>>;

const box = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
// County A's enterprises stand in BOX_A, county B's in BOX_B (a box of this file only, away from the other tests').
const BOX_A = box(113.55, 36.05, 113.65, 36.15);
const BOX_B = box(113.85, 36.05, 113.95, 36.15);
const capPolygon = (ring: number[][]) => ring.map(([x, y]) => `${y},${x}`).join(' ');

async function setup(s: TestServer) {
  const db = s.database.db;
  const r = await makeCity(db);
  const cityGov = await makeDepartment(db, r.city, 'government');
  const cityEnergy = await makeDepartment(db, r.city, 'industry', ['coal']);
  const govA = await makeDepartment(db, r.countyA, 'government');
  const govB = await makeDepartment(db, r.countyB, 'government');
  const coalA = await makeEnterprise(db, r.townA, { industry: 'coal', lng: 113.6, lat: 36.1, name: '甲县门限煤矿' });
  const coalB = await makeEnterprise(db, r.townB, { industry: 'coal', lng: 113.9, lat: 36.1, name: '乙县门限煤矿' });
  const users = {
    city: await makeUser(db, 'government', ['regulator-admin'], { departmentId: cityGov.id }),
    energy: await makeUser(db, 'industry', ['regulator'], { departmentId: cityEnergy.id }),
    zezhou: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govA.id }),
    govB: await makeUser(db, 'government', ['regulator-admin'], { departmentId: govB.id }),
    security: await makeUser(db, 'platform', ['security-admin']),
    entA: await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: coalA.id }),
  };
  const h = {} as Record<keyof typeof users, Record<string, string>>;
  for (const [k, u] of Object.entries(users)) h[k as keyof typeof users] = await loginAs(s.app, u.username);
  return { r, cityGov, cityEnergy, govA, govB, coalA, coalB, users, h };
}

const post = (url: string, h: Record<string, string>, payload: unknown) => t.app.inject({ method: 'POST', url, headers: h, payload: payload as object });
const get = (url: string, h: Record<string, string> = {}) => t.app.inject({ url, headers: h });
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function issueBody(over: Record<string, unknown> = {}) {
  return {
    eventType: '暴雨',
    level: 'orange',
    description: '预计未来12小时累计降雨量60毫米以上',
    areaDesc: '甲县北部',
    expires: new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString(),
    polygons: [BOX_A],
    ...over,
  };
}

function importFile(h: Record<string, string>, content: string | Buffer, extra: Record<string, string> = {}) {
  const boundary = '----taihanggate';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.xml"\r\nContent-Type: application/xml\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/warnings/import',
    headers: { ...h, ...extra, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** A CAP message of a foreign sender over BOX_A (the importer's enterprises), or a Cancel/Update referencing one. */
function capMessage(o: { id: string; sender: string; msgType?: string; references?: string; expires?: boolean; sent?: Date; ring?: number[][] }) {
  const at = o.sent ?? t.clock.now();
  const exp = new Date(at.getTime() + 6 * 3600_000);
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${o.id}</identifier><sender>${o.sender}</sender><sent>${capTime(at)}</sent><status>Actual</status><msgType>${o.msgType ?? 'Alert'}</msgType><scope>Public</scope>${o.references ? `<references>${o.references}</references>` : ''}<info><language>zh-CN</language><category>Met</category><event>暴雨</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty><effective>${capTime(at)}</effective>${o.expires === false ? '' : `<expires>${capTime(exp)}</expires>`}<headline>气象台暴雨橙色预警 ${o.id}</headline><area><areaDesc>甲县</areaDesc><polygon>${capPolygon(o.ring ?? BOX_A)}</polygon></area></info></alert>`;
}

const detail = async (id: string, h = w.h.city) => (await get(`/api/warnings/${id}`, h)).json().data;

beforeAll(async () => {
  t = await getTestServer();
  w = await setup(t);
}, 60_000);
afterAll(() => t?.close());

describe('update and cancel: only the issuing unit’s line', () => {
  it('a county under the city and the city’s 能源局 see the city’s warning but get 403 on update and cancel; nothing changes', async () => {
    const issued = await post('/api/warnings', w.h.city, issueBody());
    expect(issued.statusCode).toBe(200);
    const id = issued.json().data.id;
    expect(issued.json().abilities).toMatchObject({ update: true, cancel: true });
    const before = await detail(id);
    for (const who of ['zezhou', 'energy'] as const) {
      const d = await get(`/api/warnings/${id}`, w.h[who]);
      expect(d.statusCode).toBe(200); // it targets their enterprises / their industry: they read it
      expect(d.json().abilities).toMatchObject({ update: false, cancel: false });
      const cancel = await post(`/api/warnings/${id}/cancel`, w.h[who], { reason: '降雨减弱' });
      expect(cancel.statusCode).toBe(403);
      expect(cancel.json().error.code).toBe('FORBIDDEN');
      expect((await post(`/api/warnings/${id}/update`, w.h[who], issueBody({ description: '县里改写的内容' }))).statusCode).toBe(403);
    }
    // County B sees nothing of it: 404.
    expect((await post(`/api/warnings/${id}/cancel`, w.h.govB, { reason: 'x' })).statusCode).toBe(404);
    const after = await detail(id);
    expect(after).toMatchObject({ state: 'active', version: before.version, identifier: before.identifier, description: before.description });
    expect(after.identifiers).toEqual(before.identifiers);
    // No enterprise was told 预警解除.
    expect(JSON.stringify((await get('/api/notifications', w.h.entA)).json())).not.toContain('预警解除');
    // The city itself may.
    expect((await post(`/api/warnings/${id}/cancel`, w.h.city, { reason: '降雨减弱' })).statusCode).toBe(200);
  });

  it('the city 应急管理局 above may cancel a county’s warning; the city 能源局 may not', async () => {
    const id = (await post('/api/warnings', w.h.zezhou, issueBody())).json().data.id;
    expect((await get(`/api/warnings/${id}`, w.h.energy)).json().abilities.cancel).toBe(false);
    expect((await post(`/api/warnings/${id}/cancel`, w.h.energy, { reason: 'x' })).statusCode).toBe(403);
    expect((await get(`/api/warnings/${id}`, w.h.city)).json().abilities.cancel).toBe(true);
    const res = await post(`/api/warnings/${id}/cancel`, w.h.city, { reason: '市局统一解除' });
    expect(res.statusCode).toBe(200);
    // The Cancel is the issuing unit's message: same sender, identifier under its issuer code.
    expect(res.json().data.sender).toBe((await detail(id, w.h.zezhou)).sender);
    expect(res.json().data.identifier.slice(0, 14)).toBe(res.json().data.sender);
  });
});

describe('a polygon must intersect the issuer’s region', () => {
  it('a county’s polygon wholly in another county: 400 naming the field, in both languages; nothing stored', async () => {
    const before = (await get('/api/warnings', w.h.zezhou)).json().total;
    const res = await post('/api/warnings', w.h.zezhou, issueBody({ polygons: [BOX_A, BOX_B] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'polygons.1', code: 'area.outside' })]);
    expect(res.json().error.details[0].message).toContain('辖区');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/warnings',
      headers: { ...w.h.zezhou, 'accept-language': 'en-US' },
      payload: issueBody({ polygons: [BOX_B] }),
    });
    expect(en.json().error.details[0].message).toMatch(/outside the issuing unit’s jurisdiction/);
    expect((await get('/api/warnings', w.h.zezhou)).json().total).toBe(before);
    // The city covers both counties; without boundaries a polygon beside county A's enterprise within 1 km (450 m) is
    // accepted, one 2 km away (accepted under the former 5 km margin) is not.
    expect((await post('/api/warnings', w.h.city, issueBody({ polygons: [BOX_B] }))).statusCode).toBe(200);
    expect((await post('/api/warnings', w.h.zezhou, issueBody({ polygons: [box(113.605, 36.095, 113.62, 36.105)] }))).statusCode).toBe(200);
    const far = await post('/api/warnings', w.h.zezhou, issueBody({ polygons: [box(113.62, 36.05, 113.66, 36.09)] }));
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details).toEqual([expect.objectContaining({ field: 'polygons.0', code: 'area.outside' })]);
    expect(far.json().error.details[0].message).toContain('1 公里');
    // So is an update that moves the area away.
    const id = (await post('/api/warnings', w.h.zezhou, issueBody())).json().data.id;
    const moved = await post(`/api/warnings/${id}/update`, w.h.zezhou, issueBody({ polygons: [BOX_B] }));
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details[0].field).toBe('polygons.0');
  });
});

describe('imported Update/Cancel apply only to warnings of the same sender, imported by the importer’s line', () => {
  it('a forged Cancel of a warning issued here: refused with the reason when the importer sees it, its own alert when not', async () => {
    const wn = (await post('/api/warnings', w.h.city, issueBody())).json().data;
    const ref = `${wn.sender},${wn.identifier},${wn.sent}`;
    const forged = capMessage({ id: `forged-${uniq()}`, sender: wn.sender, msgType: 'Cancel', references: ref });
    const seen = await importFile(w.h.zezhou, forged);
    expect(seen.statusCode).toBe(400);
    expect(seen.json().error.code).toBe('CAP_REFERENCE_ISSUED');
    const unseen = await importFile(w.h.govB, forged);
    expect(unseen.statusCode).toBe(200);
    expect(unseen.json()).toMatchObject({ status: 'created' });
    expect(unseen.json().id).not.toBe(wn.id);
    expect((await detail(unseen.json().id, w.h.govB)).state).toBe('cancelled');
    expect(await detail(wn.id)).toMatchObject({ state: 'active', version: wn.version, identifier: wn.identifier });
    // Reusing its identifier under another sender is refused without saying whose it is.
    const taken = await importFile(w.h.govB, capMessage({ id: wn.identifier, sender: 'evil@example.com' }));
    expect(taken.json().error.code).toBe('CAP_IDENTIFIER_TAKEN');
    expect(taken.body).not.toContain(wn.id);
  });

  it('another sender, or a unit off the importing unit’s line, cannot cancel an imported alert; the same sender on the line can', async () => {
    const sender = `qx-${uniq()}@example.cn`;
    const alertId = `a-${uniq()}`;
    const a = await importFile(w.h.zezhou, capMessage({ id: alertId, sender }));
    expect(a.json()).toMatchObject({ status: 'created', targeted: 1 });
    const ref = `${sender},${alertId},${capTime(t.clock.now())}`;
    const wrongSender = await importFile(w.h.zezhou, capMessage({ id: `c1-${uniq()}`, sender: 'evil@example.com', msgType: 'Cancel', references: ref }));
    expect(wrongSender.statusCode).toBe(400);
    expect(wrongSender.json().error.code).toBe('CAP_REFERENCE_SENDER');
    const claimedSender = await importFile(
      w.h.zezhou,
      capMessage({ id: `c1b-${uniq()}`, sender, msgType: 'Update', references: `evil@example.com,${alertId},${capTime(t.clock.now())}` }),
    );
    expect(claimedSender.json().error.code).toBe('CAP_REFERENCE_SENDER');
    for (const who of ['govB', 'energy'] as const) {
      const off = await importFile(w.h[who], capMessage({ id: `c2-${who}-${uniq()}`, sender, msgType: 'Cancel', references: ref }));
      expect(off.statusCode).toBe(400);
      expect(off.json().error.code).toBe('CAP_REFERENCE_OWNER');
      expect(off.json().error.message).toContain('其他单位');
    }
    expect((await detail(a.json().id, w.h.zezhou)).state).toBe('active');
    // The importing county, and the city above it, may (here the sender's own Cancel, imported by the city).
    const ok = await importFile(w.h.city, capMessage({ id: `c3-${uniq()}`, sender, msgType: 'Cancel', references: ref }));
    expect(ok.json()).toMatchObject({ status: 'cancelled', id: a.json().id });
  });

  it('from a feed: only warnings that came through that feed', async () => {
    const sender = `feed-${uniq()}@example.cn`;
    const alertId = `fa-${uniq()}`;
    const mk = async (name: string) =>
      (await post('/api/warnings/feeds', w.h.city, { name, kind: 'url', url: `https://${name}.example.cn/cap.xml` })).json().id;
    const [f1, f2] = [await mk(`f1${uniq()}`), await mk(`f2${uniq()}`)];
    const serve =
      (body: string): Fetcher =>
      async () =>
        Buffer.from(body);
    const feed = async (id: string) => (await getFeed(t.database.db, Scope.system(), id)) as NonNullable<Awaited<ReturnType<typeof getFeed>>>;
    const created = await fetchFeed(t.deps, await feed(f1), serve(capMessage({ id: alertId, sender })));
    expect(created.counts).toMatchObject({ created: 1 });
    const ref = `${sender},${alertId},${capTime(t.clock.now())}`;
    const other = await fetchFeed(t.deps, await feed(f2), serve(capMessage({ id: `fc-${uniq()}`, sender, msgType: 'Cancel', references: ref })));
    expect(other.counts).toMatchObject({ rejected: 1 });
    expect(other.problems[0]).toContain('CAP_REFERENCE_OWNER');
    const own = await fetchFeed(t.deps, await feed(f1), serve(capMessage({ id: `fc-${uniq()}`, sender, msgType: 'Cancel', references: ref })));
    expect(own.counts).toMatchObject({ cancelled: 1 });
  });

  it('an IPAWS Cancel without <info> cancels the alert it references', async () => {
    const dir = new URL('./cap/samples/intl/', import.meta.url);
    const a = await importFile(w.h.zezhou, readFileSync(new URL('us-ipaws-nws-tornado.xml', dir)));
    expect(a.statusCode).toBe(200);
    const c = await importFile(w.h.zezhou, readFileSync(new URL('us-ipaws-nws-tornado-cancel.xml', dir)));
    expect(c.statusCode).toBe(200);
    // On the shared PostgreSQL an earlier run may have imported both already (then both are no-ops).
    if (a.json().status === 'created') expect(c.json()).toMatchObject({ status: 'cancelled', id: a.json().id });
    expect((await detail(a.json().id, w.h.zezhou)).state).toBe('cancelled');
  });

  it.each([
    'cn-cma-rainstorm.gb18030.xml',
    'nz-nema-tsunami.utf16le.xml',
    'nz-nema-tsunami.utf16be.xml',
    'ca-naad-snowfall.xml',
    'de-mowas-flood.xml',
    'jp-jma-heavy-rain.xml',
  ])('%s imports as uploaded (its bytes, not re-encoded)', async (f) => {
    const res = await importFile(w.h.zezhou, readFileSync(new URL(`./cap/samples/intl/${f}`, import.meta.url)));
    expect(res.statusCode).toBe(200);
    expect(['created', 'duplicate']).toContain(res.json().status);
    const d = await detail(res.json().id, w.h.zezhou);
    if (f.startsWith('cn-')) expect(d.headline).toBe('晋城市气象台发布暴雨橙色预警信号');
    if (f.startsWith('nz-')) expect(d.issuerName).toContain('Te Rākau Whakamarumaru');
    if (f.startsWith('jp-')) expect(d.headline).toBe('熊本県に大雨特別警報');
  });
});

describe('feeds belong to a unit', () => {
  it('a county cannot see, change, fetch or delete the city’s feed; the city’s 能源局 sees it but may not change it', async () => {
    const f = (await post('/api/warnings/feeds', w.h.city, { name: `市气象台${uniq()}`, kind: 'url', url: 'https://qx.example.cn/cap/index.atom' })).json();
    expect(f).toMatchObject({ unitName: w.cityGov.name, abilities: { change: true, delete: true, fetch: true } });
    expect((await get('/api/warnings/feeds', w.h.zezhou)).json().items.map((x: { id: string }) => x.id)).not.toContain(f.id);
    const body = { name: '县里改的', kind: 'url', url: 'http://10.0.0.1/' };
    expect((await t.app.inject({ method: 'PATCH', url: `/api/warnings/feeds/${f.id}`, headers: w.h.zezhou, payload: body })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/warnings/feeds/${f.id}`, headers: w.h.zezhou })).statusCode).toBe(404);
    expect((await post(`/api/warnings/feeds/${f.id}/fetch`, w.h.zezhou, {})).statusCode).toBe(404);
    const seen = (await get('/api/warnings/feeds', w.h.energy)).json().items.find((x: { id: string }) => x.id === f.id);
    expect(seen.abilities).toEqual({ change: false, delete: false, fetch: false });
    expect((await t.app.inject({ method: 'PATCH', url: `/api/warnings/feeds/${f.id}`, headers: w.h.energy, payload: body })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/warnings/feeds/${f.id}`, headers: w.h.energy })).statusCode).toBe(403);
    expect((await post(`/api/warnings/feeds/${f.id}/fetch`, w.h.energy, {})).statusCode).toBe(403);
    const row = await getFeed(t.database.db, Scope.system(), f.id);
    expect(row).toMatchObject({ name: f.name, url: 'https://qx.example.cn/cap/index.atom', departmentId: w.cityGov.id, lastFetchedAt: null });
    // The city manages a county's feed (it is above it).
    const z = (await post('/api/warnings/feeds', w.h.zezhou, { name: `县气象局${uniq()}`, kind: 'url', url: 'https://x.example.cn/cap.xml' })).json();
    expect((await get('/api/warnings/feeds', w.h.city)).json().items.find((x: { id: string }) => x.id === z.id).abilities.delete).toBe(true);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/warnings/feeds/${z.id}`, headers: w.h.city })).statusCode).toBe(200);
  });
});

describe('the feed fetcher is not a port scanner', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.headers.host} ${req.url}`);
      if (req.url === '/ok.xml')
        return res.writeHead(200, { 'content-type': 'application/cap+xml' }).end(capMessage({ id: `local-${uniq()}`, sender: 'intranet@qx.example' }));
      if (req.url === '/redirect') return res.writeHead(302, { location: `http://localhost:${port}/ok.xml` }).end();
      if (req.url === '/big') return res.writeHead(200).end(Buffer.alloc(3 * 1024 * 1024, 'a'));
      res.writeHead(418, { server: 'SSH-2.0-OpenSSH_internal' }).end('SSH-2.0-OpenSSH_8.9 secret banner');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const feedOf = async (url: string) => (await post('/api/warnings/feeds', w.h.city, { name: `内网${uniq()}`, kind: 'url', url })).json().id as string;
  const fetchNow = async (id: string) => (await post(`/api/warnings/feeds/${id}/fetch`, w.h.city, {})).json();

  it.each([
    ['loopback', () => `http://127.0.0.1:${port}/secret`],
    ['loopback', () => `http://localhost:${port}/secret`],
    ['loopback', () => `http://[::1]:${port}/secret`],
    ['loopback', () => `http://[::ffff:127.0.0.1]:${port}/secret`],
    ['loopback', () => `http://2130706433:${port}/secret`],
    ['metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['private', () => 'http://10.20.30.40:22/'],
    ['private', () => 'http://[fd12:3456::1]/'],
    ['unspecified', () => `http://0.0.0.0:${port}/`],
  ])('%s: %s is refused without connecting, and the result tells nothing of the host', async (cls, url) => {
    const before = hits.length;
    const id = await feedOf(url());
    const r = await fetchNow(id);
    expect(r.status).toBe('error');
    expect(r.problems.join()).toContain(`refused: ${cls === 'linkLocal' ? 'link-local' : cls}`);
    const row = await getFeed(t.database.db, Scope.system(), id);
    expect(row?.lastResult).not.toMatch(/418|SSH|banner/);
    expect(hits.length).toBe(before);
  });

  it('the scheduled fetch (the worker job) goes through the same guard', async () => {
    const before = hits.length;
    const id = await feedOf(`http://127.0.0.1:${port}/secret`);
    const job = warningJobs(() => t.deps).find((j) => j.name === FETCH_FEED_JOB);
    await job?.handler({ feedId: id }, { jobId: 'test' });
    const row = await getFeed(t.database.db, Scope.system(), id);
    expect(row).toMatchObject({ lastStatus: 'error' });
    expect(row?.lastResult).toContain('refused: loopback');
    expect(hits.length).toBe(before);
  });

  it('an allow-listed host is fetched; a redirect from it to a host not on the list is refused before it is followed', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/security/outbound-hosts', headers: w.h.city, payload: { hosts: ['127.0.0.1'] } })).statusCode).toBe(
      403,
    );
    const put = await t.app.inject({ method: 'PUT', url: '/api/security/outbound-hosts', headers: w.h.security, payload: { hosts: ['127.0.0.1'] } });
    expect(put.statusCode).toBe(200);
    try {
      expect((await get('/api/security/outbound-hosts', w.h.security)).json()).toEqual({ hosts: ['127.0.0.1'] });
      const ok = await fetchNow(await feedOf(`http://127.0.0.1:${port}/ok.xml`));
      expect(ok.counts).toMatchObject({ created: 1 });
      const before = hits.length;
      const redirected = await fetchNow(await feedOf(`http://127.0.0.1:${port}/redirect`));
      expect(redirected.problems.join()).toContain('refused: loopback');
      expect(hits.slice(before)).toEqual([`127.0.0.1:${port} /redirect`]);
      const big = await fetchNow(await feedOf(`http://127.0.0.1:${port}/big`));
      expect(big.problems.join()).toContain('larger than 2 MB');
      // An allowed host's own error status may be reported; its body and headers are not.
      const status = await fetchNow(await feedOf(`http://127.0.0.1:${port}/nothing`));
      expect(status.problems.join()).not.toMatch(/SSH|banner/);
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/security/outbound-hosts', headers: w.h.security, payload: { hosts: [] } });
    }
  });

  it('names are resolved once and the connection goes to the checked address (no DNS rebinding); a name with any private address is refused', async () => {
    let lookups = 0;
    const r = await fetchOutbound(`http://cap.allowed.test:${port}/ok.xml`, {
      allowHosts: ['cap.allowed.test'],
      resolve: async () => {
        lookups++;
        return lookups === 1 ? ['127.0.0.1'] : ['10.9.9.9'];
      },
    });
    expect(r.bytes.toString()).toContain('<alert');
    expect(lookups).toBe(1);
    expect(hits.at(-1)).toBe(`cap.allowed.test:${port} /ok.xml`);
    await expect(fetchOutbound('http://mixed.example.cn/', { allowHosts: [], resolve: async () => ['93.184.216.34', '10.0.0.1'] })).rejects.toEqual(
      new OutboundError('private'),
    );
    await expect(fetchOutbound('ftp://example.cn/x', { allowHosts: [] })).rejects.toEqual(new OutboundError('scheme'));
    expect((await post('/api/warnings/feeds', w.h.city, { name: 'x', kind: 'url', url: 'file:///etc/passwd' })).statusCode).toBe(400);
  });
});

describe('public outputs stay well-formed whatever was imported', () => {
  const hostile = (f: string) => readFileSync(new URL(`./cap/samples/hostile/${f}`, import.meta.url));

  it('DTDs are refused at import (XXE, entity bomb, entity markup), with the reason in both languages', async () => {
    for (const f of ['xxe-file.xml', 'billion-laughs.xml', 'internal-entity-markup.xml']) {
      const res = await importFile(w.h.zezhou, hostile(f));
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'CAP_DTD' });
      expect(res.json().error.message).toContain('DTD');
    }
    const en = await importFile(w.h.zezhou, hostile('xxe-file.xml'), { 'accept-language': 'en-US' });
    expect(en.json().error.message).toMatch(/has a DTD .* refused for safety; nothing was saved/);
  });

  it('identifier, sender and references with CAP 1.2 restricted characters (<, &, ]]>, spaces, commas) are refused, naming the field', async () => {
    const count = async () => (await get('/api/warnings', w.h.zezhou)).json().total;
    const before = await count();
    const ok = `restricted-${uniq()}`;
    const cases: [string, Parameters<typeof capMessage>[0]][] = [
      ['identifier', { id: `${ok}&lt;script&gt;`, sender: 'r@example.cn' }],
      ['identifier', { id: `${ok}&amp;x`, sender: 'r@example.cn' }],
      ['identifier', { id: `${ok}]]&gt;`, sender: 'r@example.cn' }],
      ['identifier', { id: `${ok},x`, sender: 'r@example.cn' }],
      ['sender', { id: `${ok}-s`, sender: 'r&amp;d@example.cn' }],
      ['sender', { id: `${ok}-s2`, sender: 'r d@example.cn' }],
      ['references', { id: `${ok}-r`, sender: 'r@example.cn', msgType: 'Update', references: 'r@example.cn,a&lt;b,2026-12-07T10:00:00+08:00' }],
      ['references', { id: `${ok}-r2`, sender: 'r@example.cn', msgType: 'Update', references: 'r@example.cn,only-two' }],
    ];
    for (const [field, m] of cases) {
      const res = await importFile(w.h.zezhou, capMessage(m));
      expect(res.statusCode, `${field}: ${m.id}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.details).toEqual([expect.objectContaining({ field })]);
      expect(res.json().error.details[0].message).toContain('CAP');
    }
    const en = await importFile(w.h.zezhou, capMessage(cases[0]![1]), { 'accept-language': 'en-US' });
    expect(en.json().error.details[0].message).toMatch(/CAP identifier.*forbids/);
    expect(await count()).toBe(before);
    // The same message with a clean identifier is imported.
    expect((await importFile(w.h.zezhou, capMessage({ id: ok, sender: 'r@example.cn' }))).statusCode).toBe(200);
  });

  it('active.xml and the Atom feed parse back after hostile messages, including one stored before DTDs were refused', async () => {
    const now = t.clock.now();
    const markupXml = hostile('markup-in-text.xml')
      .toString('utf8')
      .replace('hostile-markup-1', `hostile-markup-${uniq()}`)
      .replace('2026-05-06T16:42:00-05:00', capTime(now));
    const markup = await importFile(w.h.zezhou, markupXml);
    expect(markup.statusCode).toBe(200);
    // A row as the old importer stored it: the raw text with its DTD.
    const raw = hostile('xxe-file.xml').toString('utf8').replace('hostile-xxe-1', `hostile-xxe-${uniq()}`);
    const legacy = `legacy-${uniq()}`;
    await insertWarning(t.database.db, {
      identifier: legacy,
      identifiers: [legacy],
      msgType: 'Alert',
      capStatus: 'Actual',
      capScope: 'Public',
      sender: 'attacker@example.com',
      sent: capTime(now),
      state: 'active',
      issuerName: 'attacker </author>]]>',
      eventType: 'Storm',
      severity: 'Extreme',
      urgency: 'Immediate',
      certainty: 'Observed',
      headline: 'legacy <![CDATA[ x ]]> \u0001',
      description: '&xxe; </summary>',
      effective: now,
      expires: new Date(now.getTime() + 3600_000),
      area: { areaDesc: 'anywhere', polygons: [], regionCodes: [] },
      source: 'imported',
      rawXml: raw,
      createdAt: now,
      updatedAt: now,
    });
    const all = await get('/api/warnings/active.xml');
    expect(all.body).toContain(legacy);
    expect(XMLValidator.validate(all.body)).toBe(true);
    expect(all.body).not.toMatch(/<!DOCTYPE|<!ENTITY|<script>|xml-stylesheet/);
    expect(all.body).toContain('&lt;/alert&gt;&lt;script&gt;');
    const atom = await get('/api/warnings/feed.atom');
    expect(XMLValidator.validate(atom.body)).toBe(true);
    // Each republished alert is a valid CAP message.
    const one = await get(`/api/warnings/${markup.json().id}/cap.xml`);
    expect(XMLValidator.validate(one.body)).toBe(true);
    expect(await validateCap(one.body)).toEqual({ valid: true, errors: [] });
  });
});

describe('imported alerts without <expires>', () => {
  it('expire after the configured hours (default 24) and leave the public feed; the city sets the hours, a county may not', async () => {
    const [idA, idB] = [`noexp-${uniq()}`, `noexp2-${uniq()}`];
    const a = await importFile(w.h.zezhou, capMessage({ id: idA, sender: 'noexp@example.cn', expires: false }));
    const d = await detail(a.json().id, w.h.zezhou);
    expect(new Date(d.expires).getTime() - new Date(d.effective).getTime()).toBe(24 * 3600_000);
    expect((await get('/api/warnings/feed.atom')).body).toContain(a.json().id);
    expect((await get('/api/warnings/active.xml')).body).toContain(idA);
    expect((await get('/api/warnings/import-settings', w.h.zezhou)).json()).toMatchObject({ defaultExpiryHours: 24, configure: false });
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/warnings/import-settings', headers: w.h.zezhou, payload: { defaultExpiryHours: 2 } })).statusCode,
    ).toBe(403);
    const set = await t.app.inject({ method: 'PUT', url: '/api/warnings/import-settings', headers: w.h.city, payload: { defaultExpiryHours: 2 } });
    expect(set.statusCode).toBe(200);
    let b: { id: string };
    try {
      b = (await importFile(w.h.zezhou, capMessage({ id: idB, sender: 'noexp@example.cn', expires: false }))).json();
      const e = await detail(b.id, w.h.zezhou);
      expect(new Date(e.expires).getTime() - new Date(e.effective).getTime()).toBe(2 * 3600_000);
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/warnings/import-settings', headers: w.h.city, payload: { defaultExpiryHours: 24 } });
    }
    t.clock.advance(25 * 3600_000);
    const atom = (await get('/api/warnings/feed.atom')).body;
    const list = (await get('/api/warnings/active.xml')).body;
    expect(atom).not.toContain(a.json().id);
    expect(atom).not.toContain(b.id);
    expect(list).not.toContain(idA);
    expect(list).not.toContain(idB);
  });
});

describe('region boundaries (org): imported by the system administrator, then the warning check intersects them', () => {
  const geojson = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const feature = (code: string, ring: number[][], extra: Record<string, unknown> = {}) => ({
    type: 'Feature',
    properties: { code, ...extra },
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
  function importBoundaries(
    h: Record<string, string>,
    content: string,
    query = 'source=GB%2FT%202260%20test&approximate=true',
    extra: Record<string, string> = {},
  ) {
    const boundary = '----taihangbnd';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.geojson"\r\nContent-Type: application/geo+json\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    );
    return t.app.inject({
      method: 'POST',
      url: `/api/regions/boundaries?${query}`,
      headers: { ...h, ...extra, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  }
  // County A west of 113.7, county B east of it. A county-A plant stands 100 m west of the border.
  const WEST = box(113.5, 36.0, 113.7, 36.2);
  const EAST = box(113.7, 36.0, 114.0, 36.2);
  const NEAR_BORDER = box(113.7048, 36.1, 113.707, 36.1018); // 200 m square in county B, ~520 m from the plant
  const WHOLE_CITY = box(113.45, 35.95, 114.05, 36.25);

  it('a 200 m square in the neighbouring county near the border passes the point rule, and is refused once boundaries are imported', async () => {
    const admin = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['system-admin'])).username);
    // Fresh sessions: an earlier test moved the clock past the others' session lifetime.
    const h = {
      zezhou: await loginAs(t.app, w.users.zezhou.username),
      govB: await loginAs(t.app, w.users.govB.username),
      security: await loginAs(t.app, w.users.security.username),
    };
    await makeEnterprise(t.database.db, w.r.townA, { industry: 'hazchem', lng: 113.699, lat: 36.1005, name: '甲县边界化工' });
    const preview = async (ring: number[][]) => {
      const res = await post('/api/warnings/preview', h.zezhou, { polygons: [ring] });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().jurisdiction;
    };
    // Without a boundary: the point rule (1 km of a located object) cannot tell the border; the preview says which rule held.
    expect(await preview(NEAR_BORDER)).toMatchObject({ rule: 'points', km: 1, outside: [] });

    // Only org.manage (the system administrator) imports; a county and the security administrator get 403.
    const body = geojson([feature(w.r.countyA.code, WEST), feature(w.r.countyB.code, EAST)]);
    expect((await importBoundaries(h.zezhou, body)).statusCode).toBe(403);
    expect((await importBoundaries(h.security, body)).statusCode).toBe(403);
    // Bad files: 400 naming the feature, in both languages; nothing stored (all or none).
    const bad = await importBoundaries(
      admin,
      geojson([
        feature(w.r.countyA.code, WEST),
        feature('999999999999', EAST),
        feature(w.r.countyB.code, [
          [113.7, 36.0],
          [114.0, 36.2],
          [114.0, 36.0],
          [113.7, 36.2],
          [113.7, 36.0],
        ]),
        { type: 'Feature', properties: { name: '无代码' }, geometry: { type: 'Polygon', coordinates: [EAST] } },
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['features.1', 'boundary.region'],
      ['features.2', 'boundary.geometry'],
      ['features.3', 'boundary.code'],
    ]);
    expect(bad.json().error.details[1].message).toContain('crosses itself');
    const badEn = await importBoundaries(admin, geojson([feature(w.r.countyA.code, box(36.0, 113.5, 36.2, 113.7))]), undefined, { 'accept-language': 'en-US' });
    expect(badEn.json().error.details[0].message).toMatch(/boundary of region .* is invalid: .*outside China/);
    expect((await importBoundaries(admin, '{"type":"Feature"}')).json().error.details[0]).toMatchObject({ field: 'file', code: 'boundary.collection' });
    expect((await importBoundaries(admin, 'not json')).json().error.details[0]).toMatchObject({ field: 'file', code: 'json' });
    expect(await preview(NEAR_BORDER)).toMatchObject({ rule: 'points' });

    const ok = await importBoundaries(admin, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ imported: 2, codes: [w.r.countyA.code, w.r.countyB.code] });

    // Now the county's 200 m square across the border is refused, naming the polygon and the region.
    const before = (await get('/api/warnings', h.zezhou)).json().total;
    const res = await post('/api/warnings', h.zezhou, issueBody({ polygons: [BOX_A, NEAR_BORDER] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'polygons.1', code: 'area.outsideBoundary' })]);
    expect(res.json().error.details[0].message).toContain('边界不相交');
    expect((await get('/api/warnings', h.zezhou)).json().total).toBe(before);
    expect(await preview(NEAR_BORDER)).toMatchObject({ rule: 'boundary', approximate: true, source: 'GB/T 2260 test', outside: [0] });
    // County B may issue it; an update by county A moving its area there is refused too.
    expect((await post('/api/warnings', h.govB, issueBody({ polygons: [NEAR_BORDER] }))).statusCode).toBe(200);
    const id = (await post('/api/warnings', h.zezhou, issueBody())).json().data.id;
    const moved = await post(`/api/warnings/${id}/update`, h.zezhou, issueBody({ polygons: [NEAR_BORDER] }));
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details[0].code).toBe('area.outsideBoundary');
    // A county's polygon over the whole city intersects its boundary (accepted), and the preview says it reaches beyond.
    expect(await preview(WHOLE_CITY)).toMatchObject({ rule: 'boundary', outside: [], beyond: [0] });
    expect(await preview(box(113.55, 36.05, 113.65, 36.15))).toMatchObject({ rule: 'boundary', outside: [], beyond: [] });
  });
});
