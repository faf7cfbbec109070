import type { z } from 'zod';

/** One way a handler's value breaks its route's response schema. */
export interface ContractViolation {
  /** Where in the value, e.g. `items.3.deadline` (empty for the value itself). */
  path: string;
  problem: 'unknown key' | string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * Checks a handler's value deeply against its response schema: an ill-typed or missing field (what the
 * serializer would refuse) and a key the schema does not declare (what the serializer would silently drop,
 * so the handler computed something the contract does not promise). Loose schemas (passthrough, records)
 * keep unknown keys and so pass here; the OpenAPI contract test finds those.
 */
export function contractViolations(schema: z.ZodType, value: unknown): ContractViolation[] {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), problem: i.message }));
  const out: ContractViolation[] = [];
  dropped(value, parsed.data, '', out);
  return out;
}

/** Walks the value and what parsing made of it side by side; a key present in one and gone from the other was stripped. */
function dropped(sent: unknown, kept: unknown, path: string, out: ContractViolation[]): void {
  if (Array.isArray(sent) && Array.isArray(kept)) {
    for (let i = 0; i < sent.length && i < kept.length; i++) dropped(sent[i], kept[i], join(path, i), out);
    return;
  }
  if (!isPlainObject(sent) || !isPlainObject(kept)) return;
  for (const key of Object.keys(sent)) {
    // JSON leaves undefined out either way: not a field the client would have received.
    if (sent[key] === undefined) continue;
    if (!Object.hasOwn(kept, key)) out.push({ path: join(path, key), problem: 'unknown key' });
    else dropped(sent[key], kept[key], join(path, key), out);
  }
}

/** One line for the log and the test output: the route and every path that breaks its contract. */
export function describeViolations(route: string, violations: readonly ContractViolation[]): string {
  const shown = violations.slice(0, 20).map((v) => `${v.path || '(value)'}: ${v.problem}`);
  const more = violations.length > shown.length ? ` (+${violations.length - shown.length} more)` : '';
  return `response of ${route} breaks its contract: ${shown.join('; ')}${more}`;
}
