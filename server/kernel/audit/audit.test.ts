import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Executor, openPglite } from '../../db/client.js';
import { changeEnterpriseStatus } from '../../modules/org/index.js';
import { loginAs, makeCity, makeDepartment, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer, withTestContext } from '../../test/harness.js';
import { buildActor } from '../auth/session.js';
import { auditLog, setting } from '../kernel.schema.js';
import { checkpointAudit, readAnchor } from './anchor.js';
import { Audit, auditHash, GENESIS_HASH, MARKER } from './audit.js';
import { AuditKey, AuditKeyFileError } from './audit-key.js';
import { prepareAuditChain } from './setup.js';
import { verifyAudit, verifyAuditChain } from './verify.js';

let t: TestServer;
let anchorFile: string;
beforeAll(async () => {
  t = await getTestServer();
  anchorFile = t.deps.config.auditAnchorFile;
});
/** Temporary directories of this file's anchor copies and start-up tests. */
const tmpDirs: string[] = [];
const tmpDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
};
afterAll(async () => {
  await t.close();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

class Rollback extends Error {}
/**
 * Tampering happens inside a transaction that is rolled back, so a shared database stays intact; in
 * one snapshot, so rows other test files commit meanwhile on the shared PostgreSQL do not mix in.
 */
async function inRolledBack(fn: (tx: Executor) => Promise<void>) {
  await t.database.db
    .transaction(
      async (tx) => {
        await fn(tx);
        throw new Rollback();
      },
      { isolationLevel: 'repeatable read' },
    )
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
}

/** What an attacker with database access does: raw SQL, no key. */
async function rows(tx: Executor, fromSeq = 0) {
  return tx.select().from(auditLog).where(sql`${auditLog.seq} >= ${fromSeq}`).orderBy(auditLog.seq);
}

const checkpoint = () => checkpointAudit(t.database.db, t.deps.auditKey, anchorFile, t.clock.now());
const verifyIn = async (tx: Executor, file = anchorFile) => verifyAuditChain(tx, t.deps.auditKey, await readAnchor(file, t.deps.auditKey));
const kinds = (v: { problems: { problem: string }[] }) => v.problems.map((p) => p.problem);

/** Three audited changes of a fresh enterprise, then a checkpoint; returns their rows. */
async function auditedChanges() {
  const r = await makeCity(t.database.db);
  const gov = await makeDepartment(t.database.db, r.countyA, 'government');
  const e = await makeEnterprise(t.database.db, r.townA);
  const h = await loginAs(t.app, (await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: gov.id })).username);
  for (const n of [1, 2, 3]) await t.app.inject({ method: 'PATCH', url: `/api/enterprises/${e.id}`, headers: h, payload: { version: n, employees: n } });
  expect(await checkpoint()).toHaveProperty('appended');
  return t.database.db.select().from(auditLog).where(sql`${auditLog.entityId} = ${e.id}`).orderBy(auditLog.seq);
}

function copyAnchor(edit: (lines: string[]) => string[]): string {
  const copy = path.join(tmpDir('taihang-anchor-'), 'anchor.jsonl');
  const lines = fs.readFileSync(anchorFile, 'utf8').split('\n').filter(Boolean);
  fs.writeFileSync(
    copy,
    edit(lines)
      .map((l) => `${l}\n`)
      .join(''),
  );
  return copy;
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

  it('an audited change whose transaction fails later leaves neither the change nor its audit row', async () => {
    const r = await makeCity(t.database.db);
    const gov = await makeDepartment(t.database.db, r.countyA, 'government');
    const e = await makeEnterprise(t.database.db, r.townA);
    const user = await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: gov.id });
    const actor = await buildActor(t.database.db, user, t.deps.resolveUnit);
    const failure = new Error('a later step of the use case fails');
    let seenInside: unknown[] = [];
    await expect(
      withTestContext(
        t.deps,
        async (ctx) => {
          await changeEnterpriseStatus(ctx, e.id, 'suspend', { comment: '停产整顿' });
          seenInside = await ctx.tx.select().from(auditLog).where(sql`${auditLog.entityId} = ${e.id}`);
          throw failure;
        },
        actor,
      ),
    ).rejects.toBe(failure);
    // The audit row was written in the transaction (so this test can fail), and went with it.
    expect(seenInside).toEqual([expect.objectContaining({ action: 'enterprise.suspend' })]);
    expect(await t.database.db.select().from(auditLog).where(sql`${auditLog.entityId} = ${e.id}`)).toEqual([]);
    const [after] = await t.database.db
      .execute(sql`select status from enterprise where id = ${e.id}`)
      .then((x) => (x as unknown as { rows: { status: string }[] }).rows);
    expect(after?.status).toBe(e.status);
  });

  it('an untampered chain verifies clean, through the API too', async () => {
    await auditedChanges();
    const v = await verifyAudit(t.database.db, t.deps.auditKey, anchorFile);
    expect(v).toMatchObject({ ok: true, problems: [], more: 0 });
    expect(v.keyedFromSeq).not.toBeNull();
    expect(v.anchor.checkpoints).toBeGreaterThan(0);
    const aud = await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['audit-admin'])).username);
    const res = await t.app.inject({ url: '/api/audit/verify', headers: aud });
    expect(res.json()).toMatchObject({ ok: true, problems: [] });
  });

  it('names an edited row and a row deleted in the middle', async () => {
    const [first, second] = await auditedChanges();
    await inRolledBack(async (tx) => {
      await tx.execute(sql`update audit_log set after = '{"employees": 9999}'::jsonb where seq = ${first?.seq}`);
      expect((await verifyIn(tx)).problems).toContainEqual(expect.objectContaining({ seq: first?.seq, problem: 'hash_mismatch' }));
    });
    await inRolledBack(async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = ${second?.seq}`);
      const v = await verifyIn(tx);
      expect(v.ok).toBe(false);
      expect(v.problems.some((p) => p.problem === 'chain_broken' && p.detail.includes(`row ${first?.seq}`))).toBe(true);
    });
  });

  it('names a cut tail, also when the head notes in the database are rewritten to hide it', async () => {
    const [, , third] = await auditedChanges();
    await inRolledBack(async (tx) => {
      // Everything from the second-to-last anchored row on goes, and every note the code keeps in the database follows it.
      await tx.execute(sql`delete from audit_log where seq >= ${third?.seq}`);
      await tx.execute(sql`delete from setting where key like 'audit.%'`);
      const v = await verifyIn(tx);
      expect(kinds(v)).toContain('tail_truncated');
      expect(v.problems.find((p) => p.problem === 'tail_truncated')?.detail).toMatch(/were deleted/);
      // The rest of the chain is intact: the cut is the only finding.
      expect(kinds(v).every((k) => k === 'tail_truncated')).toBe(true);
    });
  });

  it('names a chain re-hashed without the key: from an edited row on, and wholly with the marker removed', async () => {
    const [first] = await auditedChanges();
    const plainRehash = async (tx: Executor, from: number) => {
      const all = await rows(tx, from);
      const [prev] = await tx.select({ hash: auditLog.hash }).from(auditLog).where(sql`${auditLog.seq} < ${from}`).orderBy(sql`seq desc`).limit(1);
      let prevHash = prev?.hash ?? GENESIS_HASH;
      const values: [number, string, string][] = [];
      for (const r of all) {
        const hash = auditHash({ ...r, prevHash }, null);
        values.push([r.seq, prevHash, hash]);
        prevHash = hash;
      }
      for (let i = 0; i < values.length; i += 500) {
        const chunk = values.slice(i, i + 500).map(([s, p, h]) => sql`(${s}::bigint, ${p}::text, ${h}::text)`);
        await tx.execute(sql`update audit_log a set prev_hash = v.p, hash = v.h from (values ${sql.join(chunk, sql`, `)}) v(s, p, h) where a.seq = v.s`);
      }
    };
    await inRolledBack(async (tx) => {
      await tx.execute(sql`update audit_log set after = '{"employees": 9999}'::jsonb where seq = ${first?.seq}`);
      await plainRehash(tx, first?.seq as number);
      const v = await verifyIn(tx);
      expect(v.problems).toContainEqual(expect.objectContaining({ seq: first?.seq, problem: 'hash_mismatch' }));
      expect(kinds(v)).toContain('anchor_mismatch');
      expect(kinds(v)).not.toContain('chain_broken');
    });
    await inRolledBack(async (tx) => {
      // The attacker also removes the switch to keyed hashes, so every row carries a plain hash again.
      const [marker] = await tx.select().from(auditLog).where(sql`${auditLog.action} = ${MARKER.action}`).orderBy(auditLog.seq).limit(1);
      await tx.execute(sql`delete from audit_log where action = ${MARKER.action}`);
      await tx.execute(sql`delete from setting where key like 'audit.%'`);
      await plainRehash(tx, marker?.seq as number);
      const v = await verifyIn(tx);
      expect(v.keyedFromSeq).toBeNull();
      expect(kinds(v)).toEqual(expect.arrayContaining(['marker_changed', 'anchor_mismatch']));
      expect(kinds(v)).not.toContain('hash_mismatch');
    });
  });

  it('the anchor file only grows, is private, and a missing or edited line is named', async () => {
    await auditedChanges();
    await auditedChanges();
    const before = fs.readFileSync(anchorFile, 'utf8');
    await auditedChanges();
    const after = fs.readFileSync(anchorFile, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);
    expect(fs.statSync(anchorFile).mode & 0o777).toBe(0o600);

    const key = t.deps.auditKey;
    const lines = after.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const edited = copyAnchor((ls) => ls.map((l, i) => (i === 0 ? l.replace(/"seq":\d+/, '"seq":1') : l)));
    const v1 = await verifyAudit(t.database.db, key, edited);
    expect(v1.problems).toContainEqual(expect.objectContaining({ problem: 'anchor_line_invalid', line: 1 }));

    const middleGone = copyAnchor((ls) => ls.filter((_, i) => i !== 1));
    expect(kinds(await verifyAudit(t.database.db, key, middleGone))).toEqual(['anchor_line_missing']);
    const firstGone = copyAnchor((ls) => ls.slice(1));
    expect(kinds(await verifyAudit(t.database.db, key, firstGone))).toContain('anchor_line_missing');
    // The last line gone: the file alone looks whole, the database's note of the last checkpoint tells.
    const lastGone = copyAnchor((ls) => ls.slice(0, -1));
    const v2 = await verifyAudit(t.database.db, key, lastGone);
    expect(v2.problems).toContainEqual(expect.objectContaining({ problem: 'anchor_line_missing', detail: expect.stringMatching(/last lines were removed/) }));
    const v3 = await verifyAudit(t.database.db, key, path.join(path.dirname(edited), 'none.jsonl'));
    expect(kinds(v3)).toEqual(['anchor_missing']);
    // Written with another key: every line is refused.
    const foreign = await verifyAudit(t.database.db, new AuditKey(Buffer.alloc(32, 1)), anchorFile);
    expect(foreign.ok).toBe(false);
    expect(kinds(foreign)).toContain('anchor_line_invalid');
  });
  it('a checkpoint is refused, not written over the gap, when the anchor file lost its last lines', async () => {
    await auditedChanges();
    await auditedChanges();
    const cut = copyAnchor((ls) => ls.slice(0, -1));
    await auditedChanges();
    const outcome = await checkpointAudit(t.database.db, t.deps.auditKey, cut, t.clock.now());
    expect(outcome).toEqual({ refused: expect.stringMatching(/last lines were removed/) });
    const v = await verifyAudit(t.database.db, t.deps.auditKey, cut);
    expect(v.problems).toContainEqual(expect.objectContaining({ problem: 'anchor_line_missing', detail: expect.stringMatching(/last lines were removed/) }));
  });
});

describe('keyed chain start-up (append-only migration)', () => {
  const tmp = () => tmpDir('taihang-audit-setup-');

  it('creates the key 0600 outside the database at the first start, keeps legacy rows as they are, and keys from a marker on', async () => {
    const database = await openPglite(null);
    try {
      await database.migrate();
      const db = database.db;
      // Two rows as earlier versions wrote them: plain SHA-256, and the head in `setting`.
      let prevHash = GENESIS_HASH;
      for (const action of ['legacy.one', 'legacy.two']) {
        const row = {
          at: new Date(),
          actorId: null,
          actorName: 'old',
          unit: null,
          action,
          entityType: 'x',
          entityId: null,
          before: null,
          after: { a: 1 },
          requestId: null,
          ip: null,
          prevHash,
        };
        const hash = auditHash(row, null);
        await db.insert(auditLog).values({ ...row, hash });
        prevHash = hash;
      }
      await db.insert(setting).values({ key: 'audit.head', value: { seq: 2, hash: prevHash } });
      const legacy = await db.select().from(auditLog).orderBy(auditLog.seq);

      const dir = tmp();
      const files = { keyFile: path.join(dir, 'keys', 'audit.key'), anchorFile: path.join(dir, 'keys', 'anchor.jsonl') };
      const key = await prepareAuditChain(db, files, new Date());
      expect(fs.statSync(files.keyFile).mode & 0o777).toBe(0o600);
      expect(await db.select().from(auditLog).orderBy(auditLog.seq).limit(2)).toEqual(legacy);
      await db.transaction((tx) =>
        new Audit(tx, key, { id: null, name: 'n', unit: null }, { requestId: null, ip: null }, () => new Date()).record({ action: 'new.one', entityType: 'x' }),
      );
      await checkpointAudit(db, key, files.anchorFile, new Date());
      // No new line while the head stands still.
      const anchored = fs.readFileSync(files.anchorFile, 'utf8');
      expect(await checkpointAudit(db, key, files.anchorFile, new Date())).toEqual({ unchanged: true });
      expect(fs.readFileSync(files.anchorFile, 'utf8')).toBe(anchored);
      const v = await verifyAudit(db, key, files.anchorFile);
      expect(v).toMatchObject({ ok: true, checked: 4, keyedFromSeq: 3 });
      expect(await db.select().from(setting).where(sql`${setting.key} = 'audit.head'`)).toEqual([]);
      // The second start finds the same key and marker.
      expect((await prepareAuditChain(db, files, new Date())).id).toBe(key.id);

      // A legacy row edited is still named, verified as before the switch.
      await db.execute(sql`update audit_log set after = '{"a": 2}'::jsonb where seq = 1`);
      expect((await verifyAudit(db, key, files.anchorFile)).problems).toContainEqual(expect.objectContaining({ seq: 1, problem: 'hash_mismatch' }));

      // A lost key is not silently replaced, nor is another key accepted, nor another database's anchor file.
      fs.renameSync(files.keyFile, `${files.keyFile}.bak`);
      await expect(prepareAuditChain(db, files, new Date())).rejects.toThrow(/does not exist, but this database's audit chain is keyed/);
      expect(fs.existsSync(files.keyFile)).toBe(false);
      fs.writeFileSync(files.keyFile, `${'11'.repeat(32)}\n`, { mode: 0o600 });
      await expect(prepareAuditChain(db, files, new Date())).rejects.toBeInstanceOf(AuditKeyFileError);
      fs.renameSync(`${files.keyFile}.bak`, files.keyFile);
      const other = await openPglite(null);
      try {
        await other.migrate();
        await expect(prepareAuditChain(other.db, files, new Date())).rejects.toThrow(/belongs to another audit chain/);
      } finally {
        await other.close();
      }
    } finally {
      await database.close();
    }
  }, 180_000); // two fresh PGlite databases, each migrated from scratch
});
