import { createHash } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { auditLog, setting } from '../kernel.schema.js';
import type { AuditKey } from './audit-key.js';

/**
 * Hash-chained audit log (architecture.md §4.8). Each row's hash covers its content and the previous
 * row's hash. From the marker row `audit.keyed` on, the hash is an HMAC under the audit key, which
 * the database does not hold (audit-key.ts); rows before the marker (written by earlier versions)
 * keep their plain SHA-256 and are verified as such. The head is anchored outside the database by
 * checkpoints in an append-only file (anchor.ts). Rows are written in the caller's transaction,
 * under an advisory lock that orders them.
 */
const AUDIT_LOCK = 7_304_210_502;
export const GENESIS_HASH = '0'.repeat(64);
/** The row that switches a chain to keyed hashes; it is the first keyed row. */
export const MARKER = { action: 'audit.keyed', entityType: 'audit_chain' } as const;
/** The head row earlier versions kept in `setting`: in the database it proved nothing and it is no longer written. */
const LEGACY_HEAD_KEY = 'audit.head';

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

export interface HashInput {
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

/** The hash of a row: HMAC under the audit key for keyed rows, plain SHA-256 (rows before the marker) without. */
export function auditHash(r: HashInput, key: AuditKey | null): string {
  const body = canonicalJson({
    at: r.at.toISOString(),
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
  return key ? key.rowMac(body) : createHash('sha256').update(body).digest('hex');
}

export interface AuditMarker {
  seq: number;
  hash: string;
  keyId: string | null;
}

export async function findMarker(ex: Executor): Promise<AuditMarker | null> {
  const [m] = await ex
    .select({ seq: auditLog.seq, hash: auditLog.hash, keyId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, MARKER.entityType), eq(auditLog.action, MARKER.action)))
    .orderBy(asc(auditLog.seq))
    .limit(1);
  return m ?? null;
}

export class AuditKeyMismatchError extends Error {
  constructor(chainKeyId: string | null, keyId: string) {
    super(
      `Taihang: this database's audit chain is keyed with audit key ${chainKeyId}, but the audit key file holds key ${keyId}. ` +
        'Restore the key file the chain was sealed with (TAIHANG_AUDIT_KEY_FILE; see docs/operations.md).',
    );
  }
}

/** Transactions that inserted the marker: it is cached only once it is known to be committed. */
const markerPending = new WeakSet<object>();

/** Appends one row after the current last one; the caller holds the audit lock. */
async function appendRow(tx: Executor, key: AuditKey, row: Omit<HashInput, 'prevHash'>): Promise<{ seq: number; hash: string }> {
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const full: HashInput = { ...row, prevHash: last?.hash ?? GENESIS_HASH };
  const hash = auditHash(full, key);
  const [inserted] = await tx
    .insert(auditLog)
    .values({ ...full, hash })
    .returning({ seq: auditLog.seq });
  return { seq: inserted?.seq as number, hash };
}

/**
 * Switches the chain to keyed hashes if it is not yet (the append-only migration: a marker row, no
 * existing row changes). The caller holds the audit lock. Refuses a key other than the chain's.
 */
async function ensureKeyed(tx: Executor, key: AuditKey, now: Date): Promise<AuditMarker> {
  const found = await findMarker(tx);
  if (found) {
    if (found.keyId !== key.id) throw new AuditKeyMismatchError(found.keyId, key.id);
    if (!markerPending.has(tx)) key.markerSeq = found.seq;
    return found;
  }
  const written = await appendRow(tx, key, {
    at: now,
    actorId: null,
    actorName: 'system',
    unit: null,
    action: MARKER.action,
    entityType: MARKER.entityType,
    entityId: key.id,
    before: null,
    after: { algorithm: 'HMAC-SHA256', keyId: key.id },
    requestId: null,
    ip: null,
  });
  markerPending.add(tx);
  await tx.delete(setting).where(eq(setting.key, LEGACY_HEAD_KEY));
  return { ...written, keyId: key.id };
}

/** At start-up: the marker exists (appended now if needed) and belongs to this key. */
export async function sealAuditChain(db: Db, key: AuditKey, now: Date): Promise<AuditMarker> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    return ensureKeyed(tx, key, now);
  });
}

export class Audit {
  constructor(
    private readonly tx: Executor,
    private readonly key: AuditKey,
    private readonly actor: AuditActor,
    private readonly request: AuditRequest,
    private readonly now: () => Date,
  ) {}

  /** The same request and transaction, recorded under another actor (e.g. the user who just signed in). */
  as(actor: AuditActor): Audit {
    return new Audit(this.tx, this.key, actor, this.request, this.now);
  }

  /**
   * Many entries of one action at once (an import of thousands of rows): one lock, one read of the last
   * hash and one insert per 500 rows, instead of three statements per entry; the chain is the same as
   * recording them one by one.
   */
  async recordMany(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
    if (this.key.markerSeq === null) await ensureKeyed(this.tx, this.key, this.now());
    const [last] = await this.tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = this.now();
    const rows = entries.map((entry) => {
      const full: HashInput = {
        at,
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
        prevHash,
      };
      prevHash = auditHash(full, this.key);
      return { ...full, hash: prevHash };
    });
    // One INSERT … VALUES assigns seq in the order of its rows, so the chain order holds.
    for (let i = 0; i < rows.length; i += 500) await this.tx.insert(auditLog).values(rows.slice(i, i + 500));
  }

  /** Three statements on the usual path: the lock, the last hash, the insert (the marker is looked up once per process). */
  record(entry: AuditEntry): Promise<void> {
    return this.recordMany([entry]);
  }
}
