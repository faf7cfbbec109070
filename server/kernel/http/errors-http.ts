import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_MESSAGES, FIELD_MESSAGES, type FieldMessageKey, fill, type Locale, STATE_NAMES } from '../../../common/i18n/api-messages.js';
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
  const text = fill(template, f.params);
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

/** Maps a zod issue to our field-message keys; custom refinements carry the key as their message. */
export function zodIssueToFieldError(issue: ZodIssueLike, fallbackField = 'body'): FieldError {
  const field = issue.path.map(String).join('.') || fallbackField;
  const p = issue as Record<string, unknown>;
  if (Object.hasOwn(FIELD_MESSAGES, issue.message)) {
    return { field, code: issue.message as FieldMessageKey, params: (p.params as Record<string, unknown>) ?? {} };
  }
  switch (issue.code) {
    case 'invalid_type':
      return p.input === undefined ? { field, code: 'required' } : { field, code: 'invalid_type', params: { expected: p.expected } };
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

function fromFastifyIssue(issue: ZodLikeIssue, part: string): FieldError {
  const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean);
  return zodIssueToFieldError({ ...issue.params, code: issue.keyword, path, message: issue.message }, part);
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

export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'body';
    return new AppError(
      'VALIDATION',
      {},
      error.validation.map((i) => fromFastifyIssue(i as unknown as ZodLikeIssue, part)),
    );
  }
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', { limit: '' });
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) return new AppError('UNSUPPORTED_TYPE', { type: '' });
  if (fe.statusCode === 400 || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code?.startsWith('FST_ERR_CTP')) {
    return new AppError('VALIDATION', {}, [{ field: 'body', code: 'invalid' }]);
  }
  return new AppError('INTERNAL');
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const locale = req.locale ?? 'zh-CN';
  return reply.status(err.status).send(errorBody(err, locale, req.id));
}
