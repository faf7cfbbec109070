import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../common/i18n/api-messages.js';
import { FIELD_LABELS } from '../../common/i18n/field-labels.js';
import { getTestServer, type TestServer } from './harness.js';

/**
 * Every field a request can name in a 400 (query and path parameters, body properties at any depth)
 * has a zh-CN and an en-US label, so an error never shows a bare key like `ackMinutes` to a user.
 * Operations are read from /api/openapi.json: a new route's fields are checked without listing them.
 */

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
}

/** Field paths as the error details name them: dotted, array indices left out. */
function fieldPaths(s: Schema | undefined, at: string[] = []): string[][] {
  if (!s || typeof s !== 'object') return [];
  const out: string[][] = [];
  for (const [k, v] of Object.entries(s.properties ?? {})) out.push([...at, k], ...fieldPaths(v, [...at, k]));
  if (s.items) out.push(...fieldPaths(s.items, at));
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) out.push(...fieldPaths(alt, at));
  if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push(...fieldPaths(s.additionalProperties, at));
  return out;
}

/** The lookup fieldLabel() makes: the whole dotted path first, then its last segment. */
const labelled = (path: string[]) => [path.join('.'), path[path.length - 1] ?? ''].some((k) => LOCALES.every((l) => !!FIELD_LABELS[k]?.[l]?.trim()));

describe('field labels', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await getTestServer();
  });
  afterAll(() => t?.close());

  it('every field of every operation has a label in zh-CN and en-US', async () => {
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
    };
    const missing = new Map<string, string[]>();
    let fields = 0;
    for (const [url, methods] of Object.entries(openapi.paths)) {
      if (!url.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        const paths = [
          ...(op.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path').map((p) => [p.name]),
          ...Object.values(op.requestBody?.content ?? {}).flatMap((c) => fieldPaths(c.schema)),
        ];
        for (const p of paths) {
          fields++;
          if (labelled(p)) continue;
          const key = p.join('.');
          missing.set(key, [...(missing.get(key) ?? []), `${method.toUpperCase()} ${url}`]);
        }
      }
    }
    expect(fields).toBeGreaterThan(500);
    expect(Object.fromEntries([...missing].map(([k, ops]) => [k, ops.slice(0, 2).join(', ')]))).toEqual({});
  });
});
