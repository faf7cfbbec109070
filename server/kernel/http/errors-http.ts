import http from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ERROR_MESSAGES,
  type ErrorCode,
  FIELD_MESSAGES,
  type FieldMessageKey,
  fill,
  type Locale,
  pickLocale,
  STATE_NAMES,
  TYPE_NAMES,
} from '../../../common/i18n/api-messages.js';
import { fieldLabel } from '../../../common/i18n/field-labels.js';
import { AppError, type FieldError } from '../errors.js';

export interface ErrorDetail {
  field: string;
  label: string;
  code: string;
  message: string;
}

export function renderField(f: FieldError, locale: Locale): ErrorDetail {
  const template = FIELD_MESSAGES[f.code]?.[locale] ?? FIELD_MESSAGES.invalid[locale];
  const label = fieldLabel(f.field, locale);
  const params = { ...f.params };
  if (f.code === 'invalid_type' && typeof params.expected === 'string') params.expected = TYPE_NAMES[params.expected]?.[locale] ?? params.expected;
  const text = fill(template, params);
  return { field: f.field, label, code: f.code, message: locale === 'en-US' ? `${label} ${text}` : `${label}：${text}` };
}

interface ZodLikeIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** A raw zod issue's relevant parts (the same shape fastify-type-provider-zod flattens). */
export interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  [k: string]: unknown;
}

/** What the client sent at a path inside a parsed body or query; `undefined` when nothing is there. */
function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * Maps a zod issue to our field-message keys; custom refinements carry the key as their message.
 * `input` is what was validated: zod does not report the offending value, and only it tells a
 * missing field (必填) from one of the wrong type (类型错误，应为…).
 */
export function zodIssueToFieldError(issue: ZodIssueLike, fallbackField = 'body', input?: unknown): FieldError {
  const field = issue.path.map(String).join('.') || fallbackField;
  const p = issue as Record<string, unknown>;
  if (Object.hasOwn(FIELD_MESSAGES, issue.message)) {
    return { field, code: issue.message as FieldMessageKey, params: (p.params as Record<string, unknown>) ?? {} };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const given = 'input' in p ? p.input : valueAt(input, issue.path);
      // An empty query parameter (`?page=`) is as good as missing.
      return given === undefined || given === '' ? { field, code: 'required' } : { field, code: 'invalid_type', params: { expected: p.expected } };
    }
    case 'too_small':
      return { field, code: p.origin === 'string' ? 'too_short' : 'too_small', params: { minimum: p.minimum } };
    case 'too_big':
      return { field, code: p.origin === 'string' ? 'too_long' : 'too_big', params: { maximum: p.maximum } };
    case 'invalid_value':
      return { field, code: 'invalid_value', params: { values: ((p.values as unknown[]) ?? []).join(', ') } };
    case 'invalid_format':
      return { field, code: 'invalid_format' };
    case 'unrecognized_keys':
      return { field, code: 'unrecognized_keys', params: { keys: ((p.keys as string[]) ?? []).join(', ') } };
    default:
      return { field, code: 'invalid' };
  }
}

function fromFastifyIssue(issue: ZodLikeIssue, part: string, input: unknown): FieldError {
  const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean);
  return zodIssueToFieldError({ ...issue.params, code: issue.keyword, path, message: issue.message }, part, input);
}

export function errorBody(err: AppError, locale: Locale, requestId?: string) {
  const params: Record<string, unknown> = { ...err.params, requestId };
  for (const k of ['from', 'action']) {
    const v = params[k];
    if (typeof v === 'string' && STATE_NAMES[v]) params[k] = STATE_NAMES[v][locale];
  }
  const message = fill(ERROR_MESSAGES[err.code][locale], params);
  return {
    error: {
      code: err.code,
      message,
      details: err.fields.map((f) => renderField(f, locale)),
      ...(err.extra !== undefined ? { extra: err.extra } : {}),
    },
  };
}

/** What toAppError needs of the request and the server to name the offending part and the limits. */
export interface ErrorContext {
  req?: FastifyRequest;
  /** The multipart file limit (TAIHANG_MAX_UPLOAD_MB). */
  maxUploadBytes?: number;
}

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** A content type as the client sent it, shortened and stripped of anything that is not printable. */
function sentType(req: FastifyRequest | undefined): string {
  const t = String(req?.headers['content-type'] ?? '').replace(/[^\x20-\x7e]/g, '?');
  return (t.length > 80 ? `${t.slice(0, 80)}…` : t) || '—';
}

const PART_INPUT: Record<string, (req: FastifyRequest) => unknown> = {
  body: (req) => req.body,
  querystring: (req) => req.query,
  params: (req) => req.params,
  headers: (req) => req.headers,
};

/** Fastify's and its plugins' own refusals (parsers, limits, multipart), in the platform's terms. */
function fromFastify(fe: FastifyError, ctx: ErrorContext): AppError | null {
  const req = ctx.req;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: megabytes(req?.routeOptions.bodyLimit ?? req?.server.initialConfig.bodyLimit ?? 1024 * 1024) });
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: megabytes(ctx.maxUploadBytes ?? 0) });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_TYPE', { type: sentType(req) });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('VALIDATION', {}, [{ field: 'body', code: 'required' }]);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError('VALIDATION', {}, [{ field: 'body', code: 'json' }]);
    case 'FST_ERR_BAD_URL':
      return new AppError('BAD_URL');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('VALIDATION', {}, [{ field: 'params', code: 'too_long', params: { maximum: req?.server.initialConfig.maxParamLength ?? 100 } }]);
  }
  const status = fe.statusCode ?? 0;
  // JSON.parse's SyntaxError (and secure-json-parse's __proto__ refusal) carry 400.
  if (fe instanceof SyntaxError && status === 400) return new AppError('VALIDATION', {}, [{ field: 'body', code: 'json' }]);
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', { limit: megabytes(ctx.maxUploadBytes ?? 0) });
  if (status === 415) return new AppError('UNSUPPORTED_TYPE', { type: sentType(req) });
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status === 404) return new AppError('NOT_FOUND');
  // Any other refusal of the request itself (4xx) stays a 400 in the platform's format, never a 500.
  if (status >= 400 && status < 500) return new AppError('VALIDATION', {}, [{ field: 'body', code: 'invalid' }]);
  return null;
}

/** The SQLSTATE of a database error, looking through drizzle's wrapper to the driver's error. */
function sqlState(error: unknown): { code: string; column?: string } | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, column: (e as { column?: string }).column };
  }
  return null;
}

/**
 * Database refusals caused by what the client sent. The schemas and the input guard are meant to
 * stop such input first; this is the safety net, so a gap there is a 400/409 (logged as a warning),
 * not a 500.
 */
function fromDatabase(error: unknown): AppError | null {
  const s = sqlState(error);
  if (!s) return null;
  const field = s.column ?? 'body';
  switch (s.code) {
    case '22P02': // invalid_text_representation (e.g. a bad uuid or number)
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22009': // invalid_time_zone_displacement_value
    case '22023': // invalid_parameter_value
    case '2201B': // invalid_regular_expression
    case '22P03': // invalid_binary_representation
    case '23514': // check_violation
      return new AppError('VALIDATION', {}, [{ field, code: 'invalid' }]);
    case '22001': // string_data_right_truncation
    case '54000': // program_limit_exceeded (e.g. an index row too large for a huge string)
      return new AppError('VALIDATION', {}, [{ field, code: 'too_long', params: { maximum: '—' } }]);
    case '22003': // numeric_value_out_of_range
      return new AppError('VALIDATION', {}, [{ field, code: 'too_big', params: { maximum: '—' } }]);
    case '22021': // character_not_in_repertoire
    case '22P05': // untranslatable_character (\u0000 in jsonb)
    case '22026': // string_data_length_mismatch
      return new AppError('VALIDATION', {}, [{ field, code: 'characters' }]);
    case '23502': // not_null_violation
      return new AppError('VALIDATION', {}, [{ field, code: 'required' }]);
    case '23503': // foreign_key_violation: the referenced record does not exist
      return new AppError('VALIDATION', {}, [{ field, code: 'reference' }]);
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
      return new AppError('DUPLICATE_RECORD');
    default:
      return null;
  }
}

export function toAppError(error: FastifyError | Error, ctx: ErrorContext = {}): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'body';
    const input = ctx.req ? PART_INPUT[part]?.(ctx.req) : undefined;
    const field = part === 'querystring' ? 'query' : part;
    return new AppError(
      'VALIDATION',
      {},
      error.validation.map((i) => fromFastifyIssue(i as unknown as ZodLikeIssue, field, input)),
    );
  }
  return fromFastify(error as FastifyError, ctx) ?? fromDatabase(error) ?? new AppError('INTERNAL');
}

/**
 * The one error handler: renders every refusal in the caller's language, logs a 500 with its error
 * and a database refusal that got past validation as a warning (it names a missing check).
 */
export function handleError(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply, ctx: Omit<ErrorContext, 'req'> = {}) {
  const appErr = toAppError(error, { ...ctx, req });
  if (appErr.code === 'INTERNAL') req.log.error({ err: error }, 'unhandled error');
  else if (!(error instanceof AppError) && sqlState(error)) req.log.warn({ err: error }, 'database refused input that passed validation');
  return sendError(req, reply, appErr);
}

/**
 * Node's refusals before there is a request (headers or URL over 16 KB, a request that is not HTTP):
 * the platform's error body. Without readable headers the language is unknown, so both are given.
 */
export function clientError(err: NodeJS.ErrnoException, socket: import('node:net').Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ErrorCode] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'HEADERS_TOO_LARGE'] : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'REQUEST_TIMEOUT'] : [400, 'BAD_REQUEST'];
  const params = { limit: `${Math.round(http.maxHeaderSize / 1024)} KB` };
  const message = `${fill(ERROR_MESSAGES[code]['zh-CN'], params)} / ${fill(ERROR_MESSAGES[code]['en-US'], params)}`;
  const body = JSON.stringify({ error: { code, message, details: [] } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Fastify's refusals before routing (a URL that cannot be decoded, an over-long parameter). */
export function frameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  req.locale = pickLocale(req.headers['accept-language'] as string | undefined);
  reply.header('x-request-id', req.id);
  return handleError(error, req, reply);
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const locale = req.locale ?? 'zh-CN';
  return reply.status(err.status).send(errorBody(err, locale, req.id));
}
