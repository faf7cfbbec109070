import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors.js';

/**
 * Characters no text field of the platform may hold, refused for every request before its schema runs:
 * - U+0000: PostgreSQL cannot store it in text or jsonb (the query fails, so it used to be a 500);
 * - the other C0 controls except tab, line feed and carriage return, U+FFFE and U+FFFF: not allowed
 *   in XML 1.0 (CAP messages, xlsx) and never typed by a person;
 * - a lone UTF-16 surrogate: not a character at all; it cannot be encoded as UTF-8 for the database.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deep enough for every real request body; deeper nesting is refused rather than walked. */
const MAX_DEPTH = 64;

/** The first string (or object key) with a forbidden character, as a dotted path; null if there is none. */
export function findForbiddenText(value: unknown, path: (string | number)[] = [], depth = 0): { path: (string | number)[]; tooDeep?: true } | null {
  if (typeof value === 'string') return FORBIDDEN.test(value) ? { path } : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return { path, tooDeep: true };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenText(value[i], [...path, i], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN.test(k)) return { path: [...path, k] };
    const hit = findForbiddenText(v, [...path, k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

function check(req: FastifyRequest): FieldError | null {
  const parts: [string, unknown][] = [
    ['params', req.params],
    ['query', req.query],
    ['body', req.body],
  ];
  for (const [part, value] of parts) {
    const hit = findForbiddenText(value);
    if (hit) {
      const field = hit.path.map(String).join('.') || part;
      return { field, code: hit.tooDeep ? 'too_deep' : 'characters' };
    }
  }
  return null;
}

/**
 * Registered after authentication (a caller without a session still gets 401 whatever it sends) and
 * before schema validation, so no handler, query or export ever sees such text.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const f = check(req);
    if (f) throw new AppError('VALIDATION', {}, [f]);
  });
}
