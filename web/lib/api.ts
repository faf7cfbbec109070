import type { FormInstance } from 'antd';
import { currentLocale, translate } from '../i18n';

/** One field-level problem of a 400, already in the user's language (architecture.md §4.13). */
export interface ErrorDetail {
  field: string;
  label: string;
  code: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly extra?: unknown,
  ) {
    super(message);
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** JSON-serialisable value, or FormData for uploads. */
  body?: unknown;
  signal?: AbortSignal;
  /** Leave a 401 to the caller instead of sending the user to the login page. */
  allowUnauthenticated?: boolean;
}

let unauthorizedHandler: (() => void) | null = null;

/** The app registers what a 401 means (clear the session, go to /login). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

let passwordChangeHandler: (() => void) | null = null;

/** The app registers what PASSWORD_CHANGE_REQUIRED means (reload the user, who is then sent to 修改密码). */
export function onPasswordChangeRequired(handler: () => void): void {
  passwordChangeHandler = handler;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page, empty body)
  }
  const e = (body as { error?: { code?: string; message?: string; details?: ErrorDetail[]; extra?: unknown } } | null)?.error;
  return new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? `${res.status} ${res.statusText}`, e?.details ?? [], e?.extra);
}

async function send(path: string, opts: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': currentLocale() };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      credentials: 'same-origin',
      headers,
      body,
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', translate(currentLocale(), 'common.network'));
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !opts.allowUnauthenticated) unauthorizedHandler?.();
    if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') passwordChangeHandler?.();
    throw error;
  }
  return res;
}

/** JSON request to the Taihang API. Throws ApiError with the server's localized message. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts, 'application/json');
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
}

/** Downloads a file (exports, templates) with the session and language, saving it under the server's name. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const res = await send(path, { query }, '*/*');
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Converts a server field path ('licences.0.validTo') to an antd name path. */
export function toNamePath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts a 400's field errors on the form. Returns the details that match no field of the form, so
 * the caller can show them with the general message.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): ErrorDetail[] {
  if (!(err instanceof ApiError) || !err.details.length) return [];
  const known = new Set(Object.keys(form.getFieldsValue() ?? {}));
  const onForm = err.details.filter((d) => known.has(String(toNamePath(d.field)[0])));
  // One field may fail several rules (password length and classes): show them all.
  const byField = new Map<string, string[]>();
  for (const d of onForm) byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
  form.setFields([...byField].map(([field, errors]) => ({ name: toNamePath(field), errors })));
  const first = onForm[0];
  if (first) form.scrollToField(toNamePath(first.field), { block: 'center' });
  return err.details.filter((d) => !onForm.includes(d));
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError || err instanceof Error) return err.message;
  return String(err);
}
