import type { Locale } from '../../common/i18n/api-messages.js';
import type { Config } from '../config.js';
import type { Database, Executor } from '../db/client.js';
import type { Actor, UnitResolver } from './actor.js';
import { Audit } from './audit/audit.js';
import type { AuditKey } from './audit/audit-key.js';
import type { Clock } from './clock.js';
import type { EventHub } from './events/events.js';
import type { JobSender, Jobs } from './jobs/jobs.js';
import { type NotificationChannel, Notifier } from './notify/notify.js';
import type { Scope } from './scope/scope.js';

/** Everything the process wires once and hands to routes, jobs and the CLI. */
export interface Deps {
  config: Config;
  database: Database;
  clock: Clock;
  jobs: Jobs;
  resolveUnit: UnitResolver;
  channels: NotificationChannel[];
  events: EventHub;
  /** The audit key (TAIHANG_AUDIT_KEY_FILE): every audit row is an HMAC under it. */
  auditKey: AuditKey;
}

export interface RequestInfo {
  id: string | null;
  ip: string | null;
  locale: Locale;
}

/** The explicit context every command and query receives (architecture.md §4.2). */
export interface Ctx {
  tx: Executor;
  actor: Actor;
  scope: Scope;
  clock: Clock;
  audit: Audit;
  jobs: JobSender;
  notify: Notifier;
  request: RequestInfo;
}

function makeCtx(deps: Deps, tx: Executor, actor: Actor, request: RequestInfo): Ctx {
  const now = () => deps.clock.now();
  const jobs = deps.jobs.in(tx);
  return {
    tx,
    actor,
    scope: actor.scope,
    clock: deps.clock,
    audit: new Audit(tx, deps.auditKey, { id: actor.id, name: actor.displayName, unit: actor.unitName }, { requestId: request.id, ip: request.ip }, now),
    jobs,
    notify: new Notifier(tx, jobs, now),
    request,
  };
}

/** Runs a write use case in one transaction: the change, its audit rows and its jobs commit together or not at all. */
export function inTransaction<T>(deps: Deps, actor: Actor, request: RequestInfo, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return deps.database.db.transaction((tx) => fn(makeCtx(deps, tx, actor, request)));
}

/** A read-only context on the database; writes through it are a programming error caught in review and tests. */
export function readContext(deps: Deps, actor: Actor, request: RequestInfo): Ctx {
  return makeCtx(deps, deps.database.db, actor, request);
}
