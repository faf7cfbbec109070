import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { openTestDatabase, TEST_DB_URL } from '../../test/harness.js';
import { Jobs } from './jobs.js';

/** A database last run by a newer pg-boss (11.x, schema 26) must keep working, and keep its pending jobs, under the pinned 10.x. */

let database: Database;
const schema = TEST_DB_URL ? `pgboss_t${randomBytes(5).toString('hex')}` : 'pgboss';
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.query(`drop schema if exists ${schema} cascade`);
  await database.query(`drop schema if exists ${schema}_newer cascade`);
  await database.close();
});

it('a pg-boss schema newer than the installed one is recreated and its pending jobs run', async () => {
  const first = new Jobs(database, [{ name: 'test.carry', handler: async () => {} }], schema);
  await first.start({ work: false });
  await database.db.transaction(async (tx) => {
    await first.in(tx).send('test.carry', { n: 1 });
    await first.in(tx).send('test.carry', { n: 2 }, { startAfter: new Date(Date.now() + 3_600_000) });
  });
  await first.stop();
  // What pg-boss 11 left behind: a schema whose version pg-boss 10 neither knows nor migrates back.
  await database.query(`update ${schema}.version set version = 26`);

  const ran: unknown[] = [];
  const second = new Jobs(database, [{ name: 'test.carry', handler: async (data) => void ran.push(data) }], schema);
  await second.start({ work: true, pollingIntervalSeconds: 0.5 });
  try {
    const deadline = Date.now() + 20_000;
    while (ran.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(ran).toEqual([{ n: 1 }]);
    const { rows } = await database.query<{ version: number }>(`select version from ${schema}.version`);
    expect(Number(rows[0]?.version)).toBeLessThan(26);
    const later = await database.query<{ data: unknown; start_after: Date }>(
      `select data, start_after from ${schema}.job where name = 'test.carry' and state = 'created'`,
    );
    expect(later.rows.map((r) => r.data)).toEqual([{ n: 2 }]);
    expect(new Date(later.rows[0]?.start_after as Date).getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    const aside = await database.query<{ n: string | null }>(`select to_regnamespace('${schema}_newer')::text as n`);
    expect(aside.rows[0]?.n).toBeNull();
  } finally {
    await second.stop();
  }
}, 60_000);
