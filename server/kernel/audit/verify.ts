import { asc, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { auditLog } from '../kernel.schema.js';
import { type AnchorLine, type AnchorRead, readAnchor, readAnchorRecord } from './anchor.js';
import { auditHash, GENESIS_HASH, MARKER } from './audit.js';
import type { AuditKey } from './audit-key.js';

/**
 * Verification of the audit chain against the audit key and the anchor file. Every finding names
 * its kind and the row (or anchor line):
 *   hash_mismatch        a row's content does not match its hash (edited; or re-hashed without the key)
 *   chain_broken         a row does not follow the one before it (rows deleted in the middle)
 *   tail_truncated       rows anchored by a checkpoint are gone from the end of the chain
 *   anchored_row_missing a row anchored by a checkpoint is gone from the middle of the chain
 *   anchor_mismatch      the row at a checkpoint's seq has another hash (replaced, or the chain re-hashed)
 *   marker_changed       the switch to keyed hashes is not where the anchor recorded it (re-hashed without the key)
 *   anchor_missing       no anchor file, or none of its lines is a valid checkpoint
 *   anchor_line_invalid  an anchor line was edited, torn, or written with another key
 *   anchor_line_missing  anchor lines were removed (a gap, or fewer lines than the database recorded)
 */
export interface AuditVerifyProblem {
  seq: number;
  problem: string;
  detail: string;
  /** Line of the anchor file, for anchor findings. */
  line?: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: number | null;
  /** The marker row from which hashes are keyed; rows before it carry plain SHA-256 hashes. */
  keyedFromSeq: number | null;
  anchor: { checkpoints: number; lastSeq: number | null; lastAt: string | null };
  problems: AuditVerifyProblem[];
  /** Findings beyond the listed ones (a re-hashed chain has one per row). */
  more: number;
}

const MAX_LISTED = 200;

/** Findings about the whole (anchor, tail, marker) are listed before the per-row ones, which can be one per row. */
class Findings {
  private readonly whole: AuditVerifyProblem[] = [];
  private readonly rows: AuditVerifyProblem[] = [];
  private rowCount = 0;
  add(p: AuditVerifyProblem) {
    this.whole.push(p);
  }
  addRow(p: AuditVerifyProblem) {
    this.rowCount++;
    if (this.rows.length < MAX_LISTED) this.rows.push(p);
  }
  result(): { problems: AuditVerifyProblem[]; more: number } {
    const all = [...this.whole, ...this.rows];
    return { problems: all.slice(0, MAX_LISTED), more: this.whole.length + this.rowCount - Math.min(all.length, MAX_LISTED) };
  }
}

/** Walks the whole chain in bounded pages, checking each row's hash, its link, and the checkpoints. */
export async function verifyAuditChain(ex: Executor, key: AuditKey, anchor: AnchorRead, pageSize = 5000): Promise<AuditVerifyResult> {
  const found = new Findings();
  const bySeq = new Map<number, (AnchorLine & { line: number })[]>();
  for (const l of anchor.lines) bySeq.set(l.seq, [...(bySeq.get(l.seq) ?? []), l]);
  let prevHash = GENESIS_HASH;
  let prevSeq: number | null = null;
  let marker: { seq: number; hash: string } | null = null;
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
      if (!marker && r.action === MARKER.action && r.entityType === MARKER.entityType) marker = { seq: r.seq, hash: r.hash };
      if (r.prevHash !== prevHash) {
        found.addRow({
          seq: r.seq,
          problem: 'chain_broken',
          detail:
            prevSeq === null
              ? `row ${r.seq} does not start the chain: the rows before it were deleted`
              : `row ${r.seq} does not follow row ${prevSeq}: rows between them were deleted or row ${prevSeq} was edited`,
        });
      }
      if (auditHash(r, marker ? key : null) !== r.hash) {
        found.addRow({
          seq: r.seq,
          problem: 'hash_mismatch',
          detail: marker
            ? `row ${r.seq} does not match its keyed hash: the row was edited, or the chain re-hashed without the audit key`
            : `row ${r.seq} was edited after it was written`,
        });
      }
      for (const cp of bySeq.get(r.seq) ?? []) {
        if (cp.hash !== r.hash) {
          found.addRow({
            seq: r.seq,
            line: cp.line,
            problem: 'anchor_mismatch',
            detail: `row ${r.seq} is not the row anchored at ${cp.at} (anchor line ${cp.line}): it was replaced, or the chain re-hashed`,
          });
        }
      }
      bySeq.delete(r.seq);
      prevHash = r.hash;
      prevSeq = r.seq;
    }
    if (rows.length < pageSize) break;
  }

  // Checkpoints whose row is gone: deleted from the middle, or the tail cut (and perhaps written on).
  const missing = [...bySeq.values()].flat().sort((a, b) => a.seq - b.seq);
  const beyond = missing.filter((cp) => prevSeq === null || cp.seq > prevSeq);
  for (const cp of missing) {
    if (beyond.includes(cp)) continue;
    found.add({
      seq: cp.seq,
      line: cp.line,
      problem: 'anchored_row_missing',
      detail: `row ${cp.seq}, anchored at ${cp.at} (anchor line ${cp.line}), was deleted`,
    });
  }
  const lastBeyond = beyond.at(-1);
  if (lastBeyond) {
    found.add({
      seq: lastBeyond.seq,
      line: lastBeyond.line,
      problem: 'tail_truncated',
      detail: `the chain ends at row ${prevSeq ?? '—'}, but row ${lastBeyond.seq} was anchored at ${lastBeyond.at} (anchor line ${lastBeyond.line}): the rows after ${prevSeq ?? 'the start'} were deleted`,
    });
  }

  // Every checkpoint names the marker: a chain re-hashed without the key has none, or another.
  const lastCp = anchor.lines.at(-1);
  if (lastCp && (marker?.seq !== lastCp.keyedFrom || marker?.hash !== lastCp.chain)) {
    found.add({
      seq: lastCp.keyedFrom,
      line: lastCp.line,
      problem: 'marker_changed',
      detail: marker
        ? `the anchor records keyed hashes from row ${lastCp.keyedFrom}, but the database's marker is row ${marker.seq}${marker.seq === lastCp.keyedFrom ? ' with another hash' : ''}: the chain was re-hashed or the anchor file belongs to another database`
        : `the anchor records keyed hashes from row ${lastCp.keyedFrom}, but the database has no keyed rows: the chain was re-hashed without the audit key`,
    });
  }
  if (!anchor.exists) {
    found.add({ seq: 0, problem: 'anchor_missing', detail: `the anchor file ${anchor.file} does not exist: the chain's head cannot be checked` });
  } else if (!lastCp && (marker || checked > 0)) {
    found.add({ seq: 0, problem: 'anchor_missing', detail: `the anchor file ${anchor.file} holds no valid checkpoint` });
  }
  for (const p of anchor.problems) found.add(p);

  const { problems, more } = found.result();
  return {
    ok: problems.length === 0,
    checked,
    lastSeq: prevSeq,
    keyedFromSeq: marker?.seq ?? null,
    anchor: { checkpoints: anchor.lines.length, lastSeq: lastCp?.seq ?? null, lastAt: lastCp?.at ?? null },
    problems,
    more,
  };
}

/**
 * The full check: the anchor file is read first, then the chain in one consistent snapshot (writes
 * committing meanwhile do not look like tampering, and every checkpoint read names a committed row).
 */
export async function verifyAudit(db: Db, key: AuditKey, anchorFile: string): Promise<AuditVerifyResult> {
  const anchor = await readAnchor(anchorFile, key);
  const result = await db.transaction((tx) => verifyAuditChain(tx, key, anchor), { isolationLevel: 'repeatable read', accessMode: 'read only' });
  // The database notes each file's last checkpoint: fewer lines in the file means its end was cut.
  const record = anchor.fileId ? await readAnchorRecord(db, anchor.fileId) : null;
  if (record && record.n > anchor.lastN) {
    // A checkpoint may have been appended since the file was read: look again before reporting.
    const again = await readAnchor(anchorFile, key);
    if (again.lastN < record.n) {
      result.problems.unshift({
        seq: record.seq,
        problem: 'anchor_line_missing',
        detail: `the database recorded checkpoint ${record.n} (row ${record.seq}) in this anchor file, but the file ends at checkpoint ${again.lastN}: its last lines were removed`,
      });
      result.ok = false;
    }
  }
  return result;
}
