import type { FormRule } from 'antd';
import type { z } from 'zod';
import { FIELD_MESSAGES, type FieldMessageKey, fill, type Locale } from '../../common/i18n/api-messages';
import { currentLocale, translate } from '../i18n';

/**
 * antd Form rules read off the shared zod schema the server validates with, so the form refuses what
 * the server would (required, length, range, pattern) with the server's own words (FIELD_MESSAGES),
 * and a limit changed in common/contracts changes both at once.
 */

type AnySchema = z.core.$ZodType;
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  error?: (issue: unknown) => unknown;
}

/** What a field's schema allows, as far as a form can check it before sending. */
export interface FieldLimits {
  type: string;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  patterns: { pattern: RegExp; message: FieldMessageKey }[];
  /** Message keys given in the schema for a check (e.g. 'coordinates' for a range). */
  messages: Partial<Record<'min' | 'max' | 'minLength' | 'maxLength', FieldMessageKey>>;
  options?: readonly unknown[];
}

const defOf = (s: AnySchema) =>
  s._zod.def as unknown as {
    type: string;
    innerType?: AnySchema;
    in?: AnySchema;
    out?: AnySchema;
    checks?: { _zod: { def: CheckDef } }[];
    entries?: Record<string, unknown>;
    values?: unknown[];
    shape?: Record<string, AnySchema>;
  };

/** The schema of one field of an object schema (also through .strict/.partial/.required/pipes). */
function fieldSchema(schema: AnySchema, field: string): AnySchema {
  let s: AnySchema = schema;
  for (const part of field.split('.')) {
    s = unwrap(s).schema;
    const def = defOf(s);
    if (def.type === 'object') {
      const shape = (s as unknown as { shape: Record<string, AnySchema> }).shape;
      const next = shape[part];
      if (!next) throw new Error(`rulesFor: the schema has no field '${field}'`);
      s = next;
    } else if (def.type === 'array' && /^\d+$/.test(part)) {
      s = (s as unknown as { element: AnySchema }).element;
    } else throw new Error(`rulesFor: cannot find '${field}' in a ${def.type} schema`);
  }
  return s;
}

/** Strips optional/nullable/default/pipe wrappers, noting whether an absent value is allowed. */
function unwrap(schema: AnySchema): { schema: AnySchema; optional: boolean } {
  let s = schema;
  let optional = false;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault' || def.type === 'catch') {
      // null counts as absent too: an emptied antd field is undefined or null.
      optional = true;
      s = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      // z.preprocess(fn, schema) and schema.transform(fn): the checks that matter are on the schema side.
      const inner = defOf(def.in as AnySchema).type === 'transform' ? (def.out as AnySchema) : (def.in as AnySchema);
      s = inner;
    } else if (def.type === 'readonly') s = def.innerType as AnySchema;
    else break;
  }
  return { schema: s, optional };
}

function messageKey(c: CheckDef): FieldMessageKey | undefined {
  if (!c.error) return undefined;
  try {
    const m = c.error({});
    if (typeof m === 'string' && m in FIELD_MESSAGES) return m as FieldMessageKey;
  } catch {
    // an error map that needs a real issue: fall back to the generic message
  }
  return undefined;
}

/** The limits of `field` in `schema` (a zod object schema from common/contracts). */
export function limitsOf(schema: AnySchema, field: string): FieldLimits {
  const { schema: s, optional } = unwrap(fieldSchema(schema, field));
  const def = defOf(s);
  const out: FieldLimits = { type: def.type, required: !optional, patterns: [], messages: {} };
  if (def.type === 'enum') out.options = Object.values(def.entries ?? {});
  if (def.type === 'literal') out.options = def.values;
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    const key = messageKey(c);
    if (c.check === 'min_length' && c.minimum !== undefined) {
      out.minLength = Math.max(out.minLength ?? 0, c.minimum);
      if (key) out.messages.minLength = key;
    } else if (c.check === 'max_length' && c.maximum !== undefined) {
      out.maxLength = Math.min(out.maxLength ?? Number.POSITIVE_INFINITY, c.maximum);
      if (key) out.messages.maxLength = key;
    } else if (c.check === 'length_equals' && c.value !== undefined) {
      out.minLength = c.value;
      out.maxLength = c.value;
    } else if (c.check === 'greater_than' && c.value !== undefined) {
      out.min = c.value;
      if (key) out.messages.min = key;
    } else if (c.check === 'less_than' && c.value !== undefined) {
      out.max = c.value;
      if (key) out.messages.max = key;
    } else if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32' || c.format === 'uint32')) {
      out.integer = true;
    } else if (c.check === 'string_format' && c.pattern) {
      out.patterns.push({ pattern: c.pattern, message: key ?? 'invalid_format' });
    }
  }
  // z.email(), z.uuid() etc. are string schemas whose def carries the format itself.
  const own = s._zod.def as unknown as CheckDef;
  if (def.type === 'string' && own.check === 'string_format' && own.pattern) out.patterns.push({ pattern: own.pattern, message: 'invalid_format' });
  return out;
}

const text = (locale: Locale, key: FieldMessageKey, params?: Record<string, unknown>) => fill(FIELD_MESSAGES[key][locale], params);

/**
 * antd rules for `field` of a shared zod schema: `<Form.Item name="title" rules={rulesFor(ZCreateHazard, 'title')}>`.
 * Nested fields by dotted path ('plan.deadline'). Strings are checked trimmed, as the schemas trim.
 */
export function rulesFor(schema: AnySchema, field: string, locale: Locale = currentLocale()): FormRule[] {
  const l = limitsOf(schema, field);
  const rules: FormRule[] = [];
  // async-validator checks a rule with more keys than `required` by its type (string by default): only strings
  // get `whitespace`, and other values a validator of their own, or a number would fail as "not a string".
  if (l.required)
    rules.push(
      l.type === 'string' ? { required: true, whitespace: true, message: text(locale, 'required') } : { required: true, message: text(locale, 'required') },
    );
  if (l.type === 'string') {
    if (l.minLength !== undefined && l.minLength > 0)
      rules.push({ min: l.minLength, transform: trim, message: text(locale, l.messages.minLength ?? 'too_short', { minimum: l.minLength }) });
    if (l.maxLength !== undefined)
      rules.push({ max: l.maxLength, transform: trim, message: text(locale, l.messages.maxLength ?? 'too_long', { maximum: l.maxLength }) });
    for (const p of l.patterns) rules.push({ pattern: p.pattern, transform: trim, message: text(locale, p.message) });
  }
  if (l.type === 'number' || l.type === 'int') {
    rules.push({
      validator: async (_rule, value: unknown) => {
        if (value === undefined || value === null || value === '') return;
        if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(translate(locale, 'kit.number.invalid'));
        if (l.integer && !Number.isInteger(value)) throw new Error(translate(locale, 'kit.number.integer'));
        if (l.min !== undefined && value < l.min) throw new Error(text(locale, l.messages.min ?? 'too_small', { minimum: l.min }));
        if (l.max !== undefined && value > l.max) throw new Error(text(locale, l.messages.max ?? 'too_big', { maximum: l.max }));
      },
    });
  }
  return rules;
}

/** The schema's longest text for `field`, for a TextInput's counter and `maxLength`. */
export function maxLengthOf(schema: AnySchema, field: string): number | undefined {
  const m = limitsOf(schema, field).maxLength;
  return m === undefined || !Number.isFinite(m) ? undefined : m;
}

function trim(v: unknown): unknown {
  return typeof v === 'string' ? v.trim() : v;
}
