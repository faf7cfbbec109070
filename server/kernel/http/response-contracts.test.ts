import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { contractViolations } from './contract-check.js';
import { LOOSE_RESPONSES } from './loose-responses.allowlist.js';
import { looseOperations, loosePaths, type OpenApiDoc } from './loose-responses.js';
import { ZErrorBody } from './openapi.js';
import { routeTable } from './route.js';

/**
 * Issue 12: every JSON answer has a contract a client can type. Walks every /api operation the app registers
 * (through the OpenAPI document it serves) and fails for one whose success answer has no schema or accepts
 * anything somewhere inside, unless it is on the allowlist of routes not yet converted.
 */
let t: TestServer;
let doc: OpenApiDoc;
beforeAll(async () => {
  t = await getTestServer();
  doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
});
afterAll(() => t?.close());

describe('response contracts', () => {
  it('every JSON operation declares a strict success answer (or is on the shrinking allowlist)', () => {
    const raw = new Set(
      routeTable(t.app)
        .filter((r) => r.raw)
        .map((r) => `${r.method} ${r.url}`),
    );
    const loose = looseOperations(doc).filter((o) => !raw.has(o.route));
    const allowed = new Set(LOOSE_RESPONSES);
    const offenders = loose.filter((o) => !allowed.has(o.route)).map((o) => `${o.route} — ${o.problems.slice(0, 3).join('; ')}`);
    expect(offenders, 'declare a strict response schema (common/contracts) for these routes').toEqual([]);
    const converted = LOOSE_RESPONSES.filter((r) => !loose.some((o) => o.route === r));
    expect(converted, 'converted (or removed): take these off LOOSE_RESPONSES in loose-responses.allowlist.ts').toEqual([]);
  });

  it('the allowlist names each route once', () => {
    expect(new Set(LOOSE_RESPONSES).size).toBe(LOOSE_RESPONSES.length);
  });

  it('the walk sees each kind of loose answer', () => {
    expect(loosePaths({ type: 'object', additionalProperties: {}, propertyNames: { type: 'string' } })).toEqual(['(answer): any extra key']);
    expect(loosePaths({ type: 'object', properties: { a: {} }, required: ['a'], additionalProperties: false })).toEqual(['a: any value']);
    expect(loosePaths({ type: 'object' })).toEqual(['(answer): any object']);
    expect(loosePaths({ type: 'object', properties: { x: { type: 'string' } }, additionalProperties: true })).toEqual(['(answer): any extra key']);
    expect(loosePaths({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: {} }] } })).toEqual(['[]: any extra key']);
    expect(loosePaths({ type: 'object', additionalProperties: { type: 'number' } })).toEqual([]);
    expect(loosePaths({ type: 'object', properties: { at: { type: 'string', format: 'date-time' } }, additionalProperties: false })).toEqual([]);
    expect(looseOperations({ paths: { '/api/x/{id}': { get: { responses: { 200: { description: 'Default Response' } } } } } })).toEqual([
      { route: 'GET /api/x/:id', problems: ['no success schema'] },
    ]);
  });
});

type Op = {
  operationId?: string;
  security?: Record<string, string[]>[];
  tags?: string[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, { $ref?: string }>;
};

describe('the OpenAPI document (issue 12 point 2)', () => {
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Op>).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, op })),
    );

  it('names every operation once and documents its refusals with the one error body', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(150);
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = ops.flatMap((o) =>
      Object.entries(o.op.responses)
        .filter(([code]) => code.startsWith('4'))
        .map(([, r]) => r.$ref),
    );
    expect(ops.filter((o) => !Object.keys(o.op.responses).some((c) => c.startsWith('4'))).map((o) => o.route)).toEqual([]);
    expect(refs.every((r) => r?.startsWith('#/components/responses/'))).toBe(true);
  });

  it('declares who may call: sessions, the ingest key, or anyone', () => {
    const security = new Map(operations().map((o) => [o.route, o.op.security]));
    for (const r of routeTable(t.app)) {
      const s = security.get(`${r.method} ${r.url}`);
      if (r.url === '/api/readings' && r.method === 'POST') expect(s).toEqual([{ ingestKey: [] }, { ingestBearer: [] }]);
      else if (r.access === 'public') expect(s, `${r.method} ${r.url}`).toEqual([]);
      else expect(s, `${r.method} ${r.url}`).toEqual([{ cookie: [] }, { bearer: [] }]);
    }
  });

  it('documents the body of every upload and of ingestion, and describes every tag', () => {
    const byRoute = new Map(operations().map((o) => [o.route, o.op]));
    for (const r of [
      'POST /api/attachments',
      'POST /api/warnings/import',
      'POST /api/regions/boundaries',
      'POST /api/enterprises/import',
      'POST /api/plans/import',
    ]) {
      expect(Object.keys(byRoute.get(r)?.requestBody?.content ?? {}), r).toEqual(['multipart/form-data']);
    }
    expect(byRoute.get('POST /api/readings')?.requestBody?.content['application/json']?.schema.properties).toHaveProperty('readings');
    const tags = (doc as unknown as { tags: { name: string; description: string }[] }).tags;
    const used = new Set(operations().flatMap((o) => o.op.tags ?? []));
    expect([...used].filter((name) => !tags.find((tag) => tag.name === name && tag.description))).toEqual([]);
  });

  it('the error body of real refusals is exactly ErrorBody', async () => {
    const admin = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['system-admin'])).username);
    const refusals = [
      await t.app.inject({ url: '/api/hazards' }), // 401
      await t.app.inject({ url: '/api/hazards', headers: admin }), // 403
      await t.app.inject({ method: 'POST', url: '/api/calendar/days', payload: { date: 1 }, headers: admin }), // 400 with details
      await t.app.inject({ url: '/api/users/00000000-0000-4000-8000-000000000000', headers: admin }), // 404
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([401, 403, 400, 404]);
    for (const r of refusals) expect(contractViolations(ZErrorBody, r.json()), r.body).toEqual([]);
  });
});
