import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './kernel/context.js';
import { AppError } from './kernel/errors.js';
import { clientError, frameworkError, sendError } from './kernel/http/errors-http.js';
import { installInputGuard } from './kernel/http/input-guard.js';
import { openApiOptions } from './kernel/http/openapi.js';
import { installRequestLog, loggerOptions } from './kernel/http/request-log.js';
import { installHttpKernel, route } from './kernel/http/route.js';
import { MODULES } from './modules.js';

/** One year with subdomains (helmet's default value). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** Builds the HTTP app; production and tests both call this (architecture.md §2). */
export async function buildApp(deps: Deps, opts: { logger?: boolean | { stream: { write(line: string): void } } } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Request logging (JSON lines, TAIHANG_LOG_LEVEL) is on whenever the caller asks, as main.ts always does.
    logger: opts.logger ? loggerOptions(deps.config.logLevel, opts.logger === true ? undefined : opts.logger.stream) : false,
    // Fastify's own per-request lines are replaced by request-log.ts's one line per request.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // A URL that cannot be decoded or an over-long parameter gets the platform's error body, not Fastify's.
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    // Everything is self-hosted: no CDN, fonts or tiles from outside (offline intranets).
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd's CSS-in-JS injects style tags
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false, // per request below
  });
  // HSTS on every HTTPS response and never on plain HTTP: in `auto` the request decides (x-forwarded-proto
  // counts only with TAIHANG_TRUST_PROXY=on); `on` declares HTTPS in front, `off` never sends it.
  const secureCookies = deps.config.secureCookies;
  app.addHook('onRequest', async (req, reply) => {
    if (secureCookies === 'on' || (secureCookies === 'auto' && req.protocol === 'https')) reply.header('strict-transport-security', HSTS);
  });
  // Per process; behind several web processes the limit is per process (docs/operations.md).
  await app.register(rateLimit, { global: true, max: deps.config.ratePerMinute, timeWindow: '1 minute' });
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1 } });
  await app.register(swagger, openApiOptions(deps.config.version));
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installHttpKernel(app, deps);
  installInputGuard(app);
  installRequestLog(app);

  route(app, deps, {
    method: 'GET',
    url: '/api/openapi.json',
    access: 'public',
    summary: 'This API as OpenAPI 3',
    tags: ['platform'],
    raw: 'json',
    handler: async () => app.swagger(),
  });
  for (const m of MODULES) m.routes?.(app, deps);

  const webDist = deps.config.webDir;
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
    const indexHtml = fs.readFileSync(path.join(webDist, 'index.html'));
    // SPA: any non-API path serves the app shell.
    app.get('/*', { config: { access: 'public' } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return sendError(req, reply, new AppError('NOT_FOUND'));
      const rel = decodeURIComponent(req.url.split('?')[0] ?? '/').replace(/^\/+/, '');
      const file = path.join(webDist, rel);
      if (rel && file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(rel);
      return reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml);
    });
  }
  return app;
}
