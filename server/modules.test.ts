import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode } from '../common/i18n/api-messages.js';
import { ALL_PERMISSIONS } from '../common/permissions.js';
import * as schemaFile from './db/schema.js';
import { installHttpKernel, routeTable } from './kernel/http/route.js';
import * as kernelTables from './kernel/kernel.schema.js';
import { KERNEL_ERRORS } from './kernel/module.js';
import { MODULES } from './modules.js';
import { getTestServer, type TestServer } from './test/harness.js';

/**
 * The module manifests (server/modules/<m>/<x>.module.ts, listed in server/modules.ts) against the static lists
 * that must stay: drizzle's db/schema.ts, the closed permission catalogue and the error catalogue in common/.
 */
const MODULES_DIR = path.join(import.meta.dirname, 'modules');

/** A module's non-test source files, as text. */
function sources(name: string): { file: string; text: string }[] {
  const dir = path.join(MODULES_DIR, name);
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** The modules whose index.ts a module imports. */
function dependencies(name: string): Set<string> {
  const found = new Set<string>();
  for (const { text } of sources(name))
    for (const [, other] of text.matchAll(/from '(?:\.\.\/)+([a-z]+)\/index\.js'/g)) if (other && other !== name) found.add(other);
  return found;
}

function owners<T extends string>(pick: (m: (typeof MODULES)[number]) => readonly T[]): Map<T, string[]> {
  const map = new Map<T, string[]>();
  for (const m of MODULES) for (const x of pick(m)) map.set(x, [...(map.get(x) ?? []), m.name]);
  return map;
}

describe('module manifests', () => {
  it('every folder under server/modules has exactly one manifest in the list, named after the folder', () => {
    const folders = fs
      .readdirSync(MODULES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
    for (const name of folders)
      expect(
        fs.readdirSync(path.join(MODULES_DIR, name)).filter((f) => f.endsWith('.module.ts')),
        name,
      ).toHaveLength(1);
  });

  it('lists a module after every module whose index.ts it imports (dependency order)', () => {
    const order = MODULES.map((m) => m.name);
    const late: string[] = [];
    for (const m of MODULES) {
      for (const other of dependencies(m.name)) if (order.indexOf(other) > order.indexOf(m.name)) late.push(`${m.name} → ${other}`);
    }
    expect(late).toEqual([]);
  });

  it('each permission of the closed catalogue is owned by exactly one module', () => {
    const byPermission = owners((m) => m.permissions);
    const wrong = ALL_PERMISSIONS.filter((p) => byPermission.get(p)?.length !== 1).map((p) => `${p}: ${byPermission.get(p)?.join(', ') ?? 'no owner'}`);
    expect(wrong).toEqual([]);
    expect([...byPermission.keys()].filter((p) => !ALL_PERMISSIONS.includes(p))).toEqual([]);
  });

  it('each error code of the catalogue belongs to the kernel or to exactly one module, and a module raises only those it may', () => {
    const all = Object.keys(ERROR_MESSAGES) as ErrorCode[];
    const byCode = owners((m) => m.errors);
    const wrong = all
      .filter((c) => (byCode.get(c)?.length ?? 0) + (KERNEL_ERRORS.includes(c) ? 1 : 0) !== 1)
      .map((c) => `${c}: ${[...(KERNEL_ERRORS.includes(c) ? ['kernel'] : []), ...(byCode.get(c) ?? [])].join(', ') || 'no owner'}`);
    expect(wrong).toEqual([]);
    // A code written in a module's source must be generic or the module's own; a code it owns must be raised by it.
    const misplaced: string[] = [];
    for (const m of MODULES) {
      const text = sources(m.name)
        .map((s) => s.text)
        .join('\n');
      for (const c of all) {
        const written = new RegExp(`'${c}'`).test(text);
        if (written && !KERNEL_ERRORS.includes(c) && !m.errors.includes(c)) misplaced.push(`${m.name} raises ${c} (owned by ${byCode.get(c)?.join(', ')})`);
        if (!written && m.errors.includes(c)) misplaced.push(`${m.name} declares ${c} but never raises it`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('db/schema.ts exports exactly the kernel tables and every manifest’s tables', () => {
    const expected = new Map<string, unknown>(Object.entries(kernelTables));
    for (const m of MODULES) {
      for (const [name, table] of Object.entries(m.tables ?? {})) {
        expect(expected.has(name), `${m.name}.${name} exported twice`).toBe(false);
        expected.set(name, table);
      }
    }
    const actual = new Map<string, unknown>(Object.entries(schemaFile));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, table] of expected) expect(actual.get(name), name).toBe(table);
  });

  it('a module with a schema, hooks, jobs or routes file declares it in its manifest, and its index.ts neither registers nor re-exports it', () => {
    const missing: string[] = [];
    for (const m of MODULES) {
      const files = fs.readdirSync(path.join(MODULES_DIR, m.name));
      const has = (suffix: string) => files.some((f) => f.endsWith(suffix));
      if (has('.schema.ts') !== !!m.tables) missing.push(`${m.name}: tables`);
      if (has('.hooks.ts') !== !!m.hooks) missing.push(`${m.name}: hooks`);
      if (has('.jobs.ts') !== !!m.jobs) missing.push(`${m.name}: jobs`);
      if (has('.routes.ts') !== !!m.routes) missing.push(`${m.name}: routes`);
      // index.ts is the module's public surface only: registration happens through the manifest.
      const index = fs.readFileSync(path.join(MODULES_DIR, m.name, 'index.ts'), 'utf8');
      if (/^import '/m.test(index)) missing.push(`${m.name}: index.ts imports for a side effect`);
      // What the manifest registers is not public: no one else can register it a second time.
      for (const [, name] of index.matchAll(/\b(\w+(?:Routes|Jobs)|sync\w+)\b[^\n]*from '\.\/(?:[\w-]+\.)?(?:routes|jobs|sync-[\w-]+|demo-feed)/g))
        missing.push(`${m.name}: index.ts re-exports ${name}, which its manifest registers`);
    }
    expect(missing).toEqual([]);
  });

  it('index.ts only re-exports (no declarations, no logic, no side-effect imports)', () => {
    const wrong: string[] = [];
    for (const m of MODULES) {
      const file = path.join(MODULES_DIR, m.name, 'index.ts');
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      for (const st of sf.statements) {
        const reExport =
          ts.isExportDeclaration(st) &&
          (st.moduleSpecifier !== undefined || (st.exportClause && ts.isNamedExports(st.exportClause) && st.exportClause.elements.length === 0));
        if (!reExport) wrong.push(`${m.name}/index.ts:${sf.getLineAndCharacterOfPosition(st.getStart(sf)).line + 1} ${ts.SyntaxKind[st.kind]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  describe('routes', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await getTestServer();
    });
    afterAll(async () => t?.close());

    // A route that creates another module's object (an alarm turned into a hazard) is gated by that module's permission.
    it('a module’s routes declare only permissions it owns or owned by a module it depends on (or public / authenticated)', async () => {
      const ownerOf = new Map(MODULES.flatMap((m) => m.permissions.map((p) => [p as string, m.name] as const)));
      const foreign: string[] = [];
      let total = 0;
      for (const m of MODULES) {
        if (!m.routes) continue;
        const app = Fastify();
        app.setValidatorCompiler(validatorCompiler);
        app.setSerializerCompiler(serializerCompiler);
        installHttpKernel(app, t.deps);
        m.routes(app, t.deps);
        await app.ready();
        const rows = routeTable(app);
        expect(rows.length, `${m.name} registers routes`).toBeGreaterThan(0);
        total += rows.length;
        for (const r of rows) {
          if (r.access === 'public' || r.access === 'authenticated') continue;
          const owner = ownerOf.get(r.access);
          if (owner !== m.name && !(owner && dependencies(m.name).has(owner))) foreign.push(`${m.name}: ${r.method} ${r.url} needs ${r.access} (${owner})`);
        }
        await app.close();
      }
      expect(foreign).toEqual([]);
      // The per-module apps add up to the real one: no route is registered outside a manifest but the spec itself.
      expect(total).toBe(routeTable(t.app).filter((r) => r.url !== '/api/openapi.json').length);
    });
  });
});
