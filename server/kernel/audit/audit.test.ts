import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { auditLog } from '../kernel.schema.js';
import { verifyAuditChain, verifyAuditChainSnapshot } from './audit.js';

let t: TestServer;
beforeAll(async () => {
  t = await getTestServer();
});
afterAll(() => t.close());

class Rollback extends Error {}
/** Tampering happens inside a transaction that is rolled back, so a shared database stays intact. */
async function inRolledBack(fn: (tx: Parameters<Parameters<TestServer['database']['db']['transaction']>[0]>[0]) => Promise<void>) {
  await t.database.db
    .transaction(async (tx) => {
      await fn(tx);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
}

describe('audit log', () => {
  it('records actor, unit, before/after, request id and IP with every write', async () => {
    const r = await makeCity(t.database.db);
    const gov = await makeDepartment(t.database.db, r.countyA, 'government');
    const e = await makeEnterprise(t.database.db, r.townA);
    const h = await loginAs(t.app, (await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: gov.id })).username);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, headers: h, payload: { version: 1, employees: 777 } });
    const [row] = await t.database.db.select().from(auditLog).where(sql`${auditLog.entityId} = ${e.id} and ${auditLog.action} = 'enterprise.updated'`);
    expect(row).toMatchObject({ unit: gov.name, requestId: res.headers['x-request-id'], ip: '127.0.0.1' });
    expect(row?.before).toMatchObject({ employees: 100 });
    expect(row?.after).toMatchObject({ employees: 777 });
  });

  it('writes nothing when the change fails (same transaction)', async () => {
    const r = await makeCity(t.database.db);
    const gov = await makeDepartment(t.database.db, r.countyA, 'government');
    const e = await makeEnterprise(t.database.db, r.townA);
    const h = await loginAs(t.app, (await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: gov.id })).username);
    // The assignment names a department of another county: the command fails after reading, before writing.
    const other = await makeDepartment(t.database.db, r.countyB, 'government');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${e.id}/assignments`,
      headers: h,
      payload: { assignments: [{ departmentId: other.id, responsiblePerson: 'x' }] },
    });
    expect(res.statusCode).toBe(400);
    const rows = await t.database.db.select().from(auditLog).where(sql`${auditLog.entityId} = ${e.id}`);
    expect(rows).toEqual([]);
  });

  it('the chain verifies, and an edited or deleted row is named', async () => {
    const r = await makeCity(t.database.db);
    const gov = await makeDepartment(t.database.db, r.countyA, 'government');
    const e = await makeEnterprise(t.database.db, r.townA);
    const h = await loginAs(t.app, (await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: gov.id })).username);
    for (const n of [1, 2, 3]) await t.app.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, headers: h, payload: { version: n, employees: n } });
    const aud = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['audit-admin'])).username);
    const okRes = await t.app.inject({ url: '/api/audit/verify', headers: aud });
    expect(okRes.json()).toMatchObject({ ok: true, problems: [] });

    const rows = await t.database.db.select().from(auditLog).where(sql`${auditLog.entityId} = ${e.id}`).orderBy(auditLog.seq);
    const [first, second] = rows;
    await inRolledBack(async (tx) => {
      await tx.execute(sql`update audit_log set after = '{"employees": 9999}'::jsonb where seq = ${first?.seq}`);
      const v = await verifyAuditChain(tx);
      expect(v.ok).toBe(false);
      expect(v.problems).toContainEqual(expect.objectContaining({ seq: first?.seq, problem: 'hash_mismatch' }));
    });
    await inRolledBack(async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = ${second?.seq}`);
      const v = await verifyAuditChain(tx);
      expect(v.problems.some((p) => p.problem === 'chain_broken' && p.detail.includes(String(first?.seq)))).toBe(true);
    });
    await inRolledBack(async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = (select max(seq) from audit_log)`);
      const v = await verifyAuditChain(tx);
      expect(v.problems.map((p) => p.problem)).toContain('head_missing');
    });
    expect((await verifyAuditChainSnapshot(t.database.db)).ok).toBe(true);
  });
});
