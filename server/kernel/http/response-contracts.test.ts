import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { LOOSE_RESPONSES } from './loose-responses.allowlist.js';
import { looseOperations, loosePaths, type OpenApiDoc } from './loose-responses.js';
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
