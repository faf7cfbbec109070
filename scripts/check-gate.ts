/**
 * The authorization gate's build rules (architecture.md §4.4–4.5), run by `npm run boundaries` next to
 * dependency-cruiser. They fail the build on:
 *  - scope-kind:  reading a Scope's `kind` outside the kernel's scope and gate (a hand-rolled scope decision);
 *  - scope-sql:   a hand-rolled region-subtree condition (`like ${`${path}%`}`) or a scope's regionPath used outside them;
 *  - org-tables:  raw SQL on the org module's tables (enterprise, department, region, supervision_assignment)
 *                 from another module: ask org's index.ts for the join;
 *  - ungated:     an exported write command (modules/x/commands, first parameter `ctx: Ctx`) that reaches none of
 *                 `loadFor`, `allowNew`, `systemOnly` (directly or through functions of its own file). A helper only
 *                 ever called after its caller's gate says so with a `@gated-by <caller>` JSDoc tag.
 * Usage: `tsx scripts/check-gate.ts [files or folders...]` (default: server/). Exit 1 on any finding.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const GATE_CALLS = new Set(['loadFor', 'allowNew', 'systemOnly']);
const KERNEL_SCOPE = /^server\/kernel\/(scope|gate)\//;
const ORG_TABLES = /\b(from|join)\s+(enterprise|department|region|supervision_assignment)\b(?!_)/i;
const ROLLED_SUBTREE = /like\s*\$\{\s*`\$\{[^`]*\}%`\s*\}/;

export interface Finding {
  file: string;
  line: number;
  rule: 'scope-kind' | 'scope-sql' | 'org-tables' | 'ungated';
  message: string;
}

function listFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .flatMap((d) => (d.name === 'node_modules' ? [] : listFiles(path.join(target, d.name))))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
}

const lineOf = (sf: ts.SourceFile, node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

function functionName(node: ts.Node): string | null {
  if (ts.isFunctionDeclaration(node) && node.name) return node.name.text;
  if (
    ts.isVariableDeclaration(node) &&
    ts.isIdentifier(node.name) &&
    node.initializer &&
    (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
  )
    return node.name.text;
  return null;
}

function functionBody(node: ts.Node): ts.Node | undefined {
  if (ts.isFunctionDeclaration(node)) return node.body;
  if (ts.isVariableDeclaration(node)) return node.initializer;
  return undefined;
}

function firstParamIsCtx(node: ts.Node): boolean {
  const fn = ts.isVariableDeclaration(node) ? node.initializer : node;
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  const p = fn.parameters[0];
  return !!p?.type && /^Ctx\b/.test(p.type.getText());
}

function isExported(node: ts.Node): boolean {
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return !!(ts.canHaveModifiers(holder) && ts.getModifiers(holder)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
}

function hasGatedByTag(node: ts.Node): boolean {
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  return (
    ts.getJSDocTags(holder).some((t) => t.tagName.text === 'gated-by') || /@gated-by\s+\S/.test(holder.getFullText().slice(0, holder.getLeadingTriviaWidth()))
  );
}

/** Names of the functions called in a subtree (plain identifiers and `x.name` calls). */
function calledNames(body: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n)) {
      const e = n.expression;
      if (ts.isIdentifier(e)) names.add(e.text);
      else if (ts.isPropertyAccessExpression(e)) names.add(e.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return names;
}

export function checkFile(file: string, text = fs.readFileSync(file, 'utf8')): Finding[] {
  const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const inKernelScope = KERNEL_SCOPE.test(rel);
  const module = /^server\/modules\/([^/]+)\//.exec(rel)?.[1] ?? null;

  const visit = (n: ts.Node) => {
    if (!inKernelScope && ts.isPropertyAccessExpression(n) && /scope$/i.test(n.expression.getText(sf))) {
      if (n.name.text === 'kind')
        out.push({ file: rel, line: lineOf(sf, n), rule: 'scope-kind', message: `${n.getText(sf)}: decide scope in kernel/scope or kernel/gate, not here` });
      if (n.name.text === 'regionPath' || n.name.text === 'enterpriseId' || n.name.text === 'groupId' || n.name.text === 'departmentId')
        out.push({
          file: rel,
          line: lineOf(sf, n),
          rule: 'scope-sql',
          message: `${n.getText(sf)}: use the kernel scope helpers (scopeCoversRegion, scopeEnterpriseId, …)`,
        });
    }
    if (ts.isTaggedTemplateExpression(n) || ts.isTemplateExpression(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      const t = n.getText(sf);
      if (!inKernelScope && ROLLED_SUBTREE.test(t) && ts.isTaggedTemplateExpression(n))
        out.push({ file: rel, line: lineOf(sf, n), rule: 'scope-sql', message: 'hand-rolled region subtree condition: use regionPrefixSql or a scope helper' });
      if (module && module !== 'org' && ORG_TABLES.test(t) && (ts.isTaggedTemplateExpression(n) || !ts.isTemplateExpression(n.parent)))
        out.push({ file: rel, line: lineOf(sf, n), rule: 'org-tables', message: "raw SQL on org's tables: use org's index.ts (e.g. enterpriseInScope)" });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);

  if (/^server\/modules\/[^/]+\/commands\//.test(rel)) {
    const fns = new Map<string, ts.Node>();
    const collect = (n: ts.Node) => {
      const name = functionName(n);
      if (name) fns.set(name, n);
      ts.forEachChild(n, collect);
    };
    collect(sf);
    const gated = new Map<string, boolean>();
    const reaches = (name: string, seen: Set<string>): boolean => {
      const known = gated.get(name);
      if (known !== undefined) return known;
      if (seen.has(name)) return false;
      seen.add(name);
      const body = functionBody(fns.get(name) as ts.Node);
      const calls = body ? calledNames(body) : new Set<string>();
      const ok = [...calls].some((c) => GATE_CALLS.has(c) || (fns.has(c) && (hasGatedByTag(fns.get(c) as ts.Node) || reaches(c, seen))));
      gated.set(name, ok);
      return ok;
    };
    for (const [name, node] of fns) {
      if (!isExported(node) || !firstParamIsCtx(node) || hasGatedByTag(node)) continue;
      if (!reaches(name, new Set()))
        out.push({
          file: rel,
          line: lineOf(sf, node),
          rule: 'ungated',
          message: `${name}: a write command that never asks the gate (loadFor / allowNew / systemOnly)`,
        });
    }
  }
  // A tagged template and the template inside it report the same line once.
  return [...new Map(out.map((f) => [`${f.line}:${f.rule}:${f.message}`, f])).values()];
}

export function checkPaths(targets: string[]): Finding[] {
  return targets.flatMap(listFiles).flatMap((f) => checkFile(f));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const targets = process.argv.slice(2);
  const findings = checkPaths(targets.length ? targets : ['server']);
  for (const f of findings) console.error(`${f.file}:${f.line}  [${f.rule}] ${f.message}`);
  if (findings.length) {
    console.error(`\ncheck-gate: ${findings.length} finding(s) (scripts/check-gate.ts explains the rules)`);
    process.exit(1);
  }
  console.log('check-gate: ok');
}
