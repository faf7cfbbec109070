import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkPaths } from '../../../scripts/check-gate.js';

const at = (rel: string, text: string) => checkFile(path.join(process.cwd(), rel), text).map((f) => `${f.rule}:${f.line}`);

describe('the gate build rules (scripts/check-gate.ts)', () => {
  it('the server as committed passes them', () => {
    expect(checkPaths(['server'])).toEqual([]);
  });

  it('fire on a scope-kind switch and a scope region path outside the kernel', () => {
    const text = [
      "import type { Scope } from '../../kernel/scope/scope.js';",
      'export function visible(scope: Scope) {',
      "  if (scope.kind === 'government') return scope.regionPath;",
      "  return '';",
      '}',
    ].join('\n');
    expect(at('server/modules/demo/demo.repository.ts', text)).toEqual(['scope-kind:3', 'scope-sql:3']);
    expect(at('server/kernel/scope/extra.ts', text)).toEqual([]);
  });

  it('fire on a hand-rolled region subtree condition and on raw SQL over org tables', () => {
    const text = [
      "import { sql } from 'drizzle-orm';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test
      'export const a = (path: string) => sql`t.region_path like ${`${path}%`}`;',
      'export const b = sql`select 1 from enterprise e where e.id = t.enterprise_id`;',
    ].join('\n');
    expect(at('server/modules/demo/demo.repository.ts', text)).toEqual(['scope-sql:2', 'org-tables:3']);
    expect(at('server/modules/org/org.repository.ts', text)).toEqual(['scope-sql:2']);
  });

  it('fire on a write command that never asks the gate, through local helpers too', () => {
    const text = [
      "import type { Ctx } from '../../../kernel/context.js';",
      "import { loadFor } from '../../../kernel/gate/gate.js';",
      'async function load(ctx: Ctx) { return loadFor(ctx, policy, "edit", get); }',
      'export async function gated(ctx: Ctx) { await load(ctx); }',
      'export async function ungated(ctx: Ctx, id: string) { await ctx.tx.execute(id); }',
      '/** @gated-by gated */',
      'export async function helper(ctx: Ctx) { await ctx.tx.execute("x"); }',
      'export function pure(x: number) { return x; }',
    ].join('\n');
    expect(at('server/modules/demo/commands/edit-demo.ts', text)).toEqual(['ungated:5']);
    // Outside commands/ the rule does not apply (queries read through the scope).
    expect(at('server/modules/demo/queries/get-demo.ts', text)).toEqual([]);
  });
});
