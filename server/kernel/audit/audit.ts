import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { auditLog, setting } from '../kernel.schema.js';

/**
 * Hash-chained audit log (architecture.md §4.8). Each row's hash covers its content and the previous
 * row's hash; the chain head (last seq and hash) is kept in `setting` so deleting the newest rows is
 * detected too. Rows are written in the caller's transaction, under an advisory lock that orders them.
 */
const AUDIT_LOCK = 7_304_210_502;
const HEAD_KEY = 'audit.head';
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  id: string | null;
  name: string;
  unit: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRequest {
  requestId: string | null;
  ip: string | null;
}

/** JSON with sorted keys: jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Plain JSON (Dates → ISO strings) exactly as jsonb will give it back. */
function toJson(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

interface HashInput {
  at: Date;
  actorId: string | null;
  actorName: string;
  unit: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
}

export function auditHash(r: HashInput): string {
  const body = canonicalJson({ ...r, at: r.at.toISOString() });
  return createHash('sha256').update(body).digest('hex');
}

export class Audit {
  constructor(
    private readonly tx: Executor,
    private readonly actor: AuditActor,
    private readonly request: AuditRequest,
    private readonly now: () => Date,
  ) {}

  /** The same request and transaction, recorded under another actor (e.g. the user who just signed in). */
  as(actor: AuditActor): Audit {
    return new Audit(this.tx, actor, this.request, this.now);
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [last] = await this.tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const row: HashInput = {
      at: this.now(),
      actorId: this.actor.id,
      actorName: this.actor.name,
      unit: this.actor.unit,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: this.request.requestId,
      ip: this.request.ip,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = auditHash(row);
    const [inserted] = await this.tx
      .insert(auditLog)
      .values({ ...row, hash })
      .returning({ seq: auditLog.seq });
    const head = { seq: inserted?.seq, hash };
    await this.tx
      .insert(setting)
      .values({ key: HEAD_KEY, value: head })
      .onConflictDoUpdate({ target: setting.key, set: { value: head, updatedAt: sql`now()` } });
  }
}

export interface AuditVerifyProblem {
  seq: number;
  problem: 'hash_mismatch' | 'chain_broken' | 'head_missing';
  detail: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: number | null;
  problems: AuditVerifyProblem[];
}

/** Walks the whole chain in bounded pages; names every edited row and every gap left by a deletion. */
export async function verifyAuditChain(ex: Executor, pageSize = 5000): Promise<AuditVerifyResult> {
  const problems: AuditVerifyProblem[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq: number | null = null;
  let checked = 0;
  for (;;) {
    const rows = await ex
      .select()
      .from(auditLog)
      .where(prevSeq === null ? sql`true` : sql`${auditLog.seq} > ${prevSeq}`)
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const r of rows) {
      checked++;
      if (r.prevHash !== prevHash) {
        problems.push({
          seq: r.seq,
          problem: 'chain_broken',
          detail:
            prevSeq === null
              ? `row ${r.seq} does not start the chain: the rows before it were deleted`
              : `row ${r.seq} does not follow row ${prevSeq}: rows between them were deleted or row ${prevSeq} was edited`,
        });
      }
      const expected = auditHash({
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        unit: r.unit,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
        requestId: r.requestId,
        ip: r.ip,
        prevHash: r.prevHash,
      });
      if (expected !== r.hash) {
        problems.push({ seq: r.seq, problem: 'hash_mismatch', detail: `row ${r.seq} was edited after it was written` });
      }
      prevHash = r.hash;
      prevSeq = r.seq;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await ex.select().from(setting).where(sql`${setting.key} = ${HEAD_KEY}`);
  const h = head?.value as { seq: number; hash: string } | undefined;
  if (h && (h.seq !== prevSeq || h.hash !== prevHash)) {
    problems.push({
      seq: h.seq,
      problem: 'head_missing',
      detail: `the newest row ${h.seq} is missing or changed (the chain now ends at ${prevSeq ?? 'nothing'})`,
    });
  }
  return { ok: problems.length === 0, checked, lastSeq: prevSeq, problems };
}

/** Verification over one consistent snapshot, so writes committing meanwhile do not look like tampering. */
export function verifyAuditChainSnapshot(db: Db): Promise<AuditVerifyResult> {
  return db.transaction((tx) => verifyAuditChain(tx), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
