import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import type { Deps } from '../context.js';
import { contractViolations } from './contract-check.js';
import { installHttpKernel, route } from './route.js';

const ZItem = z.object({ id: z.string(), deadline: z.string().nullable(), tags: z.array(z.object({ name: z.string() })) });
const ZList = z.object({ items: z.array(ZItem), total: z.number().int() });

describe('contractViolations', () => {
  it('names a key the schema lacks, at any depth', () => {
    const value = { items: [{ id: 'a', deadline: null, tags: [{ name: 'x', colour: 'red' }] }], total: 1, debug: true };
    expect(contractViolations(ZList, value)).toEqual([
      { path: 'items.0.tags.0.colour', problem: 'unknown key' },
      { path: 'debug', problem: 'unknown key' },
    ]);
  });

  it('names a missing and an ill-typed field', () => {
    const v = contractViolations(ZList, { items: [{ id: 1, tags: [] }], total: 1 });
    expect(v.map((x) => x.path).sort()).toEqual(['items.0.deadline', 'items.0.id']);
  });

  it('passes a value that matches, undefined fields, Dates and a declared passthrough', () => {
    expect(contractViolations(ZList, { items: [{ id: 'a', deadline: '2026-12-08', tags: [] }], total: 1, hint: undefined })).toEqual([]);
    expect(contractViolations(z.object({ at: z.date() }), { at: new Date() })).toEqual([]);
    expect(contractViolations(z.looseObject({ id: z.string() }), { id: 'a', extra: 1 })).toEqual([]);
  });
});

/** An app with only the HTTP kernel and public GET routes: enough to see what a response that breaks its schema does. */
async function appWith(contractChecks: 'on' | 'off', handler: () => Promise<unknown>) {
  const lines: string[] = [];
  const app = Fastify({ logger: { level: 'error', stream: { write: (l: string) => void lines.push(l) } } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const config = loadConfig({ TAIHANG_DEMO: 'off', TAIHANG_CONTRACT_CHECKS: contractChecks });
  // The kernel reads the database only to resolve a session; a public GET never does.
  const deps = { config, clock: { now: () => new Date() }, jobs: { in: () => ({}) }, database: { db: {} } } as unknown as Deps;
  installHttpKernel(app, deps);
  route(app, deps, { method: 'GET', url: '/api/things', access: 'public', summary: 'Things', tags: ['test'], response: ZList, handler: handler as never });
  await app.ready();
  return { app, lines };
}

describe('route() under contract checks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an unknown key deep in the answer is a 500 with a log line naming the route and the path', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { app, lines } = await appWith('on', async () => ({ items: [{ id: 'a', deadline: null, tags: [], secret: 's' }], total: 1 }));
    const res = await app.inject({ url: '/api/things' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain('secret');
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.route === 'GET /api/things');
    expect(logged?.violations).toEqual([{ path: 'items.0.secret', problem: 'unknown key' }]);
    expect(stderr.mock.calls.join('')).toContain('GET /api/things breaks its contract: items.0.secret: unknown key');
    await app.close();
  });

  it('a missing field is a 500 naming it', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { app, lines } = await appWith('on', async () => ({ items: [{ id: 'a', tags: [] }], total: 1 }));
    expect((await app.inject({ url: '/api/things' })).statusCode).toBe(500);
    expect(lines.map((l) => JSON.parse(l)).find((l) => l.route)?.violations).toEqual([{ path: 'items.0.deadline', problem: expect.any(String) }]);
    await app.close();
  });

  it('a value that keeps its contract is sent as it is', async () => {
    const body = { items: [{ id: 'a', deadline: '2026-12-08', tags: [{ name: 'x' }] }], total: 1 };
    const { app } = await appWith('on', async () => body);
    const res = await app.inject({ url: '/api/things' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(body);
    await app.close();
  });

  it('without the checks (production) the unknown key is only stripped', async () => {
    const { app } = await appWith('off', async () => ({ items: [], total: 0, secret: 's' }));
    const res = await app.inject({ url: '/api/things' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0 });
    await app.close();
  });

  it('are on under the test runner unless a setting says otherwise', () => {
    expect(loadConfig({}).contractChecks).toBe(true);
    expect(loadConfig({ TAIHANG_CONTRACT_CHECKS: 'off' }).contractChecks).toBe(false);
  });
});
