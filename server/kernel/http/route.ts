import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Locale, pickLocale } from '../../../common/i18n/api-messages.js';
import type { RouteAccess } from '../../../common/permissions.js';
import type { Actor } from '../actor.js';
import { loadSecuritySettings } from '../auth/security-settings.js';
import { resolveSession, SESSION_COOKIE } from '../auth/session.js';
import { type Ctx, type Deps, inTransaction, type RequestInfo, readContext } from '../context.js';
import { AppError } from '../errors.js';
import { contractViolations, describeViolations } from './contract-check.js';
import { handleError, sendError } from './errors-http.js';
import { type ErrorStatus, type OperationFacts, type RawMedia, routeRefusals } from './openapi.js';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Answers a user who must change their password first (sign-out, me, change own password). */
    duringPasswordChange?: boolean;
    /** The handler sends a file or stream itself (RouteSpec.raw). */
    raw?: boolean;
    /** What the OpenAPI document says of this operation beyond its schemas (kernel/http/openapi.ts). */
    openapi?: OperationFacts;
  }
}

export type App = FastifyInstance;
type ZodAny = z.ZodType;

export interface RouteSpec<P extends ZodAny, Q extends ZodAny, B extends ZodAny, R extends ZodAny> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** The one permission this route needs (architecture.md §4.4). */
  access: RouteAccess;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  /** 200 response schema: documents the route in OpenAPI and whitelists what is sent. */
  response?: R;
  /** Non-GET routes run in a transaction unless this is false (e.g. login, which records failures either way). */
  transactional?: boolean;
  /** Per-route rate limit (e.g. sign-in), on top of the global one. */
  rateLimit?: { max: number; timeWindow: string };
  /** The handler sends a file or stream itself, of this media type (documented instead of a schema). */
  raw?: RawMedia;
  /** Stable name for clients; default derived from method and path (`getHazardsById`). */
  operationId?: string;
  /** A multipart upload of one `file` part: what it holds (documented as multipart/form-data). */
  upload?: string;
  /** Authenticated by an enterprise's ingestion key (X-Ingest-Key or bearer), not a session. */
  ingestKey?: true;
  /** A body the handler validates itself (after its own authentication): documented, not validated here. */
  bodyDoc?: ZodAny;
  /** Refusals beyond those derived from the route (openapi.ts errorStatuses), e.g. a public sign-in's 401. */
  refuses?: readonly ErrorStatus[];
  /** Also for a user who must change their password (every other route answers PASSWORD_CHANGE_REQUIRED). */
  duringPasswordChange?: true;
  handler: (
    ctx: Ctx,
    input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> },
    http: { req: FastifyRequest; reply: FastifyReply },
  ) => Promise<HandlerResult<R>>;
}

/**
 * What a handler returns: the response schema's input (the serializer parses it into the output that is
 * sent), so a presenter that drifts from its contract fails typecheck. Without a schema (raw files and
 * streams, 204s) anything goes.
 */
type HandlerResult<R extends ZodAny> = z.ZodAny extends R ? unknown : ReadonlyDeep<z.input<R>>;
/** The serializer only reads the value, so a presenter may hand over readonly arrays (constant tables). */
type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyDeep<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
      : T;

const ANONYMOUS: Actor = {
  id: '00000000-0000-0000-0000-000000000001',
  username: 'anonymous',
  displayName: 'anonymous',
  kind: 'platform',
  locale: 'zh-CN',
  roles: [],
  permissions: new Set(),
  departmentId: null,
  enterpriseId: null,
  unitName: null,
  scope: { kind: 'none' },
  mustChangePassword: false,
};

export function requestInfo(req: FastifyRequest): RequestInfo {
  return { id: req.id, ip: req.ip ?? null, locale: req.locale };
}

/** Token from the session cookie, or `Authorization: Bearer` for scripts. */
function tokenOf(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** One /api operation and the permission it declares (docs/authorization.md is generated from these). */
export interface RouteRow {
  method: string;
  url: string;
  access: RouteAccess;
  summary: string;
  /** Sends a file or stream, not JSON: described by its media type, not a schema. */
  raw: boolean;
}
const ROUTE_TABLES = new WeakMap<App, RouteRow[]>();

/** The /api operations registered on an app so far, in registration order. */
export function routeTable(app: App): readonly RouteRow[] {
  return ROUTE_TABLES.get(app) ?? [];
}

/**
 * Installs request id, locale, authentication, the permission gate and error rendering, and refuses
 * to start if an /api route declares no access (architecture.md §4.4).
 */
export function installHttpKernel(app: App, deps: Deps): void {
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  const table: RouteRow[] = [];
  ROUTE_TABLES.set(app, table);
  app.addHook('onRoute', (opts: RouteOptions) => {
    if (!opts.url.startsWith('/api/')) return;
    if (opts.url.startsWith('/api/docs')) return;
    const access = (opts.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new Error(`route ${opts.method} ${opts.url} declares no permission (architecture.md §4.4)`);
    for (const method of [opts.method].flat())
      if (method !== 'HEAD') table.push({ method, url: opts.url, access, summary: opts.schema?.summary ?? '', raw: opts.config?.raw === true });
  });

  app.addHook('onRequest', async (req, reply) => {
    const q = req.query as Record<string, unknown> | undefined;
    const langParam = typeof q?.lang === 'string' ? q.lang : undefined;
    req.locale = pickLocale(langParam ?? (req.headers['accept-language'] as string | undefined));
    reply.header('x-request-id', req.id);
  });

  app.setErrorHandler((error, req, reply) => handleError(error as Error, req, reply, { maxUploadBytes: deps.config.maxUploadBytes }));

  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('NOT_FOUND')));

  // Authenticate and check the permission before the body is validated: unauthenticated is 401
  // whatever the body, and a forbidden caller learns nothing about the input format.
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') {
      const token = tokenOf(req);
      if (token) req.sessionToken = token;
      return;
    }
    const token = tokenOf(req);
    if (!token) throw new AppError('UNAUTHENTICATED');
    const settings = await loadSecuritySettings(deps.database.db);
    const actor = await resolveSession(deps.database.db, token, deps.clock.now(), settings, deps.resolveUnit);
    req.actor = actor;
    req.sessionToken = token;
    if (!q(req).lang && actor.locale && !req.headers['accept-language']) req.locale = actor.locale;
    // A reset, initial or expired password is known to someone else or too old: until it is changed the
    // session may only change it (GB/T 22239-2019 8.1.4.1 a; docs/decisions/0005-separation-of-duties-and-sign-in.md).
    if (actor.mustChangePassword && !req.routeOptions.config?.duringPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access !== 'authenticated' && !actor.permissions.has(access)) throw new AppError('FORBIDDEN');
  });
}

function q(req: FastifyRequest): Record<string, unknown> {
  return (req.query as Record<string, unknown>) ?? {};
}

export function route<P extends ZodAny = z.ZodObject, Q extends ZodAny = z.ZodObject, B extends ZodAny = z.ZodObject, R extends ZodAny = z.ZodAny>(
  app: App,
  deps: Deps,
  spec: RouteSpec<P, Q, B, R>,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const write = spec.method !== 'GET' && spec.transactional !== false;
  const refusals = routeRefusals(
    { access: spec.access, upload: spec.upload, ingestKey: spec.ingestKey, duringPasswordChange: spec.duringPasswordChange, refuses: spec.refuses },
    spec,
  );
  // A raw route with a schema answers JSON when it does not send a file itself: that answer is checked too.
  const checked = deps.config.contractChecks && spec.response ? spec.response : null;
  typed.route({
    method: spec.method,
    url: spec.url,
    config: {
      access: spec.access,
      ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
      ...(spec.duringPasswordChange ? { duringPasswordChange: true } : {}),
      ...(spec.raw ? { raw: true } : {}),
      openapi: {
        access: spec.access,
        refusals,
        ...(spec.operationId ? { operationId: spec.operationId } : {}),
        ...(spec.raw ? { raw: spec.raw, ...(spec.response ? { rawJson: spec.response } : {}) } : {}),
        ...(spec.upload ? { upload: spec.upload } : {}),
        ...(spec.ingestKey ? { ingestKey: true } : {}),
        ...(spec.bodyDoc ? { bodyDoc: spec.bodyDoc } : {}),
        ...(spec.duringPasswordChange ? { duringPasswordChange: true } : {}),
        ...(spec.refuses ? { refuses: spec.refuses } : {}),
      },
    },
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.response && !spec.raw ? { response: { 200: spec.response } } : {}),
      ...(spec.access !== 'public' && spec.access !== 'authenticated' ? { description: `Permission: \`${spec.access}\`` } : {}),
    },
    // Test runs: a refusal the document does not list is named on stderr, so the rule (openapi.ts errorStatuses) or the
    // route's `refuses` can be corrected; a warning, since a missing entry misleads a client but breaks no answer.
    ...(deps.config.contractChecks
      ? {
          onSend: async (req: FastifyRequest, reply: FastifyReply) => {
            const status = reply.statusCode;
            if (status >= 400 && status < 500 && !refusals.some((s) => s === status)) {
              process.stderr.write(`[contract] ${spec.method} ${spec.url} answered ${status}, which its OpenAPI does not list (${refusals.join(', ')})\n`);
              req.log.warn({ route: `${spec.method} ${spec.url}`, status }, 'undocumented refusal');
            }
          },
        }
      : {}),
    handler: async (req, reply) => {
      const actor = req.actor ?? ANONYMOUS;
      const input = {
        params: req.params as z.infer<P>,
        query: req.query as z.infer<Q>,
        body: req.body as z.infer<B>,
      };
      const info = requestInfo(req);
      const run = async (ctx: Ctx) => {
        const value = await spec.handler(ctx, input, { req, reply });
        // Inside the transaction, so a write whose answer breaks its contract is rolled back with the 500.
        if (checked && !reply.sent) checkContract(checked, `${spec.method} ${spec.url}`, value, req);
        return value;
      };
      const result = write ? await inTransaction(deps, actor, info, run) : await run(readContext(deps, actor, info));
      if (reply.sent) return reply;
      return result;
    },
  });
}

/**
 * Test runs (config.contractChecks): a value with a key its schema lacks, or missing or ill-typed one, is a
 * 500 naming the route and the paths, so every medium test that calls the route fails. The log line goes to
 * stderr as well, since test apps usually log nothing.
 */
function checkContract(schema: ZodAny, routeName: string, value: unknown, req: FastifyRequest): void {
  const violations = contractViolations(schema, value);
  if (violations.length === 0) return;
  const message = describeViolations(routeName, violations);
  req.log.error({ route: routeName, violations }, message);
  process.stderr.write(`[contract] ${message}\n`);
  throw new Error(message);
}

export const newRequestId = () => randomUUID();

/** Shared query pieces for collections (product.md §4). */
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z
    .string()
    .regex(/^[a-zA-Z]+:(asc|desc)$/, { message: 'invalid_format' })
    .optional(),
  lang: z.enum(['zh-CN', 'en-US']).optional(),
});

export function ZPage<T extends ZodAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
