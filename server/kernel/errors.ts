import type { ErrorCode, FieldMessageKey } from '../../common/i18n/api-messages.js';

export interface FieldError {
  field: string;
  code: FieldMessageKey;
  params?: Record<string, unknown>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  PASSWORD_POLICY: 400,
  IMPORT_REJECTED: 400,
  CAP_INVALID: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  BAD_CREDENTIALS: 401,
  CAPTCHA_REQUIRED: 401,
  CAPTCHA_INVALID: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  OWN_ACCOUNT: 403,
  ADMIN_ACCOUNT: 403,
  PASSWORD_HALVES_ONE_PERSON: 403,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  SEPARATION_OF_DUTIES: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  NO_PASSWORD_RESET_PENDING: 409,
  CONFLICT: 409,
  SUPPLEMENT_WINDOW_CLOSED: 409,
  STALE_VERSION: 409,
  DUPLICATE: 409,
  HAZARD_PLAN_REQUIRED: 409,
  VERIFIER_IS_RECTIFIER: 409,
  HAZARD_NOT_MAJOR: 409,
  LISTING_EXISTS: 409,
  LISTING_HAZARD_OPEN: 409,
  BULK_NOT_ALLOWED: 409,
  BULK_OUT_OF_SCOPE: 404,
  STATS_ALREADY_SUBMITTED: 409,
  STATS_PERIOD_OPEN: 409,
  ALARM_FEEDBACK_REQUIRED: 409,
  ALARM_NOT_REAL: 409,
  ALARM_ALREADY_LINKED: 409,
  SENSOR_CHANGE_NEEDS_APPROVAL: 409,
  SENSOR_CHANGE_PENDING: 409,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_TOO_LARGE: 413,
  IMPORT_TOO_MANY_ROWS: 413,
  BAD_URL: 400,
  BAD_REQUEST: 400,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  DUPLICATE_RECORD: 409,
  UNSUPPORTED_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** A failure the client should see; rendered to `{ error: { code, message, details } }` in its language. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldError[] = [],
    /** Extra machine-readable details, e.g. the row errors of a rejected import. */
    readonly extra?: unknown,
  ) {
    super(code);
    this.status = STATUS[code] ?? 400;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const invalid = (fields: FieldError[]) => new AppError('VALIDATION', {}, fields);
export const invalidField = (field: string, code: FieldMessageKey, params?: Record<string, unknown>) => invalid([{ field, code, params }]);
