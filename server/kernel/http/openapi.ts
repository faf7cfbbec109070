import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/i18n/api-messages.js';
import type { RouteAccess } from '../../../common/permissions.js';

/**
 * The OpenAPI document served at /api/openapi.json, shaped for clients and generators: a stable operationId
 * per operation, every refusal it can give with the one error body, the security schemes it accepts, media
 * types of raw answers and multipart uploads, and a description per tag. `npm run lint:openapi` holds it to
 * Redocly's `recommended` rules.
 */

/** What a raw route sends instead of JSON (RouteSpec.raw). */
export const RAW_MEDIA = {
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: 'An Excel workbook (attachment)' },
  atom: { type: 'application/atom+xml', description: 'An Atom feed' },
  xml: { type: 'application/xml', description: 'An XML document' },
  cap: { type: 'application/cap+xml', description: 'A CAP 1.2 alert message (attachment)' },
  'event-stream': { type: 'text/event-stream', description: 'Server-sent events, one per change, until the client closes' },
  file: { type: 'application/octet-stream', description: 'The stored file with its own content type (attachment)' },
  json: { type: 'application/json', description: 'A JSON document described by its own standard' },
} as const;
export type RawMedia = keyof typeof RAW_MEDIA;

/** What route() hands to the document for one operation (route config `openapi`). */
export interface OperationFacts {
  access: RouteAccess;
  operationId?: string;
  raw?: RawMedia;
  /** A raw route's JSON answer, when it gives one instead of the file (e.g. `?format=json`). */
  rawJson?: z.ZodType;
  /** A multipart upload: what its one `file` part holds. */
  upload?: string;
  /** Authenticates itself with an enterprise's ingestion key instead of a session. */
  ingestKey?: boolean;
  /** A body the handler validates itself (after its own authentication), shown to clients as if declared. */
  bodyDoc?: z.ZodType;
  /** Answers a user who must change their password (no PASSWORD_CHANGE_REQUIRED 403). */
  duringPasswordChange?: boolean;
  /** Refusals beyond the derived ones (e.g. 401 of a public sign-in). */
  refuses?: readonly ErrorStatus[];
  /** All refusals the operation documents (errorStatuses, computed once by route()). */
  refusals?: readonly ErrorStatus[];
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The input is invalid: `details` names each field (path, query or body) and what is wrong with it' },
  401: { name: 'Unauthenticated', description: 'No valid session or key: sign in (or send a valid key) and retry' },
  403: { name: 'Forbidden', description: 'Signed in but not allowed: the permission, the object policy or a pending password change refuses' },
  404: { name: 'NotFound', description: 'No such object, or not within the caller’s data scope (the two are not told apart)' },
  409: { name: 'Conflict', description: 'The object changed meanwhile (stale version), the state does not allow the action, or a duplicate' },
  413: { name: 'PayloadTooLarge', description: 'The body or the uploaded file is over the limit' },
  415: { name: 'UnsupportedMediaType', description: 'The body’s content type is not the one this operation takes' },
  429: { name: 'TooManyRequests', description: 'Too many requests from this address; retry after the time given in `retry-after`' },
};

/**
 * Which refusals an operation documents (each follows from how the kernel handles the request):
 * - 400 when it takes path parameters, a query or a body (the validator, and the input guard on every string);
 * - 401 unless public (no session); a public route that authenticates itself (ingest key) or signs in declares it;
 * - 403 unless public: the permission gate, object policies, and a password that must be changed first (except
 *   the few routes that serve that change);
 * - 404 for a path with an object id (unknown or out of scope) and for input naming objects by id (`enterpriseId` in the
 *   query, `ids` of a bulk action in the body);
 * - 409 for every signed-in write: a stale version, a state that does not allow the action, a duplicate (a unique key
 *   of any table answers DUPLICATE_RECORD) — medium tests saw creates and two-segment actions answer it;
 * - 413 and 415 for everything that takes a body or an upload (2 MB JSON body limit, upload limit, JSON only);
 * - 429 everywhere: the rate limit is global (per process and address), sign-in and ingestion have their own.
 */
export function errorStatuses(facts: OperationFacts, op: { method: string; url: string; hasQuery: boolean; inputIds: boolean; body: boolean }): ErrorStatus[] {
  const out = new Set<ErrorStatus>(facts.refuses ?? []);
  const pathParams = /:\w+/.test(op.url);
  const takesBody = op.body || !!facts.upload || !!facts.bodyDoc;
  if (pathParams || op.hasQuery || takesBody) out.add(400);
  if (facts.access !== 'public' || facts.ingestKey) out.add(401);
  if (facts.access !== 'public' && !(facts.access === 'authenticated' && facts.duringPasswordChange)) out.add(403);
  if (pathParams || op.inputIds) out.add(404);
  const write = op.method !== 'GET';
  if (write && facts.access !== 'public') out.add(409);
  if (takesBody) {
    out.add(413);
    out.add(415);
  }
  out.add(429);
  return [...out].sort((a, b) => a - b);
}

/** The keys of an object schema (through optional/default/pipe wrappers); null when it is not one. */
function objectKeys(schema: z.ZodType | undefined): string[] | null {
  if (!schema) return [];
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : null;
}

/** errorStatuses of a route from its zod schemas (route() records the result for the document and the test-run check). */
export function routeRefusals(
  facts: OperationFacts,
  spec: { method: string; url: string; query?: z.ZodType; body?: z.ZodType; bodyDoc?: z.ZodType },
): ErrorStatus[] {
  const queryKeys = objectKeys(spec.query);
  return errorStatuses(facts, {
    method: spec.method,
    url: spec.url,
    hasQuery: queryKeys === null || queryKeys.some((k) => k !== 'lang'),
    inputIds: [...(queryKeys ?? []), ...(objectKeys(spec.body ?? spec.bodyDoc) ?? [])].some((k) => /(Id|Ids|^ids)$/.test(k)),
    body: !!(spec.body ?? spec.bodyDoc),
  });
}

/** The one error body (kernel/http/errors-http.ts errorBody), for every refusal. */
export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]]).describe('Stable machine-readable code'),
      message: z.string().describe('What went wrong, in the caller’s language'),
      details: z
        .array(
          z.object({
            field: z.string().describe('Path of the offending input, e.g. `readings.3.ts`'),
            label: z.string().describe('The field’s name in the caller’s language'),
            code: z.string().describe('What is wrong (required, too_big, invalid_type…)'),
            message: z.string(),
          }),
        )
        .describe('One entry per offending field (empty when the refusal is not about a field)'),
      extra: z.unknown().optional().describe('Machine-readable extras of some refusals, e.g. the row errors of a rejected import'),
    }),
  })
  .describe('The platform’s error body');

/** One line per module: what its operations are about. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  platform: 'Health, this document, server-sent change events and the working-day calendar’s neighbours',
  identity: 'Sign-in, sessions, own account, users and roles (三权分立: system, security and audit administrators)',
  security: 'Sign-in security settings: lockout, session timeout, password policy',
  registry: 'Regions, departments, enterprises and the supervision table (who supervises whom)',
  hazards: 'Hidden hazards (隐患): reporting, rectification, verification, listing of major hazards, statistics reports',
  risk: 'Risk points, major hazard installations (GB 18218) and tailings ponds, with their grading',
  accidents: 'Accident reports along the reporting chain, supplements, actions and statistics',
  tasks: 'Supervision tasks: assignment, stages, feedback and statistics',
  workplan: 'Annual supervision work plans and notices imported from the Excel template',
  monitoring: 'Sensors, readings (ingested by key), installations, ingestion credentials and monthly reports',
  alarms: 'Alarms raised from readings: acknowledgement, feedback, linking to hazards, export',
  warnings: 'Early warnings: issuing, CAP 1.2 import and export, the public Atom feed',
  calculators: 'Regulation calculators (USCC, accident grade, GB 18218, LEC/LS, tailings grade, deadlines), each naming its source',
  notifications: 'The in-app inbox with read receipts',
  calendar: 'Statutory holidays and make-up workdays',
  attachments: 'Uploaded files, stored by content hash',
  audit: 'The hash-chained audit log and its verification',
};

const METHOD_VERB: Record<string, string> = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' };
const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** `GET /api/hazards/:id/transitions` → `getHazardsByIdTransitions`: stable as long as the route is. */
export function deriveOperationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .map((seg) => (seg.startsWith(':') ? `By${pascal(seg.slice(1))}` : pascal(seg)))
    .join('');
  return `${METHOD_VERB[method] ?? method.toLowerCase()}${words}`;
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** OpenAPI 3.0 wants `nullable` beside a `type`: a nullable union of typed branches makes each branch nullable. */
function fixNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) fixNullable(n);
    return;
  }
  if (!isJson(node)) return;
  if (node.nullable === true && node.type === undefined) {
    const branches = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
    if (Array.isArray(branches) && branches.every((b) => isJson(b) && b.type !== undefined)) {
      for (const b of branches as Json[]) b.nullable = true;
      delete node.nullable;
    }
  }
  for (const v of Object.values(node)) fixNullable(v);
}

const FACTS_KEY = 'x-taihang-facts';

interface RouteFactsConfig {
  openapi?: OperationFacts;
}

/** Per route: the zod transform, then what only the route knows (raw media, upload, self-validated body, operationId, security). */
function transform(input: Parameters<typeof jsonSchemaTransform>[0]) {
  const route = (input as { route?: RouteOptions }).route;
  const facts = (route?.config as RouteFactsConfig | undefined)?.openapi;
  const base = input.schema && facts?.bodyDoc ? { ...input, schema: { ...input.schema, body: facts.bodyDoc } } : input;
  const out = jsonSchemaTransform(base);
  if (!facts || !route || out.schema?.hide) return out;
  const schema: Json = { ...out.schema };
  const method = [route.method].flat()[0] ?? 'GET';
  schema.operationId = facts.operationId ?? deriveOperationId(method, route.url);
  schema.security = facts.ingestKey ? [{ ingestKey: [] }, { ingestBearer: [] }] : facts.access === 'public' ? [] : [{ cookie: [] }, { bearer: [] }];
  if (facts.raw) {
    const media = RAW_MEDIA[facts.raw];
    const content: Json = { [media.type]: { schema: facts.raw === 'json' ? { type: 'object' } : { type: 'string', format: 'binary' } } };
    if (facts.rawJson) {
      const json = jsonSchemaTransform({ ...input, schema: { response: { 200: facts.rawJson } } }).schema?.response as Json | undefined;
      if (json?.[200]) content['application/json'] = { schema: json[200] };
    }
    schema.response = { 200: { description: media.description, content } };
  }
  if (facts.upload) {
    schema.consumes = ['multipart/form-data'];
    schema.body = {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: facts.upload } },
    };
  }
  schema[FACTS_KEY] = facts.refusals ?? [];
  return { ...out, schema };
}

/** The whole document: error responses by reference, tags with descriptions, unique operationIds, OpenAPI 3.0 nullability. */
export function finishDocument(doc: Json): Json {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const seen = new Map<string, string>();
  const usedTags = new Set<string>();
  for (const [p, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!isJson(op) || !isJson(op.responses)) continue;
      const id = op.operationId;
      if (typeof id === 'string') {
        const other = seen.get(id);
        if (other) throw new Error(`operationId ${id} of ${method.toUpperCase()} ${p} is also that of ${other}: give one an explicit operationId`);
        seen.set(id, `${method.toUpperCase()} ${p}`);
      }
      for (const t of (op.tags as string[] | undefined) ?? []) usedTags.add(t);
      const statuses = op[FACTS_KEY] as ErrorStatus[] | undefined;
      delete op[FACTS_KEY];
      const responses = op.responses as Json;
      for (const [code, r] of Object.entries(responses)) {
        // The zod transform leaves every success as "Default Response".
        if (isJson(r) && r.description === 'Default Response') r.description = code === '200' ? 'Success' : `HTTP ${code}`;
      }
      for (const status of statuses ?? []) responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
    }
  }
  fixNullable(doc.paths);
  const components = (doc.components ?? {}) as Json;
  const errorSchema = z.toJSONSchema(ZErrorBody, { target: 'openapi-3.0', io: 'output' }) as Json;
  delete errorSchema.$schema;
  fixNullable(errorSchema);
  const responses: Json = {};
  for (const { name, description } of Object.values(ERROR_RESPONSES)) {
    responses[name] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
  }
  return {
    ...doc,
    tags: [...usedTags].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? '' })),
    components: { ...components, schemas: { ...(components.schemas as Json | undefined), ErrorBody: errorSchema }, responses },
  };
}

/** @fastify/swagger options (app.ts registers them). */
export function openApiOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      info: {
        title: 'Taihang API',
        version,
        description:
          '太行 安全生产与应急管理平台 API. Sign in with `POST /api/auth/login`; scripts send the returned `token` as `Authorization: Bearer <token>`. Errors share one body (`ErrorBody`); texts follow `Accept-Language` or `?lang=` (zh-CN, en-US).',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: 'This server' }],
      components: {
        securitySchemes: {
          cookie: { type: 'apiKey', in: 'cookie', name: 'taihang_session', description: 'The session cookie set by sign-in (the web app)' },
          bearer: { type: 'http', scheme: 'bearer', description: 'The session token returned by sign-in, for scripts' },
          ingestKey: { type: 'apiKey', in: 'header', name: 'X-Ingest-Key', description: 'An enterprise’s ingestion credential `<keyId>.<secret>`' },
          ingestBearer: { type: 'http', scheme: 'bearer', bearerFormat: '<keyId>.<secret>', description: 'The ingestion credential as a bearer token' },
        },
      },
    },
    transform,
    transformObject: (input) => finishDocument(('openapiObject' in input ? input.openapiObject : input.swaggerObject) as Json),
  };
}
