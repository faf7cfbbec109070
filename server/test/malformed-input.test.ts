import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../bootstrap.js';
import { loginAs } from './factories.js';
import { getTestServer, type TestServer } from './harness.js';

/**
 * The malformed-input walk (issue 11 item 7): every operation of /api/openapi.json, discovered at run
 * time, gets malformed path ids, query strings and bodies as anonymous and as four signed-in roles of
 * the demo city. It fails on any 5xx, on a 4xx that is not the platform's error format, and on any
 * row changed while only rejected requests were sent. Deterministic (fast-check seed), about a minute.
 */

const SEED = 20_261_107;
const PASSWORD = 'Fuzz-Pass-2021';
const ROLES = ['city', 'ent-coal', 'admin', 'secadmin'] as const;
type Role = (typeof ROLES)[number] | 'anonymous';
/** Requests per operation for a role that passes the permission gate, and for one that does not. */
const CASES_ALLOWED = 14;
const CASES_DENIED = 3;

/**
 * Tables a rejected request may legitimately change, so they are left out of the row hash:
 * - audit_log, audit_chain_head, audit_anchor: refusals that matter (failed sign-ins, denied actions) are audited;
 * - session: every authenticated request moves last_seen_at (idle timeout), and sign-in creates rows;
 * - login_throttle, login_captcha: a failed sign-in (401) counts against the account/address and may issue a captcha.
 */
const VOLATILE_TABLES = new Set(['audit_log', 'audit_chain_head', 'audit_anchor', 'session', 'login_throttle', 'login_captcha']);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
}
interface Param {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  params: Param[];
  body?: JsonSchema;
  /** Public operations (no `security` in OpenAPI) are the same for every caller: sent anonymously only. */
  public: boolean;
}

const MB = 'x'.repeat(1024 * 1024);
/** Strings that pass a naive `z.string()` but break the database, XML or a header (each class seen to 500 before). */
const BAD_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u0001\u0002\u0003',
  '\u001b[2J',
  '\uFFFE',
  '2026-13-45',
  '2026-02-30',
  '0001-01-01',
  '10000-01-01',
  '0000-00-00',
  '2026-13-45T25:61:00Z',
  '0001-01-01T00:00:00+08:00',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59.999+14:00',
  "' or 1=1 --",
  '<x>&amp;</x>',
  '../../etc/passwd',
  '１２３',
  '-1',
  '1e400',
  '9'.repeat(40),
  MB,
];
const BAD_VALUES: unknown[] = [...BAD_STRINGS, null, true, 0, -1, 1.5, 2 ** 31, -(2 ** 63), 1e308, [], {}, ['\u0000'], { '\u0000': 1 }, nested(200)];
/** Path segments: raw (already URL-encoded) so lone surrogates and bad escapes reach the router as such. */
const BAD_PATH_SEGMENTS = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%AF',
  '%',
  '%zz',
  '%01%02',
  '2026-13-45',
  '0001-01-01',
  '..%2F..%2Fetc',
  '-1',
  '1e400',
  '9'.repeat(40),
  'x'.repeat(3000),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '%F0%9F%92%A9',
];

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

function enc(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  // encodeURIComponent refuses lone surrogates; send the UTF-8 bytes a broken client would.
  return s.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^%]+/g, (part) => {
    try {
      return encodeURIComponent(part);
    } catch {
      return part;
    }
  });
}

/** A plausible value for a schema, using harvested ids where a field names what it refers to. */
function sample(schema: JsonSchema, name: string, ids: (hint: string) => string | undefined): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sample(alt.find((s) => s.type !== 'null') ?? alt[0] ?? {}, name, ids);
  if (schema.allOf?.length) return sample(schema.allOf[0] ?? {}, name, ids);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'string') : schema.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) o[k] = sample(s, k, ids);
      return o;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items ?? {}, name, ids));
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(min, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return true;
    default:
      return sampleString(schema, name, ids);
  }
}

const STRING_CANDIDATES = [
  '2026-06-30',
  '2026-06-30T08:00:00+08:00',
  '140525',
  '140500000000',
  '2026',
  '2026-06',
  '2026-Q2',
  'coal',
  '13903561234',
  '91140525MA0K12345X',
  'http://127.0.0.1:9/cap.xml',
  'taihang-fuzz',
];

function sampleString(schema: JsonSchema, name: string, ids: (hint: string) => string | undefined): string {
  if (schema.format === 'uuid') return ids(name) ?? '5b0c3d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
  if (schema.format === 'date-time') return '2026-06-30T08:00:00+08:00';
  if (schema.format === 'uri') return 'http://127.0.0.1:9/cap.xml';
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    const hit = STRING_CANDIDATES.find((c) => re.test(c));
    if (hit) return hit;
  }
  const min = schema.minLength ?? 0;
  const base = '测试内容 fuzz';
  const s = base.repeat(Math.ceil(Math.max(min, 4) / base.length));
  return s.slice(0, Math.max(min, Math.min(schema.maxLength ?? 40, s.length)));
}

/** Paths to every leaf (and every inner node) of a sample value, for one-place mutations. */
function positions(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = at.length ? [at] : [];
  if (Array.isArray(v)) for (const [i, x] of v.entries()) out.push(...positions(x, [...at, i]));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...positions(x, [...at, k]));
  return out;
}

function setAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  if (!at.length) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[at[at.length - 1] as string | number] = value;
  return copy;
}

interface Case {
  kind: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

const BODY_SHAPES: { kind: string; contentType: string; payload: string | Buffer }[] = [
  { kind: 'empty json', contentType: 'application/json', payload: '' },
  { kind: 'truncated json', contentType: 'application/json', payload: '{"a":' },
  { kind: 'json null', contentType: 'application/json', payload: 'null' },
  { kind: 'json array', contentType: 'application/json', payload: '[1,2]' },
  { kind: 'json string', contentType: 'application/json', payload: '"\\u0000"' },
  { kind: 'json number', contentType: 'application/json', payload: '1e999' },
  { kind: 'proto pollution', contentType: 'application/json', payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
  { kind: 'invalid utf-8', contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { kind: 'deep nesting', contentType: 'application/json', payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { kind: '3 MB body', contentType: 'application/json', payload: JSON.stringify({ a: 'x'.repeat(3 * 1024 * 1024) }) },
  { kind: 'text/plain', contentType: 'text/plain', payload: 'hello' },
  { kind: 'xml', contentType: 'application/xml', payload: '<a/>' },
  { kind: 'form', contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=%00' },
  { kind: 'multipart without boundary', contentType: 'multipart/form-data', payload: '--x\r\n' },
  {
    kind: 'multipart junk file',
    contentType: 'multipart/form-data; boundary=fz',
    payload:
      '--fz\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004junk\r\n--fz--\r\n',
  },
  { kind: 'bad charset', contentType: 'application/json; charset=utf-7', payload: '{}' },
];

function buildCases(op: Operation, ids: (hint: string) => string | undefined, count: number, seed: number): Case[] {
  const pathValues = Object.fromEntries(op.params.filter((p) => p.in === 'path').map((p) => [p.name, enc(sample(p.schema, p.name, ids))]));
  const urlWith = (over: Record<string, string>, query: string) =>
    op.path.replace(/\{(\w+)\}/g, (_, k: string) => over[k] ?? pathValues[k] ?? 'x') + (query ? `?${query}` : '');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const validQuery = queryParams
    .filter((p) => p.required)
    .map((p) => `${p.name}=${enc(sample(p.schema, p.name, ids))}`)
    .join('&');
  const body = op.body ? sample(op.body, 'body', ids) : undefined;
  const bodyPositions = body === undefined ? [] : [[], ...positions(body)];
  const hasBody = !['GET', 'DELETE'].includes(op.method);
  const json = (v: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(v) });

  const pathNames = Object.keys(pathValues);
  const kinds = [...(pathNames.length ? ['path' as const] : []), 'query' as const, ...(hasBody ? ['body' as const, 'bodyShape' as const] : [])];
  const arb = fc.record({
    kind: fc.constantFrom(...kinds),
    pick: fc.nat(),
    value: fc.constantFrom(...BAD_VALUES.keys()),
    segment: fc.constantFrom(...BAD_PATH_SEGMENTS),
    shape: fc.constantFrom(...BODY_SHAPES),
  });
  const cases: Case[] = [];
  // The well-formed request first: it shows whether the role passes the gate.
  cases.push({ kind: 'sample', url: urlWith({}, validQuery), ...(hasBody && body !== undefined ? json(body) : {}) });
  for (const g of fc.sample(arb, { seed, numRuns: count - 1 })) {
    const bad = BAD_VALUES[g.value];
    const sampleBody = hasBody && body !== undefined ? json(body) : {};
    if (g.kind === 'path') {
      const name = pathNames[g.pick % pathNames.length] as string;
      cases.push({ kind: `path ${name}=${g.segment.slice(0, 20)}`, url: urlWith({ [name]: g.segment }, validQuery), ...sampleBody });
    } else if (g.kind === 'query') {
      const p = queryParams[g.pick % Math.max(1, queryParams.length)];
      const name = p?.name ?? 'unknown';
      const rest = validQuery
        .split('&')
        .filter((kv) => kv && !kv.startsWith(`${name}=`))
        .join('&');
      const repeated = g.pick % 5 === 0 ? `&${name}=1` : '';
      cases.push({ kind: `query ${name}`, url: urlWith({}, [rest, `${name}=${enc(bad)}${repeated}`].filter(Boolean).join('&')), ...sampleBody });
    } else if (g.kind === 'body') {
      const at = bodyPositions[g.pick % Math.max(1, bodyPositions.length)] ?? [];
      cases.push({ kind: `body ${at.join('.') || '(root)'}`, url: urlWith({}, validQuery), ...json(setAt(body ?? {}, at, bad)) });
    } else {
      cases.push({ kind: `body ${g.shape.kind}`, url: urlWith({}, validQuery), headers: { 'content-type': g.shape.contentType }, payload: g.shape.payload });
    }
  }
  return cases;
}

function operations(openapi: {
  paths: Record<string, Record<string, { parameters?: Param[]; security?: unknown[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>>;
}) {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
        public: !op.security?.length,
      });
    }
  }
  // Sign-in and sign-out last: they touch the sessions the other operations use.
  return ops.sort((a, b) => Number(a.path.startsWith('/api/auth/')) - Number(b.path.startsWith('/api/auth/')));
}

/**
 * Per table, the row count and the sum of the rows' xmin: any insert, update or delete that commits
 * changes it (an update writes a new row version with a newer xmin), a rolled-back one does not, and
 * unlike hashing every row's text it costs next to nothing on the demo's 40,000 readings.
 */
async function tableHashes(t: TestServer): Promise<Map<string, string>> {
  const { rows: tables } = await t.database.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  const parts = tables
    .filter((x) => !VOLATILE_TABLES.has(x.name))
    .map((x) => `select '${x.name}' as name, count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) as h from "${x.name}"`);
  const { rows } = await t.database.query<{ name: string; h: string }>(parts.join(' union all '));
  return new Map(rows.map((r) => [r.name, r.h]));
}

function changedTables(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
}

function formatProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }): string | null {
  if (res.statusCode < 400 || res.statusCode >= 500) return null;
  let parsed: { error?: { code?: unknown; message?: unknown; details?: unknown } };
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return `not JSON: ${res.body.slice(0, 120)}`;
  }
  const e = parsed.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || !Array.isArray(e.details)) return `not the error format: ${res.body.slice(0, 160)}`;
  if (!e.message || /\{\w+\}/.test(e.message)) return `unfilled message: ${e.message}`;
  return null;
}

interface Reply {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Real HTTP rather than inject: the server's own URL and body parsers run, an event stream is cut
 * after its headers, and anonymous requests can come from another loopback address.
 */
function send(
  port: number,
  agent: http.Agent,
  o: { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer; from: string; retried?: boolean },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: o.method, path: o.url, headers: o.headers, agent, localAddress: o.from, timeout: 30_000 },
      (res) => {
        if (String(res.headers['content-type']).includes('text/event-stream')) {
          res.destroy();
          return resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: '' });
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in 30 s: ${o.method} ${o.url.slice(0, 100)}`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A server may refuse an oversized body before reading it and close the connection while it is still
      // being written; the client then never sees the answer. Only an oversized body may end that way.
      const size = o.payload?.length ?? 0;
      // A kept-alive socket the server had just closed (Node's documented retry case).
      if (req.reusedSocket && err.code === 'ECONNRESET' && !o.retried) send(port, agent, { ...o, retried: true }).then(resolve, reject);
      else if ((err.code === 'ECONNRESET' || err.code === 'EPIPE') && size > 2 * 1024 * 1024) resolve({ statusCode: 0, headers: {}, body: '' });
      else reject(new Error(`${o.method} ${o.url.slice(0, 100)} (${size} bytes): ${err.message}`));
    });
    req.end(o.payload);
  });
}

describe('malformed input (issue 11 item 7)', () => {
  let t: TestServer;
  const headers: Partial<Record<Role, Record<string, string>>> = { anonymous: {} };
  const harvested = new Map<string, string[]>();
  let ownUserIds = new Set<string>();

  beforeAll(async () => {
    t = await getTestServer({ ownDatabase: true });
    await t.database.db.transaction((tx) => seedDemo(tx, { password: PASSWORD, now: t.clock.now() }));
    for (const r of ROLES) headers[r] = await loginAs(t.app, r, PASSWORD);
    const me = await Promise.all(ROLES.map((r) => t.app.inject({ url: '/api/auth/me', headers: headers[r] })));
    ownUserIds = new Set(me.map((m) => m.json().user.id as string));
  }, 120_000);
  afterAll(() => t?.close());

  it('no operation answers 5xx, every refusal is in the error format, and no rejected request changes a row', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = async (url: string, h: Record<string, string> = {}) => send(port, agent, { method: 'GET', url, headers: h, from: '127.0.0.1' });
    const openapi = JSON.parse((await get('/api/openapi.json')).body);
    const ops = operations(openapi);
    expect(ops.length).toBeGreaterThan(150);

    // Ids of real objects, from every list a role can read: path ids and `xxxId` fields then reach the handlers.
    for (const op of ops) {
      if (op.method !== 'GET' || op.params.some((p) => p.in === 'path' || p.required)) continue;
      for (const r of ['city', 'ent-coal', 'admin'] as const) {
        const res = await get(op.path, headers[r]);
        if (res.statusCode !== 200 || !res.headers['content-type']?.toString().includes('json')) continue;
        const body = JSON.parse(res.body);
        const items: unknown[] = Array.isArray(body) ? body : Array.isArray(body?.items) ? body.items : [];
        const found = items.map((x) => (x as { id?: unknown })?.id).filter((x): x is string => typeof x === 'string' && !ownUserIds.has(x));
        if (found.length) harvested.set(op.path, [...new Set([...(harvested.get(op.path) ?? []), ...found])]);
      }
    }
    const idsFor = (path: string) => (hint: string) => {
      // `{id}` in /api/hazards/{id}/… is a hazard: the list at the path before it; `enterpriseId` an enterprise.
      const prefix = path.split('/{')[0] ?? path;
      const byPath = hint === 'id' ? harvested.get(prefix) : undefined;
      const stem = hint.replace(/Ids?$/, '').toLowerCase();
      const byName = [...harvested.entries()].find(([p]) => stem && p.split('/').pop()?.toLowerCase().startsWith(stem))?.[1];
      return (byPath ?? byName)?.[0];
    };

    const started = Date.now();
    let requests = 0;
    const fiveHundreds: string[] = [];
    const formatProblems: string[] = [];
    const rowChanges: string[] = [];
    let baseline = await tableHashes(t);

    for (const [i, op] of ops.entries()) {
      const roles: Role[] = op.public ? ['anonymous'] : ['anonymous', ...ROLES];
      for (const role of roles) {
        const all = buildCases(op, idsFor(op.path), CASES_ALLOWED, SEED + i * 7 + roles.indexOf(role));
        let cases = all;
        for (const [n, c] of cases.entries()) {
          const lang = (n + i) % 2 ? 'en-US' : 'zh-CN';
          const res = await send(port, agent, {
            method: op.method,
            url: c.url,
            headers: { ...headers[role], 'accept-language': lang, ...c.headers },
            payload: c.payload,
            // Anonymous requests come from addresses of their own (127.0.1.x), spread so the sign-in throttle by
            // address neither slows the walk nor reaches the roles' sign-ins from 127.0.0.1.
            from: role === 'anonymous' ? `127.0.1.${(requests % 250) + 1}` : '127.0.0.1',
          });
          requests++;
          const what = `${role} ${op.method} ${op.path} [${c.kind}] ${c.url.slice(0, 100)}`;
          if (res.statusCode >= 500) fiveHundreds.push(`${res.statusCode} ${what}: ${res.body.slice(0, 200)}`);
          const problem = formatProblem(res);
          if (problem) formatProblems.push(`${res.statusCode} ${what}: ${problem}`);
          // An accepted write may change rows: the comparison starts again after it.
          if (res.statusCode < 400 && op.method !== 'GET') baseline = await tableHashes(t);
          // A role the gate turns away gets only a few cases: they never reach validation.
          if (n === 0 && (res.statusCode === 401 || res.statusCode === 403)) cases = all.slice(0, CASES_DENIED);
          if (n >= cases.length - 1) break;
        }
        // Sign-out or a password change ends a role's session: sign in again for the next operations.
        if (role !== 'anonymous') {
          const me = await get('/api/auth/me', headers[role]);
          if (me.statusCode === 401) {
            const changed = changedTables(baseline, await tableHashes(t));
            if (changed.length) rowChanges.push(`${op.method} ${op.path} (${role}): ${changed.join(', ')} changed after its last accepted write`);
            headers[role] = await loginAs(t.app, role, PASSWORD);
            // The walk's own sign-in writes last_login_at: not a change by a rejected request.
            baseline = await tableHashes(t);
          }
        }
      }
      const after = await tableHashes(t);
      const changed = changedTables(baseline, after);
      if (changed.length)
        rowChanges.push(`${op.method} ${op.path}: ${changed.join(', ')} changed after its last accepted write (by a rejected request or a GET)`);
      baseline = after;
    }
    agent.destroy();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `malformed-input walk: ${ops.length} operations × ${ROLES.length + 1} roles, ${requests} requests in ${seconds.toFixed(1)} s on ${t.database.kind}; ` +
        `${fiveHundreds.length} × 5xx, ${formatProblems.length} format problems, ${rowChanges.length} row changes by rejected requests`,
    );
    expect({ fiveHundreds, formatProblems, rowChanges }).toEqual({ fiveHundreds: [], formatProblems: [], rowChanges: [] });
  }, 600_000);
});
