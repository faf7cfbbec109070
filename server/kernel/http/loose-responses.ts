/**
 * Finds what a client cannot type in an OpenAPI document: an operation whose success answer has no schema, or
 * one that lets anything through somewhere inside (`z.record(z.string(), z.unknown())`, `{}`, `z.unknown()`,
 * passthrough objects). Raw operations (files, streams, XML) are described by their media type instead.
 */

type Schema = Record<string, unknown>;
type Operation = { responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }> };
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface LooseOperation {
  /** `METHOD /api/path/:param`, as routes are registered. */
  route: string;
  /** `no success schema`, or the JSON paths in the answer that accept anything. */
  problems: string[];
}

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON paths (`items[].before`) inside a schema where any value or any extra key is accepted. */
export function loosePaths(schema: Schema, at = ''): string[] {
  const here = at || '(answer)';
  const out: string[] = [];
  const keys = Object.keys(schema).filter((k) => k !== 'description' && k !== 'title' && k !== 'example' && k !== 'default');
  if (keys.length === 0) return [`${here}: any value`];
  const ap = schema.additionalProperties;
  const props = isSchema(schema.properties) ? schema.properties : {};
  const objectish = schema.type === 'object' || 'properties' in schema || 'additionalProperties' in schema;
  if (objectish) {
    if (ap === true || (isSchema(ap) && Object.keys(ap).length === 0)) out.push(`${here}: any extra key`);
    else if (ap === undefined && Object.keys(props).length === 0) out.push(`${here}: any object`);
  }
  for (const [k, v] of Object.entries(props)) if (isSchema(v)) out.push(...loosePaths(v, at ? `${at}.${k}` : k));
  if (isSchema(ap) && Object.keys(ap).length > 0) out.push(...loosePaths(ap, `${at}{}`));
  if (isSchema(schema.items)) out.push(...loosePaths(schema.items, `${at}[]`));
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[k];
    if (Array.isArray(list)) for (const s of list) if (isSchema(s)) out.push(...loosePaths(s, at));
  }
  return out;
}

/** Every operation of the document whose success answer is missing or loose, except the raw ones. */
export function looseOperations(doc: OpenApiDoc): LooseOperation[] {
  const found: LooseOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
      if (success.some(([code]) => code === '204')) continue;
      const content = success.flatMap(([, r]) => Object.entries(r.content ?? {}));
      const json = content.filter(([type]) => type === 'application/json');
      if (content.length > 0 && json.length === 0) continue; // raw: a file, a stream, XML
      const schema = json[0]?.[1].schema;
      if (!schema) {
        found.push({ route, problems: ['no success schema'] });
        continue;
      }
      const problems = loosePaths(schema);
      if (problems.length > 0) found.push({ route, problems });
    }
  }
  return found;
}
