/**
 * `npm run lint:openapi`: lints the OpenAPI document the app serves (built from buildApp, as a client would fetch it)
 * with an independent linter, Redocly CLI and its `recommended` ruleset (redocly.yaml). Fails on any error; prints the
 * warnings as a count per rule. Then regenerates the script types (`npm run api:types`) from the same document and
 * typechecks examples/api-client against them, so the documented client keeps compiling. Part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi-dump.js';
import { writeApiTypes } from './openapi-types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-openapi-'));
const file = path.join(dir, 'openapi.json');
try {
  const doc = await openApiDocument();
  fs.writeFileSync(file, JSON.stringify(doc));
  const run = spawnSync(
    path.join(root, 'node_modules', '.bin', 'redocly'),
    ['lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'json', '--max-problems', '100000'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`redocly printed no report (exit ${run.status}):\n${run.stderr}`);
  const report = JSON.parse(run.stdout.slice(start)) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer?: string }[] }[];
  };
  const byRule = new Map<string, number>();
  for (const p of report.problems) if (p.severity === 'warn') byRule.set(p.ruleId, (byRule.get(p.ruleId) ?? 0) + 1);
  for (const p of report.problems.filter((x) => x.severity === 'error')) console.error(`error ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
  console.log(`OpenAPI (Redocly recommended): ${report.totals.errors} errors, ${report.totals.warnings} warnings`);
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  warning ${rule}: ${n}`);
  await writeApiTypes(doc);
  const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', path.join(root, 'examples', 'api-client', 'tsconfig.json'), '--noEmit'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (tsc.status !== 0) console.error(`examples/api-client does not typecheck against the generated types:\n${tsc.stdout}${tsc.stderr}`);
  else console.log('examples/api-client typechecks against the generated types');
  process.exitCode = report.totals.errors > 0 || tsc.status !== 0 ? 1 : 0;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
