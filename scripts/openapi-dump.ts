/**
 * Writes the OpenAPI document the app serves at /api/openapi.json, built from buildApp on a throw-away PGlite
 * database, so the linter and the client generator read exactly what a client would fetch.
 * Usage: `tsx scripts/openapi-dump.ts [out.json]` (default: stdout).
 */
import fs from 'node:fs';
import type { OpenAPI3 } from 'openapi-typescript';
import { getTestServer } from '../server/test/harness.js';

export async function openApiDocument(): Promise<OpenAPI3> {
  const t = await getTestServer();
  try {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}`);
    return res.json();
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const doc = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
  const out = process.argv[2];
  if (out) fs.writeFileSync(out, doc);
  else process.stdout.write(doc);
}
