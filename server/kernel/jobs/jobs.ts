import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { type Database, type Executor, execRows, rawSql } from '../../db/client.js';

/** The pg-boss schema version this install creates (pg-boss 10: 24; pg-boss 11, used before, made 26). */
const BOSS_SCHEMA_VERSION: number = createRequire(import.meta.url)('pg-boss/version.json').schema;

/**
 * Background jobs on pg-boss (architecture.md §1, §4.9): the same queue on PGlite and PostgreSQL,
 * no home-made queue. A job is sent in the caller's transaction, so it exists iff the change committed.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  /** Cron (Asia/Shanghai) for sweeps; omit for per-item jobs that are only sent. */
  cron?: string;
  /** Runs in its own transaction with the system actor; must be idempotent (a job may run again after a crash). */
  handler(data: T, meta: { jobId: string }): Promise<void>;
  retryLimit?: number;
}

export interface JobSender {
  send(name: string, data: object, options?: { startAfter?: Date; singletonKey?: string }): Promise<string | null>;
}

/** Adapter that lets pg-boss run its SQL inside a drizzle transaction. */
function executorDb(ex: Executor): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const r = (await ex.execute(rawSql(text, values ?? []))) as unknown as { rows: unknown[] };
      return { rows: r.rows };
    },
  };
}

export class Jobs {
  private boss: PgBoss | undefined;

  constructor(
    private readonly database: Database,
    private readonly definitions: JobDefinition[],
    /** pg-boss's schema; tests on a shared PostgreSQL use one of their own so queues do not mix. */
    readonly schema = 'pgboss',
  ) {}

  /**
   * web processes only send; worker processes also run handlers, crons and maintenance.
   * pg-boss creates or migrates its schema on start (under its own advisory lock); queues are idempotent.
   */
  async start(opts: { work: boolean; pollingIntervalSeconds?: number }): Promise<void> {
    // pg-boss caches the queue list when it starts and otherwise looks a queue up on its own connection.
    // Inside a PGlite transaction that lookup would wait for the transaction (one connection): so queues
    // are created first, and the instance we keep starts with all of them cached.
    const newer = await this.setAsideNewerSchema();
    const setup = this.newBoss(false);
    await setup.start();
    for (const def of this.definitions) {
      await setup.createQueue(def.name, { name: def.name, retryLimit: def.retryLimit ?? 3, retryDelay: 30, retryBackoff: true });
    }
    if (newer) await this.carryOverPendingJobs(setup, newer);
    await setup.stop({ graceful: false, wait: true, close: false });
    const boss = this.newBoss(opts.work);
    await boss.start();
    this.boss = boss;
    if (!opts.work) return;
    for (const def of this.definitions) {
      // pg-boss waits a polling interval after every fetch, so a batch keeps a backlog moving; handlers
      // are idempotent, so a batch retried because one job failed does no harm.
      await boss.work<object>(def.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 20 }, async (batch) => {
        let failure: unknown;
        for (const job of batch) {
          try {
            await def.handler(job.data, { jobId: job.id });
          } catch (err) {
            failure ??= err;
          }
        }
        if (failure) throw failure;
      });
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
    }
  }

  /**
   * A database last run by a newer pg-boss (the 11.x this project used until it pinned 10.x for Node 20)
   * has a schema pg-boss 10 cannot use and would not migrate back. It is renamed aside, so pg-boss
   * creates its own; `carryOverPendingJobs` then moves the jobs still to run and drops it.
   */
  private async setAsideNewerSchema(): Promise<string | null> {
    const aside = `${this.schema}_newer`;
    return this.database.db.transaction(async (tx) => {
      // Several processes may start at once on PostgreSQL; one renames, the others see the result.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${aside}))`);
      const [found] = await execRows<{ own: string | null; aside: string | null }>(
        tx,
        sql`select to_regclass(${`${this.schema}.version`})::text as own, to_regclass(${`${aside}.job`})::text as aside`,
      );
      if (found?.own) {
        const [v] = await execRows<{ version: number }>(tx, sql.raw(`select version from "${this.schema}".version`));
        if (Number(v?.version) > BOSS_SCHEMA_VERSION) {
          if (found.aside) throw new Error(`pg-boss: both ${this.schema} and ${aside} hold a newer schema; drop one of them`);
          await tx.execute(sql.raw(`alter schema "${this.schema}" rename to "${aside}"`));
          console.warn(
            `[jobs] pg-boss schema ${this.schema} was version ${v?.version}, newer than ${BOSS_SCHEMA_VERSION}: recreating it and moving pending jobs`,
          );
          return aside;
        }
      }
      return found?.aside ? aside : null; // a carry-over interrupted by a crash
    });
  }

  private async carryOverPendingJobs(boss: PgBoss, aside: string): Promise<void> {
    const names = this.definitions.map((d) => d.name);
    await this.database.db.transaction(async (tx) => {
      const pending = await execRows<{ name: string; data: object | null; start_after: Date; singleton_key: string | null }>(
        tx,
        sql`select name, data, start_after, singleton_key from ${sql.raw(`"${aside}".job`)}
            where state in ('created', 'retry', 'active') and name in ${names}`,
      );
      const db = executorDb(tx);
      for (const j of pending) {
        await boss.send(j.name, j.data ?? {}, { db, startAfter: new Date(j.start_after), ...(j.singleton_key ? { singletonKey: j.singleton_key } : {}) });
      }
      await tx.execute(sql.raw(`drop schema "${aside}" cascade`));
      console.warn(`[jobs] moved ${pending.length} pending job(s) from ${aside} and dropped it`);
    });
  }

  private newBoss(work: boolean): PgBoss {
    const database = this.database;
    const boss = new PgBoss({
      db: { executeSql: (text, values) => database.query(text, values) },
      schema: this.schema,
      schedule: work,
      supervise: work,
    });
    boss.on('error', (err) => console.error('[jobs]', err.message));
    return boss;
  }

  private get started(): PgBoss {
    if (!this.boss) throw new Error('jobs not started');
    return this.boss;
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
  }

  /** A sender bound to a transaction. */
  in(ex: Executor): JobSender {
    const db = executorDb(ex);
    return {
      send: (name, data, options) =>
        this.started.send(name, data, {
          db,
          ...(options?.startAfter ? { startAfter: options.startAfter } : {}),
          ...(options?.singletonKey ? { singletonKey: options.singletonKey } : {}),
        }),
    };
  }

  get raw(): PgBoss {
    return this.started;
  }
}
