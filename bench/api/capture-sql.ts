import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db } from '../../server/db/client.js';
import * as schema from '../../server/db/schema.js';
import type { Scope } from '../../server/kernel/scope/scope.js';
// A benchmark may reach past a module's index.ts: the point is to replay exactly the SQL the endpoint runs.
import { findEnterprises } from '../../server/modules/org/org.repository.js';

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

/**
 * Runs the real `findEnterprises` against a recording stand-in for a node-postgres client, so the
 * benchmark replays the statements the endpoint sends (page select and count), whatever the
 * repository's code looks like today. Nothing reaches a database.
 */
export async function captureFindEnterprises(scope: Scope, query: Parameters<typeof findEnterprises>[2]): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const recorder = {
    async query(config: string | { text: string }, values?: unknown[]) {
      captured.push({ text: typeof config === 'string' ? config : config.text, values: values ?? [] });
      return { rows: [], fields: [], rowCount: 0 };
    },
  };
  const db = drizzle({ client: recorder as never, schema }) as unknown as Db;
  await findEnterprises(db, scope, query);
  return captured;
}

/** The statement with its parameters written in as SQL literals (pgbench scripts take no bind values). */
export function inlineParams(q: CapturedQuery): string {
  return q.text.replace(/\$(\d+)/g, (_m, n: string) => literal(q.values[Number(n) - 1]));
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  if (v instanceof Date) return `'${v.toISOString()}'`;
  throw new Error(`bench: cannot write ${JSON.stringify(v)} as a SQL literal`);
}
