import type { ErrorCode } from '../../common/i18n/api-messages.js';
import type { Permission } from '../../common/permissions.js';
import type { Executor } from '../db/client.js';
import type { Deps } from './context.js';
import type { App } from './http/route.js';
import type { JobDefinition } from './jobs/jobs.js';

/** What a module's demo seeding receives: the start-up clock and the one demo password. */
export interface DemoInput {
  now: Date;
  password: string;
}

/** What start-up prints once after seeding; `alreadySeeded` (from the first module) skips every module's seeding. */
export interface DemoOutcome {
  alreadySeeded?: boolean;
  users?: { username: string; displayName: string }[];
  ingestKey?: string | null;
}

/**
 * A module's manifest (`<module>.module.ts`): everything the process registers for it, in one place.
 * server/modules.ts lists the manifests in dependency order; app.ts, jobs.ts and bootstrap.ts read only that list.
 * The static lists that must stay (drizzle's db/schema.ts, the closed catalogues in common/) are held equal to
 * the manifests by server/modules.test.ts.
 */
export interface ModuleManifest {
  /** The folder name under server/modules/. */
  name: string;
  /** The permissions of common/permissions.ts this module owns (each permission has exactly one owner). */
  permissions: readonly Permission[];
  /** The error codes of common/i18n/api-messages.ts only this module raises (generic ones are KERNEL_ERRORS). */
  errors: readonly ErrorCode[];
  /** The module's drizzle schema file (its exports are its tables); db/schema.ts must re-export exactly these. */
  tables?: Record<string, unknown>;
  /** Registrations with kernel registries (attachment readers, enterprise copies); must be idempotent. */
  hooks?: () => void;
  routes?: (app: App, deps: Deps) => void;
  /** `deps` is a getter because the job runner is itself part of Deps. */
  jobs?: (deps: () => Deps) => JobDefinition[];
  /** On every start, after migrations (built-in roles, reference data); idempotent. */
  prepare?: (ex: Executor, now: Date) => Promise<void>;
  /** Demo data on an empty database, inside the one seeding transaction, in module order. */
  demo?: (tx: Executor, input: DemoInput) => Promise<DemoOutcome | undefined>;
}

/**
 * Error codes that belong to no module: the HTTP kernel's, authentication's and the generic refusals every module
 * may raise (not found, forbidden, invalid transition, stale version …).
 */
export const KERNEL_ERRORS: readonly ErrorCode[] = [
  'VALIDATION',
  'BAD_REQUEST',
  'BAD_URL',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'BAD_CREDENTIALS',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_POLICY',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_TRANSITION',
  'CONFLICT',
  'STALE_VERSION',
  'DUPLICATE',
  'DUPLICATE_RECORD',
  'IMPORT_REJECTED',
  'IMPORT_TOO_LARGE',
  'IMPORT_TOO_MANY_ROWS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'REQUEST_TIMEOUT',
  'HEADERS_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
];

/** Identity for typing: `export default defineModule({...})` checks the manifest where it is written. */
export function defineModule<M extends ModuleManifest>(m: M): M {
  return m;
}
