import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/**
 * Structured request logging: one JSON line per request with its id, the signed-in user, method,
 * URL (secrets in the query string masked), status and duration. Bodies, headers and cookies are
 * never logged, so passwords, session tokens, ingest keys and captcha answers cannot reach the log.
 */

/** Query parameters whose values are masked in a logged URL. */
const SECRET_PARAM = /pass|token|secret|key|captcha|answer|auth|session|cookie|signature/i;

export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const masked = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_PARAM.test(decodeSafe(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${masked}`;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Fastify logger options: pino at the configured level; Fastify's own per-request lines are replaced by ours. */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    // Belt and braces: should anything ever log a request or its headers, the secrets are cut out.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        'body.password',
        'body.captchaAnswer',
        '*.password',
      ],
      censor: '[redacted]',
    },
  };
}

export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    const status = reply.statusCode;
    const line = {
      userId: req.actor?.id ?? null,
      method: req.method,
      url: loggableUrl(req.url),
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      ip: req.ip,
    };
    if (status >= 500) req.log.error(line, 'request failed');
    else req.log.info(line, 'request');
  });
}
