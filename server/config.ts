import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The only reader of process.env (architecture.md §2). Settings are validated once and frozen,
 * so a typo in a deployment fails at start-up with the variable's name, not later in a request.
 */
const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Default: 127.0.0.1 while demo data is on (its printed password must not open the server to the network), else 0.0.0.0. */
  HOST: z.string().min(1).optional(),
  TAIHANG_DATA_DIR: z.string().default('./data'),
  /** The built web app to serve (vite's output); default dist/web beside the server code. */
  TAIHANG_WEB_DIR: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  TAIHANG_DEMO: z
    .enum(['on', 'off', 'true', 'false', '1', '0'])
    .default('on')
    .transform((v) => v === 'on' || v === 'true' || v === '1'),
  TAIHANG_DEMO_PASSWORD: z.string().min(1).optional(),
  /** The live demo feed: readings for the demo sensors every 30 s through the ingestion path (worker role), when demo data is present. */
  TAIHANG_DEMO_FEED: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  TAIHANG_MQTT_URL: z.string().optional(),
  TAIHANG_MQTT_PORT: z.string().default('1883'),
  TAIHANG_SECURE_COOKIES: z.enum(['on', 'off', 'auto']).default('auto'),
  TAIHANG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TAIHANG_MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
  /** Excel imports: data rows per sheet, and the most all of an xlsx's parts may unpack to (spreadsheet bombs). */
  TAIHANG_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(20_000),
  TAIHANG_IMPORT_MAX_UNPACKED_MB: z.coerce.number().positive().default(64),
  TAIHANG_LOGIN_RATE_PER_MIN: z.coerce.number().int().min(1).default(10),
  TAIHANG_RATE_PER_MIN: z.coerce.number().int().min(1).default(600),
  /** Shifts the server's clock (milliseconds, may be negative): demos and browser tests of deadlines. */
  TAIHANG_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  TAIHANG_TRUST_PROXY: z
    .enum(['on', 'off'])
    .default('off')
    .transform((v) => v === 'on'),
  /** Monitoring: raw readings kept this many days (AQ 6201-2019: real-time values ≥ 7 days; 90 covers the 3 months the 2016 revision proposed). */
  TAIHANG_READING_RETENTION_DAYS: z.coerce.number().int().min(7).default(90),
  /** Monitoring: a directory watched for coal-mine monitoring text files, one sub-directory per enterprise id. */
  TAIHANG_DROP_DIR: z.string().optional(),
  /** Monitoring: field order of a drop-file record (names: mine, time, code, value, state, skip). */
  TAIHANG_DROP_LAYOUT: z.string().default('mine,time,code,value,state'),
  /** Monitoring: MQTT client id of this ingest process; stable and distinct per process (default taihang-ingest-<hostname>). */
  TAIHANG_INGEST_CLIENT_ID: z.string().min(1).max(64).optional(),
  /** Audit: the key file (HMAC of the chain and its anchor), outside the database; default <data dir>-audit/audit.key, created 0600 at first start. */
  TAIHANG_AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** Audit: the append-only file of chain-head checkpoints; default anchor.jsonl beside the key. */
  TAIHANG_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  /** Audit: seconds between checkpoints (taken only when the head moved; also at shutdown). */
  TAIHANG_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** The platform's public address (scheme://host[:port][/path]) for absolute links in public outputs (Atom feed); never taken from a request's Host. */
  /** Check every response against its route's schema and answer 500 on a difference (default: on under the test runner only). */
  TAIHANG_CONTRACT_CHECKS: z.enum(['on', 'off']).optional(),
  TAIHANG_PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'expected an http(s) URL')
    .optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  webDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  /** Feed the demo sensors (only does anything when demo data was seeded). */
  demoFeed: boolean;
  mqttUrl: string | undefined;
  /** number = embedded broker port (0 = any free port); null = no embedded broker */
  mqttPort: number | null;
  secureCookies: 'on' | 'off' | 'auto';
  logLevel: string;
  maxUploadBytes: number;
  /** Excel imports (kernel/files/excel.ts readWorkbook). */
  importLimits: { maxRows: number; maxUnpackedBytes: number };
  trustProxy: boolean;
  /** Sign-in attempts per client IP per minute (brute-force brake before the per-account lockout). */
  loginRatePerMinute: number;
  /** All API requests per client IP per minute, per process. */
  ratePerMinute: number;
  clockOffsetMs: number;
  readingRetentionDays: number;
  dropDir: string | undefined;
  dropLayout: string[];
  ingestClientId: string | undefined;
  auditKeyFile: string;
  auditAnchorFile: string;
  auditCheckpointMs: number;
  /** TAIHANG_PUBLIC_URL without a trailing slash; undefined: public outputs use relative links. */
  publicUrl: string | undefined;
  /** Responses checked deeply against their schemas (unknown, missing or ill-typed keys answer 500): tests, not production. */
  contractChecks: boolean;
  version: string;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env, version = '0.1.0'): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let mqttPort: number | null = null;
  if (!e.TAIHANG_MQTT_URL && e.TAIHANG_MQTT_PORT !== 'off') {
    const n = Number(e.TAIHANG_MQTT_PORT);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`Invalid settings:\n  TAIHANG_MQTT_PORT: expected a port, 0 or "off"`);
    mqttPort = n;
  }
  // Outside the data directory, so a copy of the data (or a database dump) never holds the key.
  const auditKeyFile = path.resolve(e.TAIHANG_AUDIT_KEY_FILE ?? `${path.resolve(e.TAIHANG_DATA_DIR)}-audit/audit.key`);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST ?? (e.TAIHANG_DEMO ? '127.0.0.1' : '0.0.0.0'),
    dataDir: path.resolve(e.TAIHANG_DATA_DIR),
    webDir: e.TAIHANG_WEB_DIR ? path.resolve(e.TAIHANG_WEB_DIR) : DEFAULT_WEB_DIR,
    databaseUrl: e.DATABASE_URL,
    demo: e.TAIHANG_DEMO,
    demoPassword: e.TAIHANG_DEMO_PASSWORD,
    demoFeed: e.TAIHANG_DEMO_FEED,
    mqttUrl: e.TAIHANG_MQTT_URL,
    mqttPort,
    secureCookies: e.TAIHANG_SECURE_COOKIES,
    logLevel: e.TAIHANG_LOG_LEVEL,
    maxUploadBytes: Math.round(e.TAIHANG_MAX_UPLOAD_MB * 1024 * 1024),
    importLimits: Object.freeze({ maxRows: e.TAIHANG_IMPORT_MAX_ROWS, maxUnpackedBytes: Math.round(e.TAIHANG_IMPORT_MAX_UNPACKED_MB * 1024 * 1024) }),
    trustProxy: e.TAIHANG_TRUST_PROXY,
    loginRatePerMinute: e.TAIHANG_LOGIN_RATE_PER_MIN,
    ratePerMinute: e.TAIHANG_RATE_PER_MIN,
    clockOffsetMs: e.TAIHANG_CLOCK_OFFSET_MS,
    readingRetentionDays: e.TAIHANG_READING_RETENTION_DAYS,
    dropDir: e.TAIHANG_DROP_DIR ? path.resolve(e.TAIHANG_DROP_DIR) : undefined,
    dropLayout: e.TAIHANG_DROP_LAYOUT.split(',').map((f) => f.trim()),
    ingestClientId: e.TAIHANG_INGEST_CLIENT_ID,
    auditKeyFile,
    auditAnchorFile: e.TAIHANG_AUDIT_ANCHOR_FILE ? path.resolve(e.TAIHANG_AUDIT_ANCHOR_FILE) : path.join(path.dirname(auditKeyFile), 'anchor.jsonl'),
    auditCheckpointMs: e.TAIHANG_AUDIT_CHECKPOINT_SECONDS * 1000,
    publicUrl: e.TAIHANG_PUBLIC_URL?.replace(/\/+$/, ''),
    // The test runner is a property of the process, not of a deployment's settings: read even when a test passes its own env.
    contractChecks: e.TAIHANG_CONTRACT_CHECKS ? e.TAIHANG_CONTRACT_CHECKS === 'on' : Boolean(env.VITEST ?? process.env.VITEST),
    version,
  });
}
