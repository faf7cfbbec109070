import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema.js';

export { DataDirLockedError } from './data-dir-lock.js';

// biome-ignore lint/suspicious/noExplicitAny: both drivers' result kinds meet here
export type Db = PgDatabase<PgQueryResultHKT & any, typeof schema>;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type Tx = PgTransaction<PgQueryResultHKT & any, typeof schema, any>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Parameterised SQL ($1, $2 …) outside any transaction; pg-boss's adapter uses it. */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
  /** LISTEN on a channel (PostgreSQL NOTIFY fires on commit); every process gets every message. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** Applies pending migrations; safe when several processes start at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary constant: serialises migrations when several processes start at once on PostgreSQL. */
const MIGRATION_LOCK = 7_304_210_501;

/**
 * Opens PGlite under `<dataDir>/pgdata`, holding the data dir's lock (data-dir-lock.ts) for the life of
 * the process.
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let release: (() => void) | undefined;
  let client: PGlite;
  if (dataDir) {
    release = lockDataDir(dataDir, (why) => {
      // Another process has the directory now: stop before writing more.
      console.error(`Taihang: lost the lock on ${dataDir}: ${why}`);
      process.exit(75);
    });
    try {
      client = new PGlite(path.join(dataDir, 'pgdata'));
    } catch (err) {
      release();
      throw err;
    }
  } else {
    client = new PGlite(); // in-memory, for tests
  }
  try {
    await client.waitReady;
  } catch (err) {
    release?.();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query(text, values) {
      // pg-boss sends parameterless multi-statement scripts; PGlite runs those only through exec().
      if (!values?.length) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as never[] };
      }
      const r = await client.query(text, values as unknown[]);
      return { rows: r.rows as never[] };
    },
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    async listen(channel, onMessage) {
      const off = await client.listen(channel, onMessage);
      return async () => {
        await off();
      };
    },
    async close() {
      await client.close();
      release?.();
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail fast with the server's own message if the URL is wrong.
  const c = await pool.connect();
  c.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query(text, values) {
      const r = await pool.query(text, values as unknown[]);
      return { rows: r.rows };
    },
    async listen(channel, onMessage) {
      // A dedicated connection: LISTEN belongs to a session, and pooled connections are shared.
      const lc = new pg.Client({ connectionString: url });
      await lc.connect();
      lc.on('notification', (m) => {
        if (m.channel === channel && m.payload) onMessage(m.payload);
      });
      await lc.query(`listen "${channel.replace(/"/g, '')}"`);
      return async () => {
        await lc.end().catch(() => {});
      };
    },
    async migrate() {
      const mc = await pool.connect();
      try {
        await mc.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg(mc), { migrationsFolder });
      } finally {
        await mc.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        mc.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Turns pg-style `$1` text and values into a drizzle SQL chunk, so raw SQL can run inside a drizzle transaction. */
export function rawSql(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) chunks.push(sql.raw(parts[i] as string));
    else {
      // drizzle leaves an undefined parameter out of the query text; pg-boss passes undefined for options not given.
      const v = values[Number(parts[i]) - 1];
      chunks.push(sql`${v === undefined ? null : v}`);
    }
  }
  return sql.join(chunks, sql.raw(''));
}

export async function execRows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const r = (await ex.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}
